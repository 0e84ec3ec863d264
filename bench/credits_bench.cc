// Service credits at provider scale, over a real SQLite file: the downtime intervals of
// 1,000 incidents over 1,000,000 resources of 300,000 customers (most incidents hit a
// few racks, some a room, a few a whole site: about a million intervals), and three
// page-wide maintenance windows; then a month's credits for every customer, and one
// customer's statement (what "my services" shows).
//
//   build/bench/credits_bench
//   /usr/bin/time -v build/bench/credits_bench --benchmark_filter=Month   (peak RSS)
//   PHARE_CREDITS_BENCH_RESOURCES=100000 build/bench/credits_bench        (smaller)
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "base/clock.h"
#include "base/random.h"
#include "service/credits.h"
#include "service/incidents.h"
#include "service/page.h"
#include "store/sqlite/sqlite_store.h"

namespace phare::service {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

struct World {
  std::filesystem::path dir;
  std::unique_ptr<store::sqlite::SqliteStore> store;
  base::FakeClock clock{base::ParseTime("2017-10-25T00:00:00Z").value()};
  base::SeededRandom random{1};
  std::unique_ptr<Context> ctx;
  uint32_t resources = 1'000'000;
  uint32_t customers = 300'000;
  uint32_t incidents = 1'000;
  uint64_t intervals = 0;
  std::vector<model::SlaPlan> plans = {model::DefaultSlaPlan()};
};

std::string ResourceId(uint32_t r) { return fmt::format("res-{:07}", r); }
std::string CustomerId(const World& w, uint32_t r) {
  return fmt::format("cust-{:06}", static_cast<uint64_t>(r) * w.customers / w.resources);
}

// The size of one incident's hit: 90 % a few racks, 9 % a room, 1 % a site.
uint32_t HitSize(std::mt19937& rng) {
  const int kind = std::uniform_int_distribution<int>(0, 99)(rng);
  if (kind < 90) return std::uniform_int_distribution<uint32_t>(20, 500)(rng);
  if (kind < 99) return std::uniform_int_distribution<uint32_t>(1'000, 10'000)(rng);
  return std::uniform_int_distribution<uint32_t>(20'000, 60'000)(rng);
}

void AddIncidents(World& w) {
  std::mt19937 rng(42);
  const base::Time month = base::ParseTime("2017-11-01T00:00:00Z").value();
  const char* products[] = {"dedicated", "vps", "cloud_instance", "web_hosting", "private_cloud"};
  const char* slas[] = {"sla-99.9", "sla-99.95", "sla-99.99"};
  for (uint32_t i = 0; i < w.incidents; ++i) {
    const uint32_t size = std::min(HitSize(rng), w.resources);
    const uint32_t first = std::uniform_int_distribution<uint32_t>(0, w.resources - size)(rng);
    const base::Time start =
        month + minutes(std::uniform_int_distribution<int>(-2 * 24 * 60, 30 * 24 * 60)(rng));
    const auto length = minutes(std::uniform_int_distribution<int>(5, 30 * 60)(rng));
    std::vector<model::Downtime> batch;
    for (uint32_t r = first; r < first + size; ++r) {
      model::Downtime d;
      d.resource_id = ResourceId(r);
      d.customer_id = CustomerId(w, r);
      d.product = products[r % 5];
      d.sla = slas[r % 3];
      d.kind = r % 10 == 0 ? model::DowntimeKind::kDegraded : model::DowntimeKind::kDown;
      d.started_at = start;
      d.ended_at = start + length;  // restored progressively: up to 3 h apart
      *d.ended_at += minutes((r - first) * 180 / size);
      batch.push_back(std::move(d));
    }
    w.intervals += batch.size();
    auto s = w.store->Write([&](store::Tx& tx) { return tx.OpenDowntime(batch); });
    if (!s.ok()) std::abort();
  }
}

void AddMaintenance(World& w) {
  IncidentService incidents(*w.ctx);
  for (int k = 0; k < 3; ++k) {
    IncidentInput in;
    in.name = "Network maintenance " + std::to_string(k);
    in.scheduled_for = base::ParseTime("2017-11-05T02:00:00Z").value() + hours(24 * 7 * k);
    in.scheduled_until = *in.scheduled_for + hours(3);
    if (!incidents.Create(model::Actor{"bench"}, in).ok()) std::abort();
  }
}

World& TheWorld() {
  static World* world = [] {
    auto* w = new World;
    if (const char* n = std::getenv("PHARE_CREDITS_BENCH_RESOURCES")) {
      w->resources = static_cast<uint32_t>(std::strtoul(n, nullptr, 10));
      w->customers = std::max<uint32_t>(w->resources * 3 / 10, 1);
    }
    w->dir = std::filesystem::temp_directory_path() / "phare-credits-bench";
    std::filesystem::remove_all(w->dir);
    std::filesystem::create_directories(w->dir);
    w->store =
        std::move(store::sqlite::SqliteStore::Open((w->dir / "phare.db").string(), {})).value();
    w->ctx = std::make_unique<Context>(Context{*w->store, w->clock, w->random});
    (void)EnsurePage(*w->ctx, base::PageConfig{});
    AddMaintenance(*w);
    AddIncidents(*w);
    w->clock.Set(base::ParseTime("2017-12-02T00:00:00Z").value());
    return w;
  }();
  return *world;
}

void BM_MonthCredits(benchmark::State& state) {
  World& w = TheWorld();
  size_t customers = 0, lines = 0, credited = 0;
  for (auto _ : state) {
    auto report = ComputeCredits(*w.store, w.plans, {"2017-11", ""}, w.clock.Now());
    if (!report.ok()) std::abort();
    customers = report->customers.size();
    lines = credited = 0;
    for (const auto& c : report->customers) {
      lines += c.resources.size();
      credited += c.credited;
    }
    benchmark::DoNotOptimize(report);
  }
  state.counters["intervals"] = static_cast<double>(w.intervals);
  state.counters["customers"] = static_cast<double>(customers);
  state.counters["resources"] = static_cast<double>(lines);
  state.counters["credited"] = static_cast<double>(credited);
}
BENCHMARK(BM_MonthCredits)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_CustomerStatement(benchmark::State& state) {
  World& w = TheWorld();
  std::mt19937 rng(7);
  for (auto _ : state) {
    const uint32_t r = std::uniform_int_distribution<uint32_t>(0, w.resources - 1)(rng);
    auto report = ComputeCredits(*w.store, w.plans, {"2017-11", CustomerId(w, r)}, w.clock.Now());
    if (!report.ok()) std::abort();
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_CustomerStatement)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace phare::service

BENCHMARK_MAIN();
