// The inventory's service layer at provider scale, over a real SQLite file: storing a
// synthetic inventory of 1,000,000 resources (100,000 infrastructure nodes, 300,000
// customers), loading it at start-up, reporting one rack down and back within an
// incident update (component statuses, impact counts, progress, all in the write
// transaction), rebuilding the shared graph state after a write, and building one
// customer's "my services" view.
//
//   build/bench/inventory_service_bench
//   PHARE_GRAPH_BENCH_RESOURCES=100000 build/bench/inventory_service_bench   (smaller)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "base/clock.h"
#include "base/random.h"
#include "graph/synthetic.h"
#include "service/components.h"
#include "service/incidents.h"
#include "service/inventory.h"
#include "service/my_services.h"
#include "service/page.h"
#include "store/sqlite/sqlite_store.h"

namespace phare::service {
namespace {

struct World {
  std::filesystem::path dir;
  std::unique_ptr<store::sqlite::SqliteStore> store;
  base::FakeClock clock{base::FromMillis(1510208460000)};
  base::SeededRandom random{1};
  std::unique_ptr<Context> ctx;
  std::unique_ptr<InventoryService> inventory;
  std::unique_ptr<IncidentService> incidents;
  std::shared_ptr<const graph::Inventory> generated;
  std::string incident_id;
  std::string rack = "site-1-dc1-r01-k001";
  model::Actor actor{"bench"};
};

World& TheWorld() {
  static World* world = [] {
    auto* w = new World;
    w->dir = std::filesystem::temp_directory_path() / "phare-inventory-bench";
    std::filesystem::remove_all(w->dir);
    std::filesystem::create_directories(w->dir);
    w->store =
        std::move(store::sqlite::SqliteStore::Open((w->dir / "phare.db").string(), {})).value();
    w->ctx = std::make_unique<Context>(Context{*w->store, w->clock, w->random});
    (void)EnsurePage(*w->ctx, base::PageConfig{});
    w->inventory = std::make_unique<InventoryService>(*w->ctx);
    w->incidents = std::make_unique<IncidentService>(*w->ctx);
    w->incidents->set_inventory(w->inventory.get());
    graph::SyntheticOptions options;
    if (const char* n = std::getenv("PHARE_GRAPH_BENCH_RESOURCES")) {
      options.resources = static_cast<uint32_t>(std::strtoul(n, nullptr, 10));
      options.infrastructure = std::max<uint32_t>(options.resources / 10, 1000);
      options.customers = std::max<uint32_t>(options.resources * 3 / 10, 1);
    }
    w->generated = graph::GenerateSyntheticInventory(options);
    return w;
  }();
  return *world;
}

void BM_StoreInventory(benchmark::State& state) {
  World& w = TheWorld();
  for (auto _ : state) {
    auto report = w.inventory->Put(w.actor, w.generated);
    if (!report.ok()) state.SkipWithError(report.status().ToString().c_str());
    state.counters["bytes"] = static_cast<double>(report.ok() ? report->info.bytes : 0);
  }
  state.counters["resources"] = w.generated->resource_count();
}
BENCHMARK(BM_StoreInventory)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_LoadAtStartUp(benchmark::State& state) {
  World& w = TheWorld();
  for (auto _ : state) {
    InventoryService fresh(*w.ctx);
    auto snapshot = fresh.Snapshot();
    if (!snapshot.ok() || !(*snapshot)->has_inventory()) state.SkipWithError("no inventory");
  }
}
BENCHMARK(BM_LoadAtStartUp)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_ReportRackDownAndBack(benchmark::State& state) {
  World& w = TheWorld();
  if (w.incident_id.empty()) {
    IncidentInput in;
    in.name = "Rack power";
    w.incident_id = w.incidents->Create(w.actor, in).value().id;
  }
  bool down = true;
  for (auto _ : state) {
    w.clock.Advance(std::chrono::seconds(10));
    IncidentInput in;
    model::NodeReport r;
    r.node_id = w.rack;
    r.condition = down ? model::NodeCondition::kDown : model::NodeCondition::kRestored;
    in.root_nodes = {r};
    auto updated = w.incidents->Update(w.actor, w.incident_id, in);
    if (!updated.ok()) state.SkipWithError(updated.status().ToString().c_str());
    down = !down;
  }
}
BENCHMARK(BM_ReportRackDownAndBack)->Iterations(20)->Unit(benchmark::kMillisecond);

void BM_RebuildAfterAWrite(benchmark::State& state) {
  World& w = TheWorld();
  for (auto _ : state) {
    state.PauseTiming();
    w.clock.Advance(std::chrono::seconds(1));
    auto written = w.store->Write([&](store::Tx& tx) {
      PHARE_ASSIGN_OR_RETURN(auto page, tx.GetPage());
      page.updated_at = w.clock.Now();
      return tx.PutPage(page);
    });
    if (!written.ok()) state.SkipWithError(written.ToString().c_str());
    state.ResumeTiming();
    auto snapshot = w.inventory->Snapshot();
    if (!snapshot.ok()) state.SkipWithError(snapshot.status().ToString().c_str());
  }
}
BENCHMARK(BM_RebuildAfterAWrite)->Iterations(20)->Unit(benchmark::kMillisecond);

void BM_MyServicesView(benchmark::State& state) {
  World& w = TheWorld();
  auto snapshot = w.inventory->Snapshot().value();
  const std::string customer(snapshot->inventory->customer_id(0));
  for (auto _ : state) {
    auto view = BuildMyServices(*snapshot, customer, w.clock.Now());
    benchmark::DoNotOptimize(view);
  }
}
BENCHMARK(BM_MyServicesView)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace phare::service

BENCHMARK_MAIN();
