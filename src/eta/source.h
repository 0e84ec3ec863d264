// What each estimator produces: one source's belief about the time still needed to
// restore service, as a lognormal over the hours remaining from `now`, with a
// one-line reason for operators. Plain values.
#pragma once

#include <string>

#include "base/time.h"
#include "eta/lognormal.h"
#include "model/incident.h"

namespace phare::eta {

inline constexpr std::string_view kSourceHistory = "history";
inline constexpr std::string_view kSourceProgress = "progress";
inline constexpr std::string_view kSourceCadence = "cadence";
inline constexpr std::string_view kSourceOperator = "operator";
inline constexpr std::string_view kSourceCombined = "combined";

// Remaining times are floored at one minute so that logs stay finite.
inline constexpr double kMinRemainingHours = 1.0 / 60;

struct SourceEstimate {
  std::string source;
  LogNormal remaining;  // log(hours from now)
  std::string reason;
};

double HoursBetween(base::Time from, base::Time to);
base::Time AddHours(base::Time t, double hours);

// The lognormal whose 10th and 90th percentiles are those given (hours, floored at
// kMinRemainingHours); its median is their geometric mean.
LogNormal FromInterval(double p10_hours, double p90_hours);

// p10/p50/p90 instants of `estimate` seen from `now`.
model::Estimate ToEstimate(const SourceEstimate& estimate, base::Time now, std::string scope);

// "2 h 40 min", "35 min", "3 d 4 h": for reasons and reports.
std::string FormatHours(double hours);

}  // namespace phare::eta
