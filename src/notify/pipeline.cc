#include "notify/pipeline.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "notify/sender_thread.h"

namespace phare::notify {
namespace {

using SteadyClock = std::chrono::steady_clock;

void LowerPriority(int nice) {
  if (nice <= 0) return;
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  if (setpriority(PRIO_PROCESS, tid, getpriority(PRIO_PROCESS, tid) + nice) != 0) {
    spdlog::debug("could not lower the priority of a notification thread");
  }
}

class PoolSender final : public Sender {
 public:
  explicit PoolSender(SenderPool& pool) : pool_(pool) {}
  base::Status Submit(std::vector<Request> requests) override {
    return pool_.Submit(std::move(requests));
  }
  size_t outstanding() const override { return pool_.outstanding(); }

 private:
  SenderPool& pool_;
};

}  // namespace

struct Pipeline::State {
  store::Store& store;
  const base::Clock& clock;
  PipelineOptions options;
  service::SubscriberTokens tokens;
  Fanout fanout;
  Dispatcher dispatcher;

  std::mutex mu;
  std::condition_variable fanout_cv;
  std::condition_variable dispatch_cv;
  bool stopping = false;               // GUARDED_BY(mu)
  bool fanout_wake = false;            // GUARDED_BY(mu)
  bool dispatch_wake = false;          // GUARDED_BY(mu)
  std::vector<Outcome> outcomes;       // GUARDED_BY(mu): from the sender thread
  std::chrono::milliseconds drain{0};  // GUARDED_BY(mu)
  std::atomic<uint64_t> variants_rendered{0};
  std::atomic<uint64_t> deliveries_queued{0};
  std::atomic<size_t> in_flight{0};
  SteadyClock::time_point next_purge{};  // fan-out thread only
  std::thread fanout_thread;
  std::thread dispatch_thread;

  State(store::Store& s, const base::Clock& c, base::Random& random, model::Page page,
        PipelineOptions o, IncidentJsonFn json, service::SubscriberTokens t)
      : store(s),
        clock(c),
        options(std::move(o)),
        tokens(std::move(t)),
        fanout(s, c, options.fanout, std::move(json), options.customer_match),
        dispatcher(s, c, random, options.dispatcher, tokens, std::move(page)) {}

  // Removes old finished deliveries in batches, at most once an hour, yielding to work.
  void PurgeIfDue() {
    if (options.keep_delivered.count() <= 0 || SteadyClock::now() < next_purge) return;
    next_purge = SteadyClock::now() + std::chrono::hours(1);
    constexpr size_t kBatch = 10000;
    const base::Time before = clock.Now() - options.keep_delivered;
    int64_t total = 0;
    for (;;) {
      int64_t removed = 0;
      const auto status = store.Write([&](store::Tx& tx) {
        PHARE_ASSIGN_OR_RETURN(removed, tx.PurgeDeliveries(before, kBatch));
        return base::Status::Ok();
      });
      if (!status.ok()) {
        spdlog::error("removing old deliveries: {}", status.ToString());
        break;
      }
      total += removed;
      if (removed < static_cast<int64_t>(kBatch)) break;
      std::unique_lock lock(mu);  // leave the database to others a moment; stop for work
      if (fanout_cv.wait_for(lock, std::chrono::milliseconds(20),
                             [&] { return stopping || fanout_wake; })) {
        break;
      }
    }
    if (total > 0) {
      spdlog::info("removed {} delivered notifications of updates older than {} days", total,
                   options.keep_delivered.count() / 24);
    }
  }

  void FanoutLoop() {
    LowerPriority(options.nice);
    for (;;) {
      auto worked = fanout.Step();
      variants_rendered = fanout.variants_rendered();
      deliveries_queued = fanout.deliveries_queued();
      if (!worked.ok()) spdlog::error("notification fan-out: {}", worked.status().ToString());
      std::unique_lock lock(mu);
      if (worked.ok() && *worked) {
        dispatch_wake = true;
        dispatch_cv.notify_one();
        if (options.fanout_pause.count() > 0) {
          fanout_cv.wait_for(lock, options.fanout_pause, [&] { return stopping; });
        }
      } else {
        lock.unlock();
        if (worked.ok()) PurgeIfDue();
        lock.lock();
        fanout_cv.wait_for(lock, options.poll, [&] { return stopping || fanout_wake; });
      }
      fanout_wake = false;
      if (stopping) return;
    }
  }

  void Record() {
    std::vector<Outcome> batch;
    {
      std::lock_guard lock(mu);
      batch.swap(outcomes);
    }
    if (batch.empty()) return;
    if (auto s = dispatcher.Record(batch); !s.ok()) {
      spdlog::error(
          "recording {} notification outcomes: {} (their leases will expire and "
          "they will be sent again)",
          batch.size(), s.ToString());
    }
  }

