#include "comms/cadence.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace phare::comms {
namespace {

using std::chrono::minutes;
using testing::At;

TEST(Cadence, PromisesThirtyMinutesByDefault) {
  const base::Time last = At("2017-11-09T07:30:00Z");
  EXPECT_EQ(NextUpdateDue(last, CadencePolicy{}), At("2017-11-09T08:00:00Z"));
  CadencePolicy hourly;
  hourly.interval = minutes(60);
  EXPECT_EQ(NextUpdateDue(last, hourly), At("2017-11-09T08:30:00Z"));
}

TEST(Cadence, IsOverdueOnlyAfterThePromisedTimeAndGrace) {
  const base::Time last = At("2017-11-09T07:30:00Z");
  base::FakeClock clock(At("2017-11-09T07:45:00Z"));
  CadencePolicy policy;
  policy.grace = minutes(5);
  auto state = CheckCadence(last, std::nullopt, policy, clock);
  EXPECT_EQ(state.promised, At("2017-11-09T08:00:00Z"));
  EXPECT_FALSE(state.overdue);
  EXPECT_EQ(state.remaining, minutes(15));
  clock.Set(At("2017-11-09T08:04:00Z"));
  state = CheckCadence(last, std::nullopt, policy, clock);
  EXPECT_FALSE(state.overdue);  // within the grace period
  EXPECT_EQ(state.remaining, minutes(0));
  clock.Set(At("2017-11-09T08:06:00Z"));
  state = CheckCadence(last, std::nullopt, policy, clock);
  EXPECT_TRUE(state.overdue);
  EXPECT_EQ(state.late_by, minutes(6));
}

TEST(Cadence, AnExplicitPromiseWins) {
  base::FakeClock clock(At("2017-11-09T08:10:00Z"));
  const auto state =
      CheckCadence(At("2017-11-09T07:30:00Z"), At("2017-11-09T08:30:00Z"), CadencePolicy{}, clock);
  EXPECT_EQ(state.promised, At("2017-11-09T08:30:00Z"));
  EXPECT_FALSE(state.overdue);
  clock.Advance(minutes(21));
  EXPECT_TRUE(
      CheckCadence(At("2017-11-09T07:30:00Z"), At("2017-11-09T08:30:00Z"), CadencePolicy{}, clock)
          .overdue);
}

TEST(Cadence, ValidatesThePolicy) {
  EXPECT_TRUE(ValidateCadencePolicy(CadencePolicy{}).ok());
  CadencePolicy bad;
  bad.interval = std::chrono::seconds(10);
  EXPECT_EQ(ValidateCadencePolicy(bad).field(), "cadence.interval");
  bad.interval = std::chrono::hours(25);
  EXPECT_EQ(ValidateCadencePolicy(bad).field(), "cadence.interval");
  bad.interval = minutes(30);
  bad.grace = minutes(31);
  EXPECT_EQ(ValidateCadencePolicy(bad).field(), "cadence.grace");
}

}  // namespace
}  // namespace phare::comms
