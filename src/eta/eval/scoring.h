// Scoring replayed predictions of the time of restoration.
//
// Each prediction is made at `at`, for an incident that really ended at `end`:
//   log_mae           mean |ln(p50 − at) − ln(end − at)|, remaining times floored at
//                     5 min (an estimate within minutes of the end is as good as exact);
//   coverage_p10_p90  share with p10 <= end <= p90 (p10 below `at` counts as `at`);
//   under_rate        share with end > point: the time told to customers was too early;
//   late_1h_rate      share with end > point + 1 h;
//   revisions         times the point moved by more than a minute between consecutive
//                     predictions for the same incident, summed over incidents;
//   predictions       how many predictions were scored.
// `point` is what the page promises: phare's conservative "expected by", a
// baseline's median, the operator's stated time. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "base/time.h"

namespace phare::eta {

inline constexpr double kScoreFloorHours = 5.0 / 60;

struct Prediction {
  std::string incident_id;
  base::Time at{};
  base::Time end{};
  base::Time p10{}, p50{}, p90{};
  base::Time point{};
};

struct Score {
  double log_mae = 0;
  double coverage_p10_p90 = 0;
  double under_rate = 0;
  double late_1h_rate = 0;
  int64_t revisions = 0;
  int64_t predictions = 0;
};

// Predictions of one incident must be consecutive and in time order.
Score ScorePredictions(std::span<const Prediction> predictions);

}  // namespace phare::eta
