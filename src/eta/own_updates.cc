#include "eta/own_updates.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <fmt/format.h>

namespace phare::eta {
namespace {

struct Point {
  double log_elapsed = 0;
  double log_remaining = 0;
  double weight = 0;  // the incident's share: 1 / its number of points (for trust)
  size_t incident = 0;
  bool observed = false;  // at a real update (not a virtual point)
};

double LogHours(double hours) { return std::log(std::max(hours, kMinRemainingHours)); }

// The points of one resolved incident: its updates while open, or one virtual point
// at `elapsed` when its updates are unknown and it lasted longer than that.
void AddPoints(const PastIncident& p, double elapsed, size_t incident, std::vector<Point>& out) {
  size_t first = out.size();
  for (const PastUpdate& u : p.updates) {
    if (u.at < p.started_at || u.at >= *p.resolved_at) continue;
    out.push_back({LogHours(HoursBetween(p.started_at, u.at)),
                   LogHours(HoursBetween(u.at, *p.resolved_at)), 0, incident, true});
  }
  if (out.size() == first && p.updates.empty()) {
    double duration = HoursBetween(p.started_at, *p.resolved_at);
    if (duration > elapsed) {
      out.push_back({LogHours(elapsed), LogHours(duration - elapsed), 0, incident, false});
    }
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

double Kernel(double distance, double h) {
  if (std::isinf(h)) return 1;
  double z = distance / h;
  return std::exp(-0.5 * z * z);
}

// Leave-one-incident-out: the mean absolute error of the kernel median at observed
// points (at most kMaxCvPoints of them, spread over the history), each predicted from
// the other incidents' points. `points` sorted by log remaining.
constexpr size_t kMaxCvPoints = 64;
double CvError(const std::vector<Point>& points, const std::vector<size_t>& held_out, double h,
               std::vector<double>& k) {
  double error = 0;
  size_t n = 0;
  for (size_t i : held_out) {
    const Point& q = points[i];
    double total = 0;
    for (size_t j = 0; j < points.size(); ++j) {
      k[j] =
          points[j].incident == q.incident ? 0 : Kernel(points[j].log_elapsed - q.log_elapsed, h);
      total += k[j];
    }
    if (total <= 1e-9) continue;
    double seen = 0;
    for (size_t j = 0; j < points.size(); ++j) {
      seen += k[j];
      if (seen >= total / 2) {
        error += std::abs(points[j].log_remaining - q.log_remaining);
        break;
      }
    }
    ++n;
  }
  return n == 0 ? std::numeric_limits<double>::infinity() : error / double(n);
}

double CrossValidatedBandwidth(std::vector<Point> points, double silverman) {
  std::sort(points.begin(), points.end(),
            [](const Point& a, const Point& b) { return a.log_remaining < b.log_remaining; });
  std::vector<size_t> observed;
  for (size_t i = 0; i < points.size(); ++i) {
    if (points[i].observed) observed.push_back(i);
  }
  if (observed.size() < 10) return silverman;
  std::vector<size_t> held_out;
  double stride = std::max(1.0, double(observed.size()) / kMaxCvPoints);
  for (double i = 0; i < double(observed.size()); i += stride) {
    held_out.push_back(observed[static_cast<size_t>(i)]);
  }
  std::vector<double> k(points.size());
  double best = silverman, best_error = CvError(points, held_out, silverman, k);
  for (double h : {2 * silverman, 4 * silverman, std::numeric_limits<double>::infinity()}) {
    double e = CvError(points, held_out, h, k);
    if (e < best_error) {
      best = h;
      best_error = e;
    }
  }
  return best;
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
    AddPoints(*p, elapsed, static_cast<size_t>(incidents), points);
    if (points.size() > before) incidents += 1;
  }
  (void)cause;
  if (incidents < config.min_incidents) return std::nullopt;
  double h = Bandwidth(points, incidents, config.min_bandwidth);
  if (config.cross_validate) h = CrossValidatedBandwidth(points, h);
  double x = std::log(elapsed);
  std::vector<std::pair<double, double>> weighted;
  double total = 0;
  double effective = 0;  // incidents behind the answer
  for (const Point& p : points) {
    double k = Kernel(p.log_elapsed - x, h);
    if (p.weight * k <= 1e-12) continue;
    // Each update counts once in the quantiles (predictions are made at updates, and
    // an incident with many updates is that many moments like this one); each
    // incident counts once in the trust the answer gets.
    weighted.emplace_back(p.log_remaining, k);
    total += k;
    effective += p.weight * k;
  }
  if (effective < config.min_incidents * 1e-3 || weighted.empty()) return std::nullopt;
  std::sort(weighted.begin(), weighted.end());
  OwnRemaining out;
  out.p10 = WeightedQuantile(weighted, total, 0.1);
  out.p50 = WeightedQuantile(weighted, total, 0.5);
  out.p90 = WeightedQuantile(weighted, total, 0.9);
  out.incidents = effective;
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
