#include "eta/eval/scoring.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "eta/source.h"

namespace phare::eta {
namespace {

double LogRemaining(base::Time at, base::Time t) {
  return std::log(std::max(HoursBetween(at, t), kScoreFloorHours));
}

}  // namespace

Score ScorePredictions(std::span<const Prediction> predictions) {
  Score s;
  if (predictions.empty()) return s;
  double n = static_cast<double>(predictions.size());
  const Prediction* previous = nullptr;
  for (const Prediction& p : predictions) {
    s.log_mae += std::abs(LogRemaining(p.at, p.p50) - LogRemaining(p.at, p.end)) / n;
    if (std::max(p.p10, p.at) <= p.end && p.end <= p.p90) s.coverage_p10_p90 += 1 / n;
    if (p.end > p.point) s.under_rate += 1 / n;
    if (p.end > p.point + std::chrono::hours(1)) s.late_1h_rate += 1 / n;
    if (previous != nullptr && previous->incident_id == p.incident_id) {
      auto moved = p.point - previous->point;
      if (moved > std::chrono::minutes(1) || -moved > std::chrono::minutes(1)) ++s.revisions;
    }
    previous = &p;
  }
  s.predictions = static_cast<int64_t>(predictions.size());
  return s;
}

}  // namespace phare::eta
