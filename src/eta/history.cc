#include "eta/history.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

namespace phare::eta {
namespace {

struct Observations {
  std::vector<LogObservation> all, cause, cell;
};

// The duration of `incident` as known at `now`, or nothing when it had not started.
std::optional<LogObservation> Observe(const PastIncident& incident, base::Time now) {
  if (incident.started_at >= now) return std::nullopt;
  LogObservation o;
  o.weight = incident.weight;
  if (incident.resolved_at && *incident.resolved_at <= now) {
    o.log_hours = HoursBetween(incident.started_at, *incident.resolved_at);
  } else {
    o.log_hours = HoursBetween(incident.started_at, now);
    o.censored = true;
  }
  o.log_hours = std::log(std::max(o.log_hours, kMinRemainingHours));
  return o;
}

double ConditionalMedianRemaining(LogNormal d, double elapsed_hours) {
  double elapsed = std::max(elapsed_hours, kMinRemainingHours);
  double p50 = std::exp(ConditionalLogQuantile(d, std::log(elapsed), 0.5)) - elapsed;
  return std::max(p50, kMinRemainingHours);
}

// Accumulates log(actual / predicted) over past updates.
struct Residuals {
  double n = 0, sum = 0, sum2 = 0;
  void Add(double weight, double actual, double predicted) {
    double r =
        std::log(std::max(actual, kMinRemainingHours) / std::max(predicted, kMinRemainingHours));
    n += weight;
    sum += weight * r;
    sum2 += weight * r * r;
  }
  UpdateCalibration Shrunk(double prior_weight) const {
    if (n < 2) return {};
    double mean = sum / n;
    double trust = n / (n + prior_weight);
    return {trust * mean, std::sqrt(std::max(sum2 / n - mean * mean, 0.0)), trust, n};
  }
};

void Calibrate(std::span<const PastIncident* const> history, model::IncidentKind kind,
               base::Time now, const HistoryConfig& config, DurationPrior& prior) {
  Residuals at_updates, cadence;
  for (const PastIncident* incident : history) {
    if (incident->kind != kind || !incident->source.empty() || !incident->resolved_at ||
        *incident->resolved_at > now) {
      continue;
    }
    for (const PastUpdate& u : incident->updates) {
      if (u.at >= *incident->resolved_at || u.at < incident->started_at) continue;
      double actual = HoursBetween(u.at, *incident->resolved_at);
      at_updates.Add(
          incident->weight, actual,
          ConditionalMedianRemaining(prior.all, HoursBetween(incident->started_at, u.at)));
      if (u.next_update_at && *u.next_update_at > u.at) {
        cadence.Add(incident->weight, actual, HoursBetween(u.at, *u.next_update_at));
      }
    }
  }
  prior.calibration = at_updates.Shrunk(config.calibration_weight);
  prior.cadence = cadence.Shrunk(config.calibration_weight);
}

}  // namespace

DurationPrior FitDurationPrior(std::span<const PastIncident* const> history,
                               model::IncidentKind kind, std::string_view cause,
                               model::Impact impact, base::Time now, const HistoryConfig& config) {
  Observations obs;
  for (const PastIncident* incident : history) {
    if (incident->kind != kind) continue;
    std::optional<LogObservation> o = Observe(*incident, now);
    if (!o) continue;
    obs.all.push_back(*o);
    if (incident->cause != cause) continue;
    obs.cause.push_back(*o);
    if (incident->impact == impact) obs.cell.push_back(*o);
  }
  auto weight = [](const std::vector<LogObservation>& v) {
    double w = 0;
    for (const LogObservation& o : v) w += o.weight;
    return w;
  };
  DurationPrior prior;
  prior.all = FitLogNormal(obs.all, config.generic_prior, config.generic_weight, config.min_sigma);
  prior.cause = FitLogNormal(obs.cause, prior.all, config.cause_weight, config.min_sigma);
  prior.cell = FitLogNormal(obs.cell, prior.cause, config.impact_weight, config.min_sigma);
  prior.n_all = weight(obs.all);
  prior.n_cause = weight(obs.cause);
  prior.n_cell = weight(obs.cell);
  Calibrate(history, kind, now, config, prior);
  return prior;
}

SourceEstimate HistoryEstimate(const DurationPrior& prior, std::string_view cause,
                               base::Time started_at, base::Time now) {
  double elapsed = std::max(HoursBetween(started_at, now), kMinRemainingHours);
  double log_elapsed = std::log(elapsed);
  auto remaining = [&](double q) {
    return std::exp(ConditionalLogQuantile(prior.cell, log_elapsed, q)) - elapsed;
  };
  double p10 = remaining(0.1), p50 = remaining(0.5), p90 = remaining(0.9);
  SourceEstimate out;
  out.source = std::string(kSourceHistory);
  out.remaining = FromInterval(p10, p90);
  // Conditioning skews the remaining time; keep the conditional median as the centre.
  const UpdateCalibration& c = prior.calibration;
  out.remaining.mu = std::log(std::max(p50, kMinRemainingHours)) + c.offset;
  if (c.spread > 0) {
    out.remaining.sigma = c.trust * c.spread + (1 - c.trust) * out.remaining.sigma;
  }
  out.reason = fmt::format("{:.0f} past {} incidents (typical duration {}), {} elapsed",
                           prior.n_cause, cause.empty() ? "similar" : cause,
                           FormatHours(std::exp(prior.cell.mu)), FormatHours(elapsed));
  return out;
}

}  // namespace phare::eta
