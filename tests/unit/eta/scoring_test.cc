#include "eta/eval/scoring.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "eta/source.h"

namespace phare::eta {
namespace {

const base::Time kAt = base::ParseTime("2024-01-10T12:00:00Z").value();

// A prediction at kAt + `at_h` of an end at kAt + `end_h`, with quantiles in hours.
Prediction P(std::string id, double at_h, double end_h, double p10, double p50, double p90,
             double point) {
  return {id,
          AddHours(kAt, at_h),
          AddHours(kAt, end_h),
          AddHours(kAt, p10),
          AddHours(kAt, p50),
          AddHours(kAt, p90),
          AddHours(kAt, point)};
}

TEST(ScoringTest, HandMadeHistory) {
  std::vector<Prediction> ps = {
      // a: ends 4 h after the first prediction, which said 2 h (log error ln 2).
      P("a", 0, 4, 1, 2, 5, 3),
      // a again, an hour later: said 3 h more, exactly right; point moved 3 → 4.
      P("a", 1, 4, 2, 4, 6, 4),
      // b: ends in 10 min, predicted 40 min, interval misses (p10 at 20 min).
      P("b", 0, 10.0 / 60, 20.0 / 60, 40.0 / 60, 2, 1),
  };
  Score s = ScorePredictions(ps);
  EXPECT_EQ(s.predictions, 3);
  EXPECT_NEAR(s.log_mae, (std::log(2.0) + 0 + std::log(4.0)) / 3, 1e-9);
  EXPECT_NEAR(s.coverage_p10_p90, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.under_rate, 1.0 / 3, 1e-9);  // a's first point (3) was before the end (4)
  EXPECT_NEAR(s.late_1h_rate, 0, 1e-9);      // ... by exactly one hour, not more
  EXPECT_EQ(s.revisions, 1);
}

TEST(ScoringTest, RemainingTimesAreFlooredAtFiveMinutes) {
  // Predicted 1 min, ended after 3 min: both floored to 5 min, no error.
  std::vector<Prediction> ps = {P("a", 0, 3.0 / 60, 0, 1.0 / 60, 0.5, 1.0 / 60)};
  EXPECT_NEAR(ScorePredictions(ps).log_mae, 0, 1e-9);
}

TEST(ScoringTest, LateByMoreThanAnHour) {
  std::vector<Prediction> ps = {P("a", 0, 5, 0.5, 1, 2, 2), P("b", 0, 2.5, 0.5, 1, 3, 2)};
  Score s = ScorePredictions(ps);
  EXPECT_NEAR(s.under_rate, 1, 1e-9);
  EXPECT_NEAR(s.late_1h_rate, 0.5, 1e-9);
  EXPECT_EQ(s.revisions, 0);  // different incidents
}

TEST(ScoringTest, NothingToScore) { EXPECT_EQ(ScorePredictions({}).predictions, 0); }

}  // namespace
}  // namespace phare::eta
