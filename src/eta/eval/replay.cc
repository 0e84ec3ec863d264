#include "eta/eval/replay.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "eta/baseline.h"
#include "eta/eval/text_cues.h"

namespace phare::eta {
namespace {

struct KnownIncident {
  PastIncident incident;
  base::Time known_at;
};

// What the operator had said by the current update.
struct Statements {
  std::optional<base::Time> next_update_at;
  std::vector<OperatorEstimate> eta;  // the latest one counts
};

void Hear(const ReplayUpdate& update, Statements& said) {
  TextCues cues = ParseTextCues(update.text, update.at);
  said.next_update_at = update.next_update_at ? update.next_update_at : cues.next_update_at;
  if (update.operator_eta) {
    said.eta.push_back(*update.operator_eta);
  } else if (cues.eta) {
    said.eta.push_back(*cues.eta);
  } else if (cues.no_eta) {
    said.eta.clear();
  }
}

std::vector<KnownIncident> AllPast(std::span<const ReplayIncident> incidents,
                                   const EvalOptions& options) {
  std::vector<KnownIncident> out;
  std::unordered_set<std::string_view> ids;
  for (const ReplayIncident& r : incidents) {
    PastIncident p{r.id, r.cause, r.impact, r.kind, r.started_at, r.resolved_at, 1.0, {}, ""};
    Statements said;
    for (const ReplayUpdate& u : r.updates) {
      Hear(u, said);
      if (!u.closes) p.updates.push_back({u.at, said.next_update_at});
    }
    out.push_back({std::move(p), r.known_at});
    ids.insert(r.id);
  }
  if (!options.use_builtin_baseline) return out;
  std::vector<const PastIncident*> builtin;
  for (const PastIncident& p : BuiltinBaseline()) {
    if (ids.contains(p.id) || std::ranges::count(options.exclude_sources, p.source) > 0) continue;
    builtin.push_back(&p);
  }
  for (const PastIncident* p : builtin) {
    out.push_back({*p, p->started_at});
    out.back().incident.weight =
        options.config.builtin_incidents / static_cast<double>(builtin.size());
  }
  return out;
}

double Quantile(std::vector<double>& sorted, double q) {
  double k = (static_cast<double>(sorted.size()) - 1) * q;
  size_t lo = static_cast<size_t>(std::floor(k)), hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (k - static_cast<double>(lo));
}

// A prediction from durations (hours from the start), never before `now`.
Prediction FromDurations(std::vector<double> durations, const ReplayIncident& inc, base::Time now) {
  std::sort(durations.begin(), durations.end());
  Prediction p;
  p.incident_id = inc.id;
  p.at = now;
  p.end = *inc.resolved_at;
  p.p10 = std::max(AddHours(inc.started_at, Quantile(durations, 0.1)), now);
  p.p50 = std::max(AddHours(inc.started_at, Quantile(durations, 0.5)), now);
  p.p90 = std::max(AddHours(inc.started_at, Quantile(durations, 0.9)), now);
  p.point = p.p50;
  return p;
}

Prediction GlobalMedian(const std::vector<const PastIncident*>& past, const ReplayIncident& inc,
                        base::Time now) {
  std::vector<double> durations;
  for (const PastIncident* p : past) {
    if (p->resolved_at && *p->resolved_at <= now) {
      durations.push_back(HoursBetween(p->started_at, *p->resolved_at));
    }
  }
  if (durations.empty()) durations = {0.25, 2, 16};  // the generic prior's p10, p50, p90
  return FromDurations(std::move(durations), inc, now);
}

Prediction CategoryMedian(const std::vector<const PastIncident*>& past, const ReplayIncident& inc,
                          base::Time now) {
  constexpr size_t kMinCategory = 3;
  double elapsed = HoursBetween(inc.started_at, now);
  std::vector<double> same, longer;
  for (const PastIncident* p : past) {
    if (!p->resolved_at || *p->resolved_at > now) continue;
    double d = HoursBetween(p->started_at, *p->resolved_at);
    if (d <= elapsed) continue;
    longer.push_back(d);
    if (p->cause == inc.cause) same.push_back(d);
  }
  if (same.size() >= kMinCategory) return FromDurations(std::move(same), inc, now);
  if (!longer.empty()) return FromDurations(std::move(longer), inc, now);
  double e = std::max(elapsed, 0.25);
  return FromDurations({elapsed + e / 4, 2 * e, 8 * e}, inc, now);
}

std::optional<Prediction> OperatorStated(const Statements& said, const ReplayIncident& inc,
                                         base::Time now) {
  if (said.eta.empty() || said.eta.back().to <= now) return std::nullopt;
  const OperatorEstimate& e = said.eta.back();
  Prediction p;
  p.incident_id = inc.id;
  p.at = now;
  p.end = *inc.resolved_at;
  p.p90 = p.point = e.to;
  p.p10 = std::max(e.from.value_or(e.to), now);
  p.p50 = p.p10 + (p.p90 - p.p10) / 2;
  return p;
}

}  // namespace

std::vector<std::pair<std::string, std::vector<Prediction>>> ReplayPredictions(
    std::span<const ReplayIncident> incidents, const EvalOptions& options) {
  std::vector<std::pair<std::string, std::vector<Prediction>>> out = {
      {"phare", {}}, {"global_median", {}}, {"category_median", {}}, {"operator", {}}};
  std::vector<KnownIncident> all = AllPast(incidents, options);
  EtaConfig config = options.config;
  config.use_builtin_baseline = false;  // joined above, under the replay's rule
  for (const ReplayIncident& inc : incidents) {
    if (!inc.resolved_at) continue;
    Statements said;
    std::vector<model::Estimate> published;
    for (const ReplayUpdate& update : inc.updates) {
      Hear(update, said);
      base::Time now = std::max(update.at, inc.started_at);
      if (update.closes || now >= *inc.resolved_at) continue;
      EtaInput in;
      in.incident_id = inc.id;
      in.name = inc.name;
      in.cause = inc.cause;
      in.impact = update.impact;
      in.kind = inc.kind;
      in.started_at = inc.started_at;
      in.now = now;
      in.next_update_at = said.next_update_at;
      if (!said.eta.empty()) in.operator_estimates.push_back(said.eta.back());
      in.published = published;
      std::vector<const PastIncident*> past;
      for (const KnownIncident& k : all) {
        if (k.known_at <= now && k.incident.id != inc.id) {
          in.history.push_back(k.incident);
          past.push_back(&k.incident);
        }
      }
      auto result = Recompute(in, config);
      if (!result.ok()) continue;
      const ScopeEta& whole = result->scopes.front();
      published = {whole.published};
      out[0].second.push_back({inc.id, now, *inc.resolved_at, whole.published.p10,
                               whole.published.p50, whole.published.p90, whole.expected_by});
      out[1].second.push_back(GlobalMedian(past, inc, now));
      out[2].second.push_back(CategoryMedian(past, inc, now));
      if (auto stated = OperatorStated(said, inc, now)) out[3].second.push_back(*stated);
    }
  }
  return out;
}

EvalReport Evaluate(std::span<const ReplayIncident> incidents, const EvalOptions& options) {
  EvalReport report;
  report.incidents = incidents.size();
  auto predictions = ReplayPredictions(incidents, options);
  std::unordered_set<std::string_view> replayed;
  for (const Prediction& p : predictions.front().second) replayed.insert(p.incident_id);
  report.replayed = replayed.size();
  report.phare = ScorePredictions(predictions.front().second);
  for (size_t i = 1; i < predictions.size(); ++i) {
    report.baselines.push_back({predictions[i].first, ScorePredictions(predictions[i].second)});
  }
  return report;
}

}  // namespace phare::eta
