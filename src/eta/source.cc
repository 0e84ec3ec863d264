#include "eta/source.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

namespace phare::eta {

double HoursBetween(base::Time from, base::Time to) {
  return std::chrono::duration<double, std::ratio<3600>>(to - from).count();
}

base::Time AddHours(base::Time t, double hours) {
  constexpr double kMaxHours = 24.0 * 365 * 100;  // keeps the conversion in range
  auto ms = std::llround(std::clamp(hours, -kMaxHours, kMaxHours) * 3'600'000.0);
  return t + base::Duration(ms);
}

LogNormal FromInterval(double p10_hours, double p90_hours) {
  double lo = std::log(std::max(p10_hours, kMinRemainingHours));
  double hi = std::log(std::max(p90_hours, kMinRemainingHours));
  if (hi < lo) std::swap(lo, hi);
  return {(lo + hi) / 2, std::max((hi - lo) / (2 * kZ90), 1e-3)};
}

model::Estimate ToEstimate(const SourceEstimate& estimate, base::Time now, std::string scope) {
  const LogNormal& r = estimate.remaining;
  model::Estimate out;
  out.scope = std::move(scope);
  out.p10 = AddHours(now, std::exp(r.mu - kZ90 * r.sigma));
  out.p50 = AddHours(now, std::exp(r.mu));
  out.p90 = AddHours(now, std::exp(r.mu + kZ90 * r.sigma));
  out.source = estimate.source;
  out.reason = estimate.reason;
  return out;
}

std::string FormatHours(double hours) {
  long minutes = std::lround(std::max(hours, 0.0) * 60);
  if (minutes < 60) return fmt::format("{} min", minutes);
  if (minutes < 48 * 60) {
    return minutes % 60 == 0 ? fmt::format("{} h", minutes / 60)
                             : fmt::format("{} h {} min", minutes / 60, minutes % 60);
  }
  long hours_total = (minutes + 30) / 60;
  return hours_total % 24 == 0 ? fmt::format("{} d", hours_total / 24)
                               : fmt::format("{} d {} h", hours_total / 24, hours_total % 24);
}

}  // namespace phare::eta
