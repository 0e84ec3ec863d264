// A Transport running on its own thread, for dispatchers that lease deliveries on one
// thread and record outcomes on another.
//
// Submit is thread-safe and never blocks on the network. Outcomes are handed in
// batches to `on_outcomes`, called on the sender thread: it should only move them to
// the caller's queue (or record them quickly), since no transfer progresses meanwhile.
// Destroying the SenderThread stops it at once: requests not yet reported are dropped
// without an outcome (their leases expire and the dispatcher sends them again, which
// the idempotency keys make safe).
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "notify/transport.h"

namespace phare::notify {

class SenderThread {
 public:
  using OutcomeHandler = std::function<void(std::vector<Outcome>&)>;

  // Errors as Transport::Create. `clock` must outlive the SenderThread.
  static base::Result<std::unique_ptr<SenderThread>> Start(TransportOptions options,
                                                           const base::Clock& clock,
                                                           OutcomeHandler on_outcomes);
  ~SenderThread();
  SenderThread(const SenderThread&) = delete;
  SenderThread& operator=(const SenderThread&) = delete;

  // Queues requests for sending. ResourceExhausted (nothing queued) when that would
  // take the number outstanding past the transport's max_queued.
  base::Status Submit(std::vector<Request> requests);

  // Requests submitted whose outcome has not been handed over yet.
  size_t outstanding() const;

  struct State;

 private:
  explicit SenderThread(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Several SenderThreads, each with its own libcurl multi handle and a share of the
// limits: one thread's event loop spends its time in system calls and wake-ups and tops
// out well below what a local relay accepts. E-mail goes to the threads in turn, each
// with its share of the relay's connections (never more than `smtp_connections` in
// all); HTTP requests go by origin, so `max_per_host` holds on the one thread serving
// an origin. Each thread gets its share of the per-channel limits (at least 1).
//
// Submit is all or nothing and must be called from one thread at a time; outstanding
// may be called from any thread. Destroying the pool stops every thread at once (see
// SenderThread).
class SenderPool {
 public:
  // `count` threads (at least 1; only as many as there are relay connections take
  // e-mail). Errors as Transport::Create.
  static base::Result<std::unique_ptr<SenderPool>> Start(size_t count,
                                                         const TransportOptions& options,
                                                         const base::Clock& clock,
                                                         const SenderThread::OutcomeHandler& done);
  ~SenderPool();
  SenderPool(const SenderPool&) = delete;
  SenderPool& operator=(const SenderPool&) = delete;

  // As SenderThread::Submit: ResourceExhausted (nothing queued) when a thread's share
  // would take it past max_queued.
  base::Status Submit(std::vector<Request> requests);
  size_t outstanding() const;
  size_t size() const { return threads_.size(); }

 private:
  SenderPool() = default;

  std::vector<std::unique_ptr<SenderThread>> threads_;
  size_t max_queued_ = 0;
  size_t email_threads_ = 1;
  size_t next_email_ = 0;
  std::vector<std::vector<Request>> split_;
};

}  // namespace phare::notify
