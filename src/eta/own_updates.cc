#include "eta/own_updates.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

namespace phare::eta {
namespace {

struct Point {
  double log_elapsed = 0;
  double log_remaining = 0;
  double weight = 0;  // the incident's share: 1 / its number of points
};

double LogHours(double hours) { return std::log(std::max(hours, kMinRemainingHours)); }

// The points of one resolved incident: its updates while open, or one virtual point
// at `elapsed` when its updates are unknown and it lasted longer than that.
void AddPoints(const PastIncident& p, double elapsed, std::vector<Point>& out) {
  size_t first = out.size();
  for (const PastUpdate& u : p.updates) {
    if (u.at < p.started_at || u.at >= *p.resolved_at) continue;
    out.push_back({LogHours(HoursBetween(p.started_at, u.at)),
                   LogHours(HoursBetween(u.at, *p.resolved_at)), 0});
  }
  if (out.size() == first && p.updates.empty()) {
    double duration = HoursBetween(p.started_at, *p.resolved_at);
    if (duration > elapsed) out.push_back({LogHours(elapsed), LogHours(duration - elapsed), 0});
  }
  for (size_t i = first; i < out.size(); ++i) out[i].weight = 1.0 / double(out.size() - first);
}

// Silverman's rule of thumb over the incidents' mean log elapsed times.
double Bandwidth(const std::vector<Point>& points, double incidents, double floor) {
  double n = 0, s1 = 0, s2 = 0;
  for (const Point& p : points) {
    n += p.weight;
    s1 += p.weight * p.log_elapsed;
    s2 += p.weight * p.log_elapsed * p.log_elapsed;
  }
  double sd = std::sqrt(std::max(s2 / n - (s1 / n) * (s1 / n), 0.0));
  return std::max(1.06 * sd * std::pow(std::max(incidents, 1.0), -0.2), floor);
}

double WeightedQuantile(std::vector<std::pair<double, double>>& values, double total, double q) {
  double target = q * total, seen = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    double next = seen + values[i].second;
    if (next >= target) {
      // Interpolate between the midpoints of neighbouring masses.
      double mid = seen + values[i].second / 2;
      if (target < mid && i > 0) {
        double prev_mid = seen - values[i - 1].second / 2;
        double t = (target - prev_mid) / (mid - prev_mid);
        return values[i - 1].first + t * (values[i].first - values[i - 1].first);
      }
      if (target >= mid && i + 1 < values.size()) {
        double next_mid = next + values[i + 1].second / 2;
        double t = (target - mid) / (next_mid - mid);
        return values[i].first + t * (values[i + 1].first - values[i].first);
      }
      return values[i].first;
    }
    seen = next;
  }
  return values.back().first;
}

}  // namespace

std::optional<OwnRemaining> RemainingFromOwnPast(std::span<const PastIncident* const> history,
                                                 model::IncidentKind kind, std::string_view cause,
                                                 base::Time started_at, base::Time now,
                                                 const OwnUpdatesConfig& config) {
  double elapsed = std::max(HoursBetween(started_at, now), kMinRemainingHours);
  std::vector<Point> points;
  double incidents = 0;
  for (const PastIncident* p : history) {
    if (p->kind != kind || !p->source.empty() || !p->resolved_at || *p->resolved_at > now) {
      continue;
    }
    size_t before = points.size();
    AddPoints(*p, elapsed, points);
    if (points.size() > before) incidents += 1;
  }
  (void)cause;
  if (incidents < config.min_incidents) return std::nullopt;
  double h = Bandwidth(points, incidents, config.min_bandwidth);
  double x = std::log(elapsed);
  std::vector<std::pair<double, double>> weighted;
  double total = 0;
  for (const Point& p : points) {
    double z = (p.log_elapsed - x) / h;
    double w = p.weight * std::exp(-0.5 * z * z);
    if (w <= 1e-12) continue;
    weighted.emplace_back(p.log_remaining, w);
    total += w;
  }
  if (total < config.min_incidents * 1e-3 || weighted.empty()) return std::nullopt;
  std::sort(weighted.begin(), weighted.end());
  OwnRemaining out;
  out.p10 = WeightedQuantile(weighted, total, 0.1);
  out.p50 = WeightedQuantile(weighted, total, 0.5);
  out.p90 = WeightedQuantile(weighted, total, 0.9);
  out.incidents = total;
  return out;
}

SourceEstimate BlendOwnUpdates(const SourceEstimate& parametric, const OwnRemaining& own,
                               const OwnUpdatesConfig& config) {
  double trust = own.incidents / (own.incidents + config.prior_incidents);
  double own_mu = own.p50;
  double own_sigma = std::max((own.p90 - own.p10) / (2 * kZ90), 0.1);
  const LogNormal& p = parametric.remaining;
  SourceEstimate out = parametric;
  out.remaining.mu = trust * own_mu + (1 - trust) * p.mu;
  double d = own_mu - p.mu;
  out.remaining.sigma = std::sqrt(trust * own_sigma * own_sigma + (1 - trust) * p.sigma * p.sigma +
                                  trust * (1 - trust) * d * d);
  out.reason += fmt::format("; at updates like this one, {:.0f} past incidents: {} remaining",
                            own.incidents, FormatHours(std::exp(own.p50)));
  return out;
}

}  // namespace phare::eta
