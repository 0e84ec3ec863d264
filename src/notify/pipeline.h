// The notification pipeline of one `phare serve`: a fan-out thread expanding jobs into
// deliveries (fanout.h), and a dispatch thread leasing due deliveries, sending them
// through `sender_threads` SenderThreads (libcurl multi: pooled SMTP and HTTP
// connections, per-channel and per-host limits, split between them) and recording
// outcomes in batches (dispatcher.h). Both threads
// run at a lower CPU priority (`nice`) than the HTTP server, so the public page keeps its
// pace while a million messages go out.
//
// Start() first makes every lease due again: with SQLite one node owns the outbox, so
// what a previous process left in flight is sent at once rather than after its lease
// expires (the idempotency keys let receivers drop the rare duplicate).
//
// Thread-safe: Wake and Export may be called from any thread. Destroying the pipeline
// stops it (see Stop).
#pragma once

#include <chrono>
#include <memory>

#include "base/metrics.h"
#include "notify/dispatcher.h"
#include "notify/fanout.h"

namespace phare::notify {

struct PipelineOptions {
  TransportOptions transport;
  DispatcherOptions dispatcher;
  FanoutOptions fanout;
  // Who among customer-scoped subscribers an incident concerns (the inventory decides);
  // unset: all of them.
  CustomerMatchFn customer_match;
  // Threads sending messages, each with its own connections (a share of the limits).
  size_t sender_threads = 4;
  int nice = 10;                        // added to the threads' niceness (0: none)
  std::chrono::milliseconds poll{250};  // how often idle threads look for work
  // A pause after each fan-out batch, leaving the database to other writers (0: none).
  std::chrono::milliseconds fanout_pause{0};
  // Outcomes are recorded in batches: up to this many per transaction, gathered for at
  // most this long (each commit is a disk sync).
  size_t record_batch = 2000;
  std::chrono::milliseconds record_interval{25};
  // Delivered and skipped deliveries of fan-out jobs finished longer ago than this are
  // removed (checked hourly by the idle fan-out thread; 0: kept for ever). Their counts
  // stay in the statistics; dead letters stay for a retry.
  std::chrono::hours keep_delivered{24 * 30};
};

class Pipeline {
 public:
  // The store, clock and random must outlive the pipeline. Errors: the transport's
  // (bad limits, libcurl) and the store's.
  static base::Result<std::unique_ptr<Pipeline>> Start(
      store::Store& store, const base::Clock& clock, base::Random& random, model::Page page,
      PipelineOptions options, IncidentJsonFn incident_json, service::SubscriberTokens tokens);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Something may be due: a new job, a new subscriber's confirmation.
  void Wake();
  // Stops leasing, waits up to `drain` for messages in flight and records their outcomes,
  // then stops both threads. Deliveries still leased are sent again by the next start.
  void Stop(std::chrono::milliseconds drain = std::chrono::seconds(2));

  // phare_notify_* metrics: deliveries by channel and outcome, the outbox by channel and
  // state, variants rendered, deliveries queued, messages in flight.
  void Export(base::Registry& registry);

  struct State;

 private:
  explicit Pipeline(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace phare::notify