  void DispatchLoop() {
    LowerPriority(options.nice);  // the sender thread started below inherits it
    auto pool =
        SenderPool::Start(options.sender_threads, options.transport, clock, [this](auto& done) {
          std::lock_guard lock(mu);
          const bool first = outcomes.empty();
          for (auto& o : done) outcomes.push_back(std::move(o));
          // Wake the dispatcher when a batch starts (its timer) and when one is full.
          if (first || outcomes.size() >= options.record_batch) dispatch_cv.notify_one();
        });
    if (!pool.ok()) {
      spdlog::error("notifications are not sent: {}", pool.status().ToString());
      return;
    }
    PoolSender sender(**pool);
    for (;;) {
      Record();
      {
        std::lock_guard lock(mu);
        if (stopping) break;
      }
      if (auto sent = dispatcher.Dispatch(sender); !sent.ok()) {
        spdlog::error("notification dispatch: {}", sent.status().ToString());
      }
      in_flight = dispatcher.in_flight();
      std::unique_lock lock(mu);
      dispatch_cv.wait_for(lock, options.poll,
                           [&] { return stopping || dispatch_wake || !outcomes.empty(); });
      // Let a batch of outcomes gather: one transaction records them all.
      dispatch_cv.wait_for(lock, options.record_interval, [&] {
        return stopping || dispatch_wake || outcomes.size() >= options.record_batch;
      });
      dispatch_wake = false;
    }
    // Drain: answers still coming are recorded for a while; the rest stays leased.
    const auto deadline = SteadyClock::now() + drain;
    while ((*pool)->outstanding() > 0 && SteadyClock::now() < deadline) {
      std::unique_lock lock(mu);
      dispatch_cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return !outcomes.empty(); });
      lock.unlock();
      Record();
    }
    pool->reset();
    Record();
  }
};

Pipeline::Pipeline(std::unique_ptr<State> state) : state_(std::move(state)) {}

base::Result<std::unique_ptr<Pipeline>> Pipeline::Start(
    store::Store& store, const base::Clock& clock, base::Random& random, model::Page page,
    PipelineOptions options, IncidentJsonFn incident_json, service::SubscriberTokens tokens) {
  auto state = std::make_unique<State>(store, clock, random, std::move(page), std::move(options),
                                       std::move(incident_json), std::move(tokens));
  PHARE_ASSIGN_OR_RETURN(int64_t released, state->dispatcher.ReleaseLeases());
  if (released > 0) {
    spdlog::info("{} notifications left in flight by the previous run are due again", released);
  }
  State* raw = state.get();
  state->fanout_thread = std::thread([raw] { raw->FanoutLoop(); });
  state->dispatch_thread = std::thread([raw] { raw->DispatchLoop(); });
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(state)));
}

Pipeline::~Pipeline() { Stop(); }

void Pipeline::Wake() {
  {
    std::lock_guard lock(state_->mu);
    state_->fanout_wake = true;
    state_->dispatch_wake = true;
  }
  state_->fanout_cv.notify_one();
  state_->dispatch_cv.notify_one();
}

void Pipeline::Stop(std::chrono::milliseconds drain) {
  {
    std::lock_guard lock(state_->mu);
    if (state_->stopping) return;
    state_->stopping = true;
    state_->drain = drain;
  }
  state_->fanout_cv.notify_all();
  state_->dispatch_cv.notify_all();
  if (state_->fanout_thread.joinable()) state_->fanout_thread.join();
  if (state_->dispatch_thread.joinable()) state_->dispatch_thread.join();
}

void Pipeline::Export(base::Registry& registry) {
  State* s = state_.get();
  registry.Add("phare_notify_deliveries_total",
               "Notification attempts by channel and outcome (delivered, retried, dead).",
               "counter", [s](std::string& out) {
                 static constexpr const char* kKinds[] = {"delivered", "retried", "dead"};
                 for (size_t c = 0; c < kChannelCount; ++c) {
                   for (size_t k = 0; k < DispatchCounters::kCount; ++k) {
                     out += fmt::format(
                         "phare_notify_deliveries_total{{channel=\"{}\",outcome=\"{}\"}} {}\n",
                         ToString(static_cast<Channel>(c)), kKinds[k],
                         s->dispatcher.counters().by_channel[c][k].load());
                   }
                 }
               });
  registry.Add("phare_notify_outbox", "Deliveries in the outbox by channel and state.", "gauge",
               [s](std::string& out) {
                 store::DeliveryCounts counts;
                 auto status = s->store.Read([&](store::Tx& tx) {
                   PHARE_ASSIGN_OR_RETURN(counts, tx.CountDeliveries());
                   return base::Status::Ok();
                 });
                 if (!status.ok()) return;
                 for (size_t c = 0; c < kChannelCount; ++c) {
                   for (size_t k = 0; k < model::kDeliveryStateCount; ++k) {
                     out += fmt::format("phare_notify_outbox{{channel=\"{}\",state=\"{}\"}} {}\n",
                                        ToString(static_cast<Channel>(c)),
                                        model::ToString(static_cast<model::DeliveryState>(k)),
                                        counts.by_channel[c][k]);
                   }
                 }
               });
  registry.Add(
      "phare_notify_variants_rendered_total",
      "Distinct notification variants rendered by fan-outs.", "counter", [s](std::string& out) {
        out +=
            fmt::format("phare_notify_variants_rendered_total {}\n", s->variants_rendered.load());
      });
  registry.Add("phare_notify_fanout_queued_total", "Deliveries queued by fan-outs.", "counter",
               [s](std::string& out) {
                 out += fmt::format("phare_notify_fanout_queued_total {}\n",
                                    s->deliveries_queued.load());
               });
  registry.Add("phare_notify_in_flight", "Messages handed to the sender, not yet answered.",
               "gauge", [s](std::string& out) {
                 out += fmt::format("phare_notify_in_flight {}\n", s->in_flight.load());
               });
}

}  // namespace phare::notify
