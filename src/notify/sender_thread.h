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

}  // namespace phare::notify
