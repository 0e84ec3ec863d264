// Recomputing a restoration estimate, as the service layer does on every update and
// progress sample: history of a few hundred incidents plus the built-in baseline,
// a dozen progress samples, an operator statement and a published estimate.
#include <benchmark/benchmark.h>

#include <random>

#include "eta/eta.h"

namespace phare::eta {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

EtaInput MakeInput(int history_size) {
  const base::Time start = base::ParseTime("2024-03-01T10:00:00Z").value();
  std::mt19937 rng(1);
  std::lognormal_distribution<double> duration(0.7, 1.3);
  const char* causes[] = {"network", "power", "storage", "compute"};
  EtaInput in;
  in.incident_id = "now";
  in.cause = "power";
  in.impact = model::Impact::kCritical;
  in.started_at = start;
  in.now = start + hours(6);
  in.next_update_at = in.now + minutes(30);
  for (int i = 0; i < history_size; ++i) {
    PastIncident p;
    p.id = "p" + std::to_string(i);
    p.cause = causes[i % 4];
    p.impact = static_cast<model::Impact>(1 + i % 3);
    p.started_at = start - hours(24 * (i + 1));
    p.resolved_at = AddHours(p.started_at, duration(rng));
    p.updates = {{p.started_at + minutes(10), p.started_at + minutes(40)}};
    in.history.push_back(p);
  }
  for (int i = 1; i <= 12; ++i) {
    in.progress.push_back({start + minutes(30 * i), 1000 * i * i / 2, 100000, ""});
  }
  in.operator_estimates = {{"", in.now - hours(1), in.now, in.now + hours(2)}};
  in.published = {
      model::Estimate{"", in.now, in.now + hours(1), in.now + hours(3), "combined", ""}};
  return in;
}

void BM_Recompute(benchmark::State& state) {
  EtaInput in = MakeInput(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto result = Recompute(in);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_Recompute)->Arg(0)->Arg(200)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace phare::eta

BENCHMARK_MAIN();
