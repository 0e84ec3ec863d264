#include "eta/combine.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace phare::eta {

SourceEstimate Fuse(std::span<const SourceEstimate> sources, double calibration, double min_sigma) {
  if (sources.size() == 1) return sources.front();
  double weight = 0, weighted_mu = 0, narrowest = sources.front().remaining.sigma;
  std::string reason;
  for (const SourceEstimate& s : sources) {
    double w = 1 / (s.remaining.sigma * s.remaining.sigma);
    weight += w;
    weighted_mu += w * s.remaining.mu;
    narrowest = std::min(narrowest, s.remaining.sigma);
    if (!reason.empty()) reason += "; ";
    reason += fmt::format("{} ({})", s.source, s.reason);
  }
  SourceEstimate out;
  out.source = std::string(kSourceCombined);
  out.remaining.mu = weighted_mu / weight;
  out.remaining.sigma =
      std::max(std::min(std::sqrt(1 / weight) * calibration, narrowest), min_sigma);
  out.reason = std::move(reason);
  return out;
}

std::optional<SourceEstimate> CadenceSource(base::Time next_update_at, base::Time now,
                                            const UpdateCalibration& calibration) {
  if (next_update_at <= now || calibration.trust <= 0) return std::nullopt;
  double hours = HoursBetween(now, next_update_at);
  SourceEstimate out;
  out.source = std::string(kSourceCadence);
  // Precision scaled by trust: with little support the hint weighs little in Fuse.
  double sigma = std::max(calibration.spread, kMinCadenceSigma) / std::sqrt(calibration.trust);
  out.remaining = {std::log(std::max(hours, kMinRemainingHours)) + calibration.offset, sigma};
  out.reason = fmt::format("next update promised in {}", FormatHours(hours));
  return out;
}

base::Time ExpectedBy(const model::Estimate& estimate, double quantile) {
  double k = NormalQuantile(std::clamp(quantile, 0.5, 0.9)) / kZ90;
  auto span = std::chrono::duration<double, std::milli>(estimate.p90 - estimate.p50).count();
  return estimate.p50 + base::Duration(std::llround(k * span));
}

DampingDecision Damp(const model::Estimate* published, const model::Estimate& fresh, base::Time now,
                     double publish_quantile, const DampingConfig& config) {
  if (published == nullptr) return {true, "first"};
  if (published->source != fresh.source) return {true, "source changed"};
  base::Time old_by = ExpectedBy(*published, publish_quantile);
  base::Time new_by = ExpectedBy(fresh, publish_quantile);
  if (old_by <= now + config.min_change) return {true, "passed"};
  if (fresh.p10 > published->p90 || fresh.p90 < published->p10) return {true, "outside"};
  auto change = new_by - old_by;
  if (change < config.min_change && -change < config.min_change) return {false, "held"};
  double ratio =
      std::log(std::max(HoursBetween(now, new_by), kMinRemainingHours) / HoursBetween(now, old_by));
  if (ratio > config.later_threshold) return {true, "later"};
  if (ratio < -config.earlier_threshold) return {true, "earlier"};
  return {false, "held"};
}

}  // namespace phare::eta
