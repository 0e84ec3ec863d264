// The operator estimator: an estimate an operator states (a time, or an interval),
// shown as such, and the check that tells the operator, before publishing, when
// the data disagrees strongly with it.
//
// Pure functions over plain values; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "base/time.h"
#include "eta/source.h"

namespace phare::eta {

struct OperatorEstimate {
  std::string scope;               // "" for the incident as a whole
  base::Time stated_at{};          // when the operator said it
  std::optional<base::Time> from;  // an interval's start; empty for a single time
  base::Time to{};                 // the stated time, or the interval's end
};

struct OperatorConfig {
  // Spread assumed around a single stated time (log hours: ×/÷ 2.2 at p10/p90), and
  // the least spread of a stated interval.
  double point_sigma = 0.6;
  double min_sigma = 0.1;
  // The data disagrees strongly when it gives less than this probability that
  // service is back by the operator's latest time, or more than 1 − this that it
  // is back before the operator's earliest time.
  double disagreement_probability = 0.1;
};

// The stated estimate as a source, or empty when its time has passed at `now`
// (a stale promise is not repeated).
std::optional<SourceEstimate> OperatorSource(const OperatorEstimate& stated, base::Time now,
                                             const OperatorConfig& config);

struct Disagreement {
  enum class Direction { kTooEarly, kTooLate };
  Direction direction = Direction::kTooEarly;
  double probability = 0;  // by the data, that service is back by the operator's time
  std::string message;     // one line for the operator
};

// Compares the stated estimate with `data` (the estimate from history and
// progress). Empty when they are compatible or the statement has passed.
std::optional<Disagreement> CheckOperator(const OperatorEstimate& stated,
                                          const SourceEstimate& data, base::Time now,
                                          const OperatorConfig& config);

}  // namespace phare::eta
