// Costs of the comms layer: drafting an update in every language, checking a body,
// rendering Markdown, formatting a time for a reader, formatting a catalog message.
//   build/bench/comms_bench --benchmark_min_time=0.2
#include <benchmark/benchmark.h>

#include "comms/cadence.h"
#include "comms/catalog.h"
#include "comms/checker.h"
#include "comms/draft.h"
#include "comms/markdown.h"
#include "comms/time_format.h"
#include "comms/time_tokens.h"

namespace phare::comms {
namespace {

base::Time At(const char* text) { return *base::ParseTime(text); }

IncidentState Strasbourg() {
  IncidentState s;
  s.status = model::IncidentStatus::kInvestigating;
  s.impact = model::Impact::kCritical;
  s.at = At("2017-11-09T07:00:00Z");
  s.started_at = At("2017-11-09T06:21:00Z");
  s.first_update = true;
  for (const char* p : {"dedicated_servers", "vps", "cloud_instances", "private_cloud"}) {
    s.services.push_back({p, "Strasbourg", {}});
  }
  s.components = {{"SBG grid feed A", model::ComponentStatus::kMajorOutage, ""},
                  {"SBG generator chain 1", model::ComponentStatus::kMajorOutage, ""}};
  s.resources_affected = 40386;
  s.next_update_at = NextUpdateDue(s.at, CadencePolicy{});
  return s;
}

void BM_DraftUpdate(benchmark::State& state) {
  const IncidentState s = Strasbourg();
  Catalogs::Builtin();
  for (auto _ : state) benchmark::DoNotOptimize(DraftUpdate(s));
}
BENCHMARK(BM_DraftUpdate);

void BM_CheckGeneralBody(benchmark::State& state) {
  const IncidentState s = Strasbourg();
  const auto drafts = DraftUpdate(s);
  const model::LocalizedBody& body = drafts->bodies[0];
  CheckContext context;
  context.first_update = true;
  context.zone = *base::Zone::Find("Europe/Paris");
  const Checker& checker = Checker::Builtin();
  for (auto _ : state) benchmark::DoNotOptimize(checker.Check(body, context));
}
BENCHMARK(BM_CheckGeneralBody);

void BM_MarkdownToHtml(benchmark::State& state) {
  const auto drafts = DraftUpdate(Strasbourg());
  const std::string& body = drafts->bodies[1].body;
  for (auto _ : state) benchmark::DoNotOptimize(MarkdownToHtml(body));
}
BENCHMARK(BM_MarkdownToHtml);

void BM_TimeFormatterCreate(benchmark::State& state) {
  const Catalog& fr = *Catalogs::Builtin().Find("fr");
  const base::Zone paris = *base::Zone::Find("Europe/Paris");
  for (auto _ : state) benchmark::DoNotOptimize(TimeFormatter::Create(fr, paris));
}
BENCHMARK(BM_TimeFormatterCreate);

void BM_FormatTime(benchmark::State& state) {
  auto formatter =
      TimeFormatter::Create(*Catalogs::Builtin().Find("fr"), *base::Zone::Find("Europe/Paris"));
  const base::Time t = At("2017-11-09T07:30:00Z");
  for (auto _ : state) benchmark::DoNotOptimize(formatter->FormatTime(t));
}
BENCHMARK(BM_FormatTime);

void BM_CatalogFormat(benchmark::State& state) {
  const Catalog& en = Catalogs::Builtin().Default();
  for (auto _ : state) {
    benchmark::DoNotOptimize(en.Format("ui.incidents_count", {{"count", int64_t{40386}}}));
  }
}
BENCHMARK(BM_CatalogFormat);

}  // namespace
}  // namespace phare::comms
