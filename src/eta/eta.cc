#include "eta/eta.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "eta/baseline.h"
#include "eta/cause.h"

namespace phare::eta {
namespace {

base::Status TooMany(std::string_view field, size_t limit) {
  return {base::Code::kResourceExhausted, fmt::format("more than {} {}", limit, field),
          std::string(field)};
}

// The page's own history, then the baseline records it does not already hold.
std::vector<const PastIncident*> UsableHistory(const EtaInput& input, const EtaConfig& config,
                                               std::vector<PastIncident>& weighted_baseline) {
  std::vector<const PastIncident*> out;
  out.reserve(input.history.size() + (config.use_builtin_baseline ? BuiltinBaseline().size() : 0));
  std::unordered_set<std::string_view> ids{input.incident_id};
  for (const PastIncident& p : input.history) {
    if (p.id == input.incident_id && !p.id.empty()) continue;
    out.push_back(&p);
    if (!p.id.empty()) ids.insert(p.id);
  }
  if (!config.use_builtin_baseline || BuiltinBaseline().empty()) return out;
  double weight = config.builtin_incidents / static_cast<double>(BuiltinBaseline().size());
  for (const PastIncident& p : BuiltinBaseline()) {
    if (ids.contains(p.id) || p.started_at >= input.now) continue;
    weighted_baseline.push_back(p);
    weighted_baseline.back().weight *= weight;
  }
  for (const PastIncident& p : weighted_baseline) out.push_back(&p);
  return out;
}

const OperatorEstimate* LatestStatement(const EtaInput& input, std::string_view scope) {
  const OperatorEstimate* latest = nullptr;
  for (const OperatorEstimate& e : input.operator_estimates) {
    if (e.scope != scope || e.stated_at > input.now) continue;
    if (latest == nullptr || e.stated_at >= latest->stated_at) latest = &e;
  }
  return latest;
}

ScopeEta EstimateScope(const EtaInput& input, const EtaConfig& config, std::string_view scope,
                       const DurationPrior& prior, const SourceEstimate& history) {
  ScopeEta out;
  std::vector<SourceEstimate> data{history};
  std::vector<ProgressSample> samples;
  for (const ProgressSample& s : input.progress) {
    if (s.scope == scope) samples.push_back(s);
  }
  if (auto progress = ProgressEstimate(samples, input.started_at, input.now, config.progress)) {
    data.push_back(*std::move(progress));
  }
  if (scope.empty() && input.next_update_at) {
    if (auto cadence = CadenceSource(*input.next_update_at, input.now, prior.cadence)) {
      data.push_back(*std::move(cadence));
    }
  }
  for (const SourceEstimate& s : data) {
    out.sources.push_back(ToEstimate(s, input.now, std::string(scope)));
  }
  SourceEstimate pooled = Fuse(data, config.calibration, config.min_sigma);
  out.data = ToEstimate(pooled, input.now, std::string(scope));
  SourceEstimate fresh = pooled;
  if (const OperatorEstimate* stated = LatestStatement(input, scope)) {
    if (auto op = OperatorSource(*stated, input.now, config.operator_estimate)) {
      out.sources.push_back(ToEstimate(*op, input.now, std::string(scope)));
      out.disagreement = CheckOperator(*stated, pooled, input.now, config.operator_estimate);
      if (config.operator_policy == OperatorPolicy::kShowAsStated) {
        fresh = *std::move(op);
      } else {
        data.push_back(*std::move(op));
        fresh = Fuse(data, config.calibration, config.min_sigma);
      }
    }
  }
  out.fresh = ToEstimate(fresh, input.now, std::string(scope));
  const model::Estimate* previous = nullptr;
  for (const model::Estimate& e : input.published) {
    if (e.scope == scope) previous = &e;
  }
  DampingDecision decision =
      Damp(previous, out.fresh, input.now, config.publish_quantile, config.damping);
  out.revised = decision.revise;
  out.why = decision.why;
  out.published = decision.revise ? out.fresh : *previous;
  out.expected_by = ExpectedBy(out.published, config.publish_quantile);
  return out;
}

}  // namespace

base::Status ValidateInput(const EtaInput& input) {
  if (input.progress.size() > kMaxProgressSamples) return TooMany("progress", kMaxProgressSamples);
  if (input.operator_estimates.size() > kMaxOperatorEstimates) {
    return TooMany("operator_estimates", kMaxOperatorEstimates);
  }
  if (input.history.size() > kMaxHistory) return TooMany("history", kMaxHistory);
  if (input.published.size() > kMaxPublished) return TooMany("published", kMaxPublished);
  if (input.now < input.started_at) {
    return base::InvalidArgument("now is before the incident started", "now");
  }
  for (size_t i = 0; i < input.progress.size(); ++i) {
    const ProgressSample& s = input.progress[i];
    if (s.total <= 0 || s.restored < 0 || s.restored > s.total) {
      return base::InvalidArgument(
          fmt::format("restored must be between 0 and total (> 0), got {} of {}", s.restored,
                      s.total),
          fmt::format("progress[{}]", i));
    }
  }
  for (size_t i = 0; i < input.operator_estimates.size(); ++i) {
    const OperatorEstimate& e = input.operator_estimates[i];
    if (e.from && *e.from > e.to) {
      return base::InvalidArgument("the interval ends before it starts",
                                   fmt::format("operator_estimates[{}]", i));
    }
  }
  return base::Status::Ok();
}

base::Result<EtaResult> Recompute(const EtaInput& input, const EtaConfig& config) {
  PHARE_RETURN_IF_ERROR(ValidateInput(input));
  std::vector<PastIncident> weighted_baseline;
  std::vector<const PastIncident*> history = UsableHistory(input, config, weighted_baseline);
  std::string cause = NormalizeCause(input.cause, input.name);
  DurationPrior prior =
      FitDurationPrior(history, input.kind, cause, input.impact, input.now, config.history);
  SourceEstimate from_history = HistoryEstimate(prior, cause, input.started_at, input.now);
  if (auto own = RemainingFromOwnPast(history, input.kind, cause, input.started_at, input.now,
                                      config.own)) {
    from_history = BlendOwnUpdates(from_history, *own, config.own);
  }

  std::set<std::string_view> scopes;
  for (const ProgressSample& s : input.progress) scopes.insert(s.scope);
  for (const OperatorEstimate& e : input.operator_estimates) scopes.insert(e.scope);
  scopes.erase("");
  EtaResult result;
  result.scopes.push_back(EstimateScope(input, config, "", prior, from_history));
  for (std::string_view scope : scopes) {
    result.scopes.push_back(EstimateScope(input, config, scope, prior, from_history));
  }
  return result;
}

}  // namespace phare::eta
