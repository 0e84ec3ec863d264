// Infrastructure graph at provider scale: a synthetic inventory of 1,000,000 resources on
// 100,000 infrastructure nodes for 300,000 customers (4 sites). Measures import from a
// generated file (JSON Lines, and gzip CSV), resident memory once loaded, propagation of
// a whole-site failure and of one rack, the impact summary, and the single-point-of-
// failure search, also on a 45,000-node chain (shared chains or one sweep per candidate).
// Targets (issue 3): import <= 15 s, site <= 50 ms, rack <= 1 ms, RSS <= 1 GiB.
//
//   build/bench/graph_bench [--benchmark_filter=...]
//   PHARE_GRAPH_BENCH_RESOURCES=100000 build/bench/graph_bench   (a smaller run)
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "graph/builder.h"
#include "graph/export.h"
#include "graph/impact.h"
#include "graph/import.h"
#include "graph/propagation.h"
#include "graph/spof.h"
#include "graph/synthetic.h"

namespace phare::graph {
namespace {

struct World {
  std::filesystem::path dir;
  std::string jsonl;
  std::string csv_gz;
  std::shared_ptr<const Inventory> inventory;
  std::unique_ptr<Propagation> propagation;
  std::vector<NodeIndex> racks;
};

World& TheWorld() {
  static World world;
  return world;
}

// "VmRSS" or "VmHWM" from /proc/self/status, in MiB.
double ProcStatusMib(const std::string& key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(key + ":", 0) == 0)
      return std::strtod(line.c_str() + key.size() + 1, nullptr) / 1024;
  }
  return 0;
}

SyntheticOptions Options() {
  SyntheticOptions options;
  if (const char* n = std::getenv("PHARE_GRAPH_BENCH_RESOURCES")) {
    options.resources = static_cast<uint32_t>(std::strtoul(n, nullptr, 10));
    options.infrastructure = std::max<uint32_t>(options.resources / 10, 1000);
    options.customers = std::max<uint32_t>(options.resources * 3 / 10, 1);
  }
  return options;
}

// Generates the inventory, writes it out, and frees it: the import starts clean.
void Prepare() {
  World& w = TheWorld();
  w.dir =
      std::filesystem::temp_directory_path() / ("phare-graph-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(w.dir);
  w.jsonl = (w.dir / "inventory.jsonl").string();
  w.csv_gz = (w.dir / "inventory.csv.gz").string();
  auto generated = GenerateSyntheticInventory(Options());
  if (!WriteInventoryFile(*generated, w.jsonl, InventoryFormat::kJsonLines).ok() ||
      !WriteInventoryFile(*generated, w.csv_gz, InventoryFormat::kCsv).ok()) {
    std::fprintf(stderr, "cannot write the inventory files in %s\n", w.dir.c_str());
    std::exit(1);
  }
  std::printf(
      "inventory: %u nodes, %u resources, %u customers, %u sites; %.0f MiB JSON Lines, %.0f MiB "
      "CSV gzip\n",
      generated->node_count(), generated->resource_count(), generated->customer_count(),
      generated->site_count() - 1, std::filesystem::file_size(w.jsonl) / 1048576.0,
      std::filesystem::file_size(w.csv_gz) / 1048576.0);
  generated.reset();
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";  // resets VmHWM: the peak is the import's
}

void Import(benchmark::State& state, const std::string& path, bool keep) {
  World& w = TheWorld();
  for (auto _ : state) {
    auto result = ImportInventoryFile(path);
    if (!result.ok() || !result->ok()) {
      state.SkipWithError("import failed");
      return;
    }
    state.counters["nodes"] = result->stats.nodes;
    state.counters["MB_read"] = result->stats.raw_bytes / 1e6;
    if (keep) w.inventory = result->inventory;
  }
  if (!keep) return;
  malloc_trim(0);
  state.counters["inventory_MiB"] = w.inventory->MemoryBytes() / 1048576.0;
  state.counters["RSS_MiB"] = ProcStatusMib("VmRSS");
  state.counters["peak_RSS_MiB"] = ProcStatusMib("VmHWM");
}

void BM_ImportJsonLines(benchmark::State& state) { Import(state, TheWorld().jsonl, true); }
void BM_ImportCsvGzip(benchmark::State& state) { Import(state, TheWorld().csv_gz, false); }

Propagation& Live() {
  World& w = TheWorld();
  if (!w.inventory) {
    auto result = ImportInventoryFile(w.jsonl);
    w.inventory = result->inventory;
  }
  if (!w.propagation) {
    w.propagation = std::make_unique<Propagation>(w.inventory);
    for (NodeIndex n = 0; n < w.inventory->node_count(); ++n) {
      if (w.inventory->kind(n) == NodeKind::kRack) w.racks.push_back(n);
    }
  }
  return *w.propagation;
}

void BM_RssWithPropagation(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Live());
  malloc_trim(0);
  state.counters["RSS_MiB"] = ProcStatusMib("VmRSS");
}

