#include "eta/progress.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

namespace phare::eta {
namespace {

constexpr double kFractionClamp = 1e-3;  // Φ⁻¹ of 0 or 1 is infinite

double Fraction(const ProgressSample& s) {
  return std::clamp(static_cast<double>(s.restored) / static_cast<double>(s.total), 0.0, 1.0);
}

struct Point {
  double z;      // Φ⁻¹(fraction)
  double log_t;  // ln(hours since start)
};

// Least squares of ln τ on z; `points` has at least two distinct z.
ProgressCurve Regress(const std::vector<Point>& points, double target_z,
                      const ProgressConfig& config) {
  double n = static_cast<double>(points.size()), mz = 0, mt = 0;
  for (const Point& p : points) mz += p.z / n, mt += p.log_t / n;
  double szz = 0, szt = 0;
  for (const Point& p : points) szz += (p.z - mz) * (p.z - mz), szt += (p.z - mz) * (p.log_t - mt);
  ProgressCurve curve;
  curve.points = static_cast<int>(points.size());
  curve.sigma = szt / szz;
  if (curve.sigma <= 0.05) {
    // Restoration is not progressing with time in this data: fall back to the
    // assumed spread, centred on the samples.
    curve.sigma = config.prior_sigma;
    curve.mu = mt - curve.sigma * mz;
    curve.log_target_sd = config.min_residual + std::abs(target_z - mz) * config.prior_sigma_sd;
    return curve;
  }
  curve.mu = mt - curve.sigma * mz;
  double rss = 0;
  for (const Point& p : points) {
    double r = p.log_t - (curve.mu + curve.sigma * p.z);
    rss += r * r;
  }
  double s2 = points.size() > 2 ? rss / (n - 2) : 0;
  s2 = std::max(s2, config.min_residual * config.min_residual);
  double leverage = 1 / n + (target_z - mz) * (target_z - mz) / szz;
  curve.log_target_sd = std::sqrt(s2 * (1 + leverage));
  return curve;
}

}  // namespace

std::optional<ProgressCurve> FitProgressCurve(std::span<const ProgressSample> samples,
                                              base::Time started_at, base::Time now,
                                              const ProgressConfig& config) {
  std::vector<Point> points;
  for (const ProgressSample& s : samples) {
    if (s.at > now || s.at <= started_at || s.total <= 0) continue;
    double f = Fraction(s);
    if (f <= 0 || f >= 1) continue;
    f = std::clamp(f, kFractionClamp, 1 - kFractionClamp);
    points.push_back({NormalQuantile(f), std::log(HoursBetween(started_at, s.at))});
  }
  if (points.empty()) return std::nullopt;
  double target_z = NormalQuantile(config.target);
  auto distinct = std::find_if(points.begin(), points.end(),
                               [&](const Point& p) { return p.z != points.front().z; });
  if (distinct != points.end()) return Regress(points, target_z, config);
  // One level of restoration only: assume the spread.
  ProgressCurve curve;
  curve.points = static_cast<int>(points.size());
  curve.sigma = config.prior_sigma;
  double mean_t = 0;
  for (const Point& p : points) mean_t += p.log_t / static_cast<double>(points.size());
  curve.mu = mean_t - curve.sigma * points.front().z;
  curve.log_target_sd =
      config.min_residual + std::abs(target_z - points.front().z) * config.prior_sigma_sd;
  return curve;
}

std::optional<SourceEstimate> ProgressEstimate(std::span<const ProgressSample> samples,
                                               base::Time started_at, base::Time now,
                                               const ProgressConfig& config) {
  const ProgressSample* last = nullptr;
  for (const ProgressSample& s : samples) {
    if (s.at <= now && s.total > 0 && (last == nullptr || s.at >= last->at)) last = &s;
  }
  if (last == nullptr) return std::nullopt;
  SourceEstimate out;
  out.source = std::string(kSourceProgress);
  // Counts are whole: the target is reached within half a resource of it.
  if (static_cast<double>(last->restored) + 0.5 >=
      config.target * static_cast<double>(last->total)) {
    out.remaining = {std::log(kMinRemainingHours), 0.5};
    out.reason = fmt::format("{:.0f} % restored: restoration complete", 100 * Fraction(*last));
    return out;
  }
  std::optional<ProgressCurve> curve = FitProgressCurve(samples, started_at, now, config);
  if (!curve) return std::nullopt;
  double elapsed = std::max(HoursBetween(started_at, now), kMinRemainingHours);
  LogNormal target_time{curve->mu + curve->sigma * NormalQuantile(config.target),
                        curve->log_target_sd};
  auto remaining = [&](double q) {
    return std::exp(ConditionalLogQuantile(target_time, std::log(elapsed), q)) - elapsed;
  };
  double p50 = remaining(0.5);
  out.remaining = FromInterval(remaining(0.1), remaining(0.9));
  out.remaining.mu = std::log(std::max(p50, kMinRemainingHours));
  out.reason =
      fmt::format("{:.0f} % restored; the curve of {} samples reaches {:.0f} % in {}",
                  100 * Fraction(*last), curve->points, 100 * config.target, FormatHours(p50));
  return out;
}

}  // namespace phare::eta
