// Replaying incident histories: at each update of each resolved incident, predict
// the time of restoration from what was known then, with phare and with baselines,
// and score the predictions (scoring.h).
//
// Honest by construction: at an update published at `now`, the history holds only
// incidents other than the one predicted that were public by `now` (their first
// update or creation); those resolved by `now` count with their duration, those
// still open as censored. The built-in baseline joins with the same rule, minus any
// record whose id is one of the replayed incidents. Text cues (text_cues.h) stand
// in for structured next-update times and operator estimates where the history has
// none.
//
// Baselines: global_median (median duration of the past incidents, from the start),
// category_median (median of past incidents of the same cause that lasted longer
// than the time already elapsed), operator (the operator's own stated time, where
// one is stated and still ahead).
//
// Pure; thread-safe.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "eta/eta.h"
#include "eta/eval/incident_history.h"
#include "eta/eval/scoring.h"

namespace phare::eta {

struct EvalOptions {
  EtaConfig config;                  // phare as configured by default
  bool use_builtin_baseline = true;  // under the rule above
  // Built-in records of these sources (providers) are left out: --cross-source
  // scores a file without its own provider in the baseline.
  std::vector<std::string> exclude_sources;
};

struct NamedScore {
  std::string name;
  Score score;
};

struct EvalReport {
  Score phare;
  std::vector<NamedScore> baselines;  // global_median, category_median, operator
  size_t incidents = 0;               // loaded
  size_t replayed = 0;                // resolved, with at least one prediction
};

// Predictions of each predictor, incident by incident in time order: "phare" first,
// then the baselines.
std::vector<std::pair<std::string, std::vector<Prediction>>> ReplayPredictions(
    std::span<const ReplayIncident> incidents, const EvalOptions& options);

EvalReport Evaluate(std::span<const ReplayIncident> incidents, const EvalOptions& options);

}  // namespace phare::eta
