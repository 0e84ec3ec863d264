// The fan-out alone, in process (run by `make bench`): one update to N subscribers of
// mixed channels, languages, zones and audiences, expanded into deliveries in a real
// SQLite file (synchronous=FULL, as phare runs). Reports deliveries queued per second
// and the variants rendered; the target is one million in at most 10 s. The end-to-end
// figures (page requests/s during a fan-out, e-mail and webhook rates) come from
// bench/notify_fanout.sh.
#include <benchmark/benchmark.h>

#include "base/clock.h"
#include "base/crypto.h"
#include "base/random.h"
#include "notify/fanout.h"
#include "service/components.h"
#include "service/incidents.h"
#include "service/page.h"
#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace phare::notify {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kZones[] = {"Europe/Paris",      "Europe/London",       "America/New_York",
                                  "America/Montreal",  "America/Los_Angeles", "Asia/Tokyo",
                                  "Asia/Singapore",    "Australia/Sydney",    "Africa/Casablanca",
                                  "America/Sao_Paulo", "Asia/Kolkata",        "UTC"};

model::Subscriber Reader(int64_t i) {
  model::Subscriber s;
  s.id = "s" + std::to_string(i);
  const int kind = static_cast<int>(i % 20);
  s.channel = kind < 12   ? model::Channel::kEmail
              : kind < 17 ? model::Channel::kWebhook
              : kind < 19 ? model::Channel::kSms
                          : model::Channel::kChat;
  s.address = "reader" + std::to_string(i) + "@example.org";
  if (s.channel == model::Channel::kChat) s.flavor = "slack";
  s.language = i % 2 ? "fr" : "en";
  s.time_zone = kZones[(i / 2) % 12];
  s.audience = (i / 3) % 2 ? model::Audience::kTechnical : model::Audience::kGeneral;
  s.state = model::SubscriberState::kActive;
  s.unsubscribe_hash = base::Blake2b256(s.id);
  s.secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  return s;
}

void BM_Fanout(benchmark::State& state) {
  const int64_t subscribers = state.range(0);
  for (auto _ : state) {
    state.PauseTiming();
    testing::TempDir dir;
    auto store = store::sqlite::SqliteStore::Open(dir.File("phare.db"), {}).value();
    base::FakeClock clock(base::FromMillis(1510208460000));
    base::SeededRandom random(1);
    service::Context ctx{*store, clock, random};
    base::PageConfig page;
    page.time_zone = "Europe/Paris";
    (void)service::EnsurePage(ctx, page);
    service::ComponentService components(ctx);
    service::ComponentInput c;
    c.name = "Dedicated servers SBG";
    const std::string component = components.Create({"bench"}, c).value().id;
    for (int64_t first = 0; first < subscribers; first += 50000) {
      (void)store->Write([&](store::Tx& tx) {
        for (int64_t i = first; i < std::min(subscribers, first + 50000); ++i) {
          auto s = Reader(i);
          PHARE_RETURN_IF_ERROR(tx.InsertSubscriber(s));
        }
        return base::Status::Ok();
      });
    }
    service::IncidentService incidents(ctx);
    service::IncidentInput in;
    in.name = "Strasbourg power outage";
    in.body = "Both grid feeds are down since {time:2017-11-09T06:21:00Z}.";
    in.components = {{component, model::ComponentStatus::kMajorOutage}};
    (void)incidents.Create({"bench"}, in);
    FanoutOptions options;
    options.batch = static_cast<size_t>(state.range(1));
    Fanout fanout(*store, clock, options, [](const auto&, const model::Incident& i, const auto&) {
      return "{\"id\":\"" + i.id + "\"}";
    });
    state.ResumeTiming();
    const auto start = Clock::now();
    for (;;) {
      auto worked = fanout.Step();
      if (!worked.ok()) return state.SkipWithError(worked.status().ToString().c_str());
      if (!*worked) break;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    state.SetIterationTime(seconds);
    state.counters["deliveries/s"] =
        benchmark::Counter(static_cast<double>(fanout.deliveries_queued()) / seconds);
    state.counters["deliveries"] = static_cast<double>(fanout.deliveries_queued());
    state.counters["variants"] = static_cast<double>(fanout.variants_rendered());
  }
}

BENCHMARK(BM_Fanout)
    ->Args({100000, 5000})
    ->Args({1000000, 5000})
    ->Args({1000000, 20000})
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace phare::notify

BENCHMARK_MAIN();