void BM_SiteFailure(benchmark::State& state) {
  Propagation& p = Live();
  const NodeIndex site = *p.inventory().Find("site-1");
  ApplyResult result;
  for (auto _ : state) {
    result = p.Set(site, Condition::kDown);
    state.PauseTiming();
    p.Set(site, Condition::kNormal);
    state.ResumeTiming();
  }
  state.counters["nodes_changed"] = result.nodes_changed;
  state.counters["resources_down"] = result.resources_changed;
}

void BM_SiteRestore(benchmark::State& state) {
  Propagation& p = Live();
  const NodeIndex site = *p.inventory().Find("site-1");
  for (auto _ : state) {
    state.PauseTiming();
    p.Set(site, Condition::kDown);
    state.ResumeTiming();
    p.Set(site, Condition::kNormal);
  }
}

void BM_RackFailure(benchmark::State& state) {
  Propagation& p = Live();
  const std::vector<NodeIndex>& racks = TheWorld().racks;
  size_t i = 0;
  ApplyResult result;
  for (auto _ : state) {
    const NodeIndex rack = racks[i++ % racks.size()];
    result = p.Set(rack, Condition::kDown);
    state.PauseTiming();
    p.Set(rack, Condition::kNormal);
    state.ResumeTiming();
  }
  state.counters["nodes_changed"] = result.nodes_changed;
}

void BM_SummaryAfterSiteFailure(benchmark::State& state) {
  Propagation& p = Live();
  const NodeIndex site = *p.inventory().Find("site-1");
  p.Set(site, Condition::kDown);
  ImpactSummary summary;
  for (auto _ : state) summary = Summarize(p);
  state.counters["customers"] = summary.total.customers.affected;
  p.Set(site, Condition::kNormal);
}

void BM_RecomputeFromScratch(benchmark::State& state) {
  Propagation& p = Live();
  for (auto _ : state) p.RecomputeFromScratch();
}

void BM_SinglePointsOfFailure(benchmark::State& state) {
  Propagation& p = Live();
  SpofReport report;
  for (auto _ : state) report = FindSinglePointsOfFailure(p);
  state.counters["candidates"] = report.candidates;
  state.counters["evaluated"] = static_cast<double>(report.nodes_evaluated);
  state.counters["hidden"] = static_cast<double>(report.hidden.size());
}

// A chain of `length` breakers, each fed by the one before, a resource on the last: the
// shape on which one sweep per candidate is quadratic (issue 16).
std::shared_ptr<const Inventory> ChainInventory(int64_t length) {
  InventoryBuilder builder;
  std::string before;
  uint64_t line = 0;
  for (int64_t i = 0; i < length; ++i) {
    const std::string id = "n" + std::to_string(i);
    NodeSpec spec;
    spec.id = id;
    spec.kind = NodeKind::kBreaker;
    builder.AddNode(spec, ++line);
    const std::string_view feed[] = {before};
    if (!before.empty()) builder.AddGroup(1, feed);
    before = id;
  }
  NodeSpec resource;
  resource.id = "r";
  resource.kind = NodeKind::kResource;
  resource.customer = "c";
  resource.product = "vps";
  builder.AddNode(resource, ++line);
  const std::string_view host[] = {before};
  builder.AddGroup(1, host);
  return builder.Build();
}

// Args: chain length, shared chains (1, the default) or one sweep per candidate (0).
void BM_SinglePointsOfFailureChain(benchmark::State& state) {
  Propagation p(ChainInventory(state.range(0)));
  SpofOptions options;
  options.share_chains = state.range(1) != 0;
  SpofReport report;
  for (auto _ : state) report = FindSinglePointsOfFailure(p, options);
  state.counters["candidates"] = report.candidates;
  state.counters["evaluated"] = static_cast<double>(report.nodes_evaluated);
}

void BM_SerializeBlob(benchmark::State& state) {
  Propagation& p = Live();
  std::string blob;
  for (auto _ : state) blob = SerializeInventory(p.inventory());
  state.counters["blob_MB"] = blob.size() / 1e6;
}

BENCHMARK(BM_ImportJsonLines)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportCsvGzip)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RssWithPropagation)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SiteFailure)->MinTime(0.5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SiteRestore)->MinTime(0.5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RackFailure)->MinTime(0.2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SummaryAfterSiteFailure)->MinTime(0.2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RecomputeFromScratch)->MinTime(0.2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SinglePointsOfFailure)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SinglePointsOfFailureChain)
    ->Args({45000, 1})
    ->Args({5000, 1})
    ->Args({5000, 0})
    ->Args({45000, 0})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SerializeBlob)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace phare::graph

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  phare::graph::Prepare();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ec;
  std::filesystem::remove_all(phare::graph::TheWorld().dir, ec);
  return 0;
}
