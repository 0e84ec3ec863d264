#include "eta/operator.h"

#include <gtest/gtest.h>

#include <cmath>

namespace phare::eta {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const base::Time kNow = base::ParseTime("2017-11-09T12:25:00Z").value();

SourceEstimate Data(double median_hours, double sigma) {
  return {"progress", {std::log(median_hours), sigma}, "test"};
}

TEST(OperatorTest, ATimeIsShownAsStated) {
  OperatorEstimate stated{"", kNow, std::nullopt, kNow + hours(2)};
  auto s = OperatorSource(stated, kNow, {});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->source, "operator");
  EXPECT_EQ(ToEstimate(*s, kNow, "").p50, kNow + hours(2));
}

TEST(OperatorTest, AnIntervalIsShownAsStated) {
  OperatorEstimate stated{"", kNow, kNow + minutes(5), kNow + hours(4)};
  auto s = OperatorSource(stated, kNow, {});
  ASSERT_TRUE(s);
  model::Estimate e = ToEstimate(*s, kNow, "");
  EXPECT_NEAR(HoursBetween(kNow, e.p10), 5.0 / 60, 1e-3);
  EXPECT_NEAR(HoursBetween(kNow, e.p90), 4, 1e-3);
}

TEST(OperatorTest, APassedStatementIsNotRepeated) {
  OperatorEstimate stated{"", kNow - hours(3), std::nullopt, kNow - minutes(1)};
  EXPECT_FALSE(OperatorSource(stated, kNow, {}));
  EXPECT_FALSE(CheckOperator(stated, Data(1, 0.5), kNow, {}));
}

TEST(OperatorTest, FlagsAStatementTheDataFindsTooEarly) {
  // The 9 Nov 2017 service estimate: "5 minutes to 3-4 hours", while the curve says
  // most of a day.
  OperatorEstimate stated{"", kNow, kNow + minutes(5), kNow + hours(4)};
  auto d = CheckOperator(stated, Data(28, 0.6), kNow, {});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->direction, Disagreement::Direction::kTooEarly);
  EXPECT_LT(d->probability, 0.1);
  EXPECT_NE(d->message.find("too early"), std::string::npos);
}

TEST(OperatorTest, FlagsAStatementTheDataFindsTooLate) {
  OperatorEstimate stated{"", kNow, std::nullopt, kNow + hours(48)};
  auto d = CheckOperator(stated, Data(1, 0.5), kNow, {});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->direction, Disagreement::Direction::kTooLate);
}

TEST(OperatorTest, AcceptsAStatementWithinTheData) {
  OperatorEstimate stated{"", kNow, std::nullopt, kNow + hours(3)};
  EXPECT_FALSE(CheckOperator(stated, Data(2.5, 0.8), kNow, {}));
}

}  // namespace
}  // namespace phare::eta
