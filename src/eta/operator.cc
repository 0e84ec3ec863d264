#include "eta/operator.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace phare::eta {
namespace {

// Probability under `data` that the remaining time is at most `hours`.
double ProbabilityBy(const SourceEstimate& data, double hours) {
  double x = std::log(std::max(hours, kMinRemainingHours));
  return NormalCdf((x - data.remaining.mu) / data.remaining.sigma);
}

}  // namespace

std::optional<SourceEstimate> OperatorSource(const OperatorEstimate& stated, base::Time now,
                                             const OperatorConfig& config) {
  if (stated.to <= now) return std::nullopt;
  SourceEstimate out;
  out.source = std::string(kSourceOperator);
  double to = HoursBetween(now, stated.to);
  if (stated.from && *stated.from < stated.to) {
    double from = HoursBetween(now, *stated.from);
    out.remaining = FromInterval(from, to);
    out.remaining.sigma = std::max(out.remaining.sigma, config.min_sigma);
    out.reason = fmt::format("stated by the operator: between {} and {} from now",
                             FormatHours(std::max(from, 0.0)), FormatHours(to));
  } else {
    out.remaining = {std::log(std::max(to, kMinRemainingHours)), config.point_sigma};
    out.reason = fmt::format("stated by the operator: in {}", FormatHours(to));
  }
  return out;
}

std::optional<Disagreement> CheckOperator(const OperatorEstimate& stated,
                                          const SourceEstimate& data, base::Time now,
                                          const OperatorConfig& config) {
  if (stated.to <= now) return std::nullopt;
  double latest = HoursBetween(now, stated.to);
  double earliest = stated.from ? std::max(HoursBetween(now, *stated.from), 0.0) : latest;
  double by_latest = ProbabilityBy(data, latest);
  double by_earliest = ProbabilityBy(data, earliest);
  double data_median = std::exp(data.remaining.mu);
  Disagreement d;
  if (by_latest < config.disagreement_probability) {
    d.direction = Disagreement::Direction::kTooEarly;
    d.probability = by_latest;
    d.message = fmt::format(
        "the stated time looks too early: {} data gives only {:.0f} % for service back within "
        "{} (its median: {})",
        data.source, 100 * by_latest, FormatHours(latest), FormatHours(data_median));
    return d;
  }
  if (by_earliest > 1 - config.disagreement_probability) {
    d.direction = Disagreement::Direction::kTooLate;
    d.probability = by_earliest;
    d.message = fmt::format(
        "the stated time looks too late: {} data gives {:.0f} % for service back within {} "
        "(its median: {})",
        data.source, 100 * by_earliest, FormatHours(earliest), FormatHours(data_median));
    return d;
  }
  return std::nullopt;
}

}  // namespace phare::eta
