#include "model/uptime.h"

#include <gtest/gtest.h>

namespace phare::model {
namespace {

base::Time At(const char* text) { return *base::ParseTime(text); }

const base::Zone kParis = *base::Zone::Find("Europe/Paris");

Component Created(const char* at) {
  Component c;
  c.id = "c1";
  c.created_at = c.updated_at = At(at);
  return c;
}

StatusChange Change(const char* at, ComponentStatus status) { return {"c1", At(at), status}; }

TEST(Uptime, DaysBeforeTheComponentExistedAreUnknownNotUp) {
  const auto c = Created("2017-11-08T12:00:00Z");
  const std::vector<StatusChange> changes = {
      Change("2017-11-08T12:00:00Z", ComponentStatus::kOperational)};
  const auto u = ComputeUptime(c, changes, At("2017-11-10T12:00:00Z"), kParis, 5);
  ASSERT_EQ(u.days.size(), 5u);
  EXPECT_FALSE(u.days[0].known);
  EXPECT_FALSE(u.days[0].uptime.has_value());
  EXPECT_FALSE(u.days[1].known);
  EXPECT_TRUE(u.days[2].known);  // 8 November: from noon on
  EXPECT_DOUBLE_EQ(*u.days[2].uptime, 1.0);
  EXPECT_DOUBLE_EQ(*u.overall, 1.0);
}

TEST(Uptime, MajorOutageCountsFullyPartialAtThirtyPercentDegradedNot) {
  const auto c = Created("2017-11-01T00:00:00Z");
  // 9 November, Paris: down 6 h (major), then 4 h partial, then 2 h degraded.
  const std::vector<StatusChange> changes = {
      Change("2017-11-01T00:00:00Z", ComponentStatus::kOperational),
      Change("2017-11-09T06:00:00Z", ComponentStatus::kMajorOutage),
      Change("2017-11-09T12:00:00Z", ComponentStatus::kPartialOutage),
      Change("2017-11-09T16:00:00Z", ComponentStatus::kDegradedPerformance),
      Change("2017-11-09T18:00:00Z", ComponentStatus::kOperational)};
  const auto u = ComputeUptime(c, changes, At("2017-11-10T12:00:00Z"), kParis, 2);
  const auto& day = u.days[0];
  EXPECT_EQ(day.worst, ComponentStatus::kMajorOutage);
  const double down_hours = 6 + 0.3 * 4;
  EXPECT_NEAR(*day.uptime, 1 - down_hours / 24, 1e-9);
  EXPECT_EQ(u.days[1].worst, ComponentStatus::kOperational);
  EXPECT_DOUBLE_EQ(u.major_outage_seconds, 6 * 3600);
  EXPECT_DOUBLE_EQ(u.partial_outage_seconds, 4 * 3600);
  // Today counts up to now only: 10 November from local midnight to 13:00 Paris.
  EXPECT_NEAR(*u.overall, 1 - down_hours / (24 + 13), 1e-9);
}

TEST(Uptime, MaintenanceIsShownButLeftOutOfTheFigure) {
  const auto c = Created("2017-11-01T00:00:00Z");
  const std::vector<StatusChange> changes = {
      Change("2017-11-01T00:00:00Z", ComponentStatus::kOperational),
      Change("2017-11-08T23:00:00Z", ComponentStatus::kUnderMaintenance),  // 00:00 Paris
      Change("2017-11-09T11:00:00Z", ComponentStatus::kMajorOutage),
      Change("2017-11-09T17:00:00Z", ComponentStatus::kOperational)};
  const auto u = ComputeUptime(c, changes, At("2017-11-09T22:59:00Z"), kParis, 1);
  const auto& day = u.days[0];
  EXPECT_EQ(day.worst, ComponentStatus::kMajorOutage);
  // 12 h of maintenance do not count: 6 h down out of the 12 h left (minus a minute).
  EXPECT_NEAR(*day.uptime, 1 - 6.0 / (12 - 1.0 / 60), 1e-9);
}

TEST(Uptime, ADayOfMaintenanceOnlyHasNoFigure) {
  const auto c = Created("2017-11-01T00:00:00Z");
  const std::vector<StatusChange> changes = {
      Change("2017-11-01T00:00:00Z", ComponentStatus::kUnderMaintenance)};
  const auto u = ComputeUptime(c, changes, At("2017-11-09T12:00:00Z"), kParis, 3);
  for (const auto& day : u.days) {
    EXPECT_TRUE(day.known);
    EXPECT_EQ(day.worst, ComponentStatus::kUnderMaintenance);
    EXPECT_FALSE(day.uptime.has_value());
  }
  EXPECT_FALSE(u.overall.has_value());
}

TEST(Uptime, MoreDowntimeNeverGivesMoreUptime) {
  const auto c = Created("2017-11-01T00:00:00Z");
  double previous = 2;
  for (int hours = 0; hours <= 24; hours += 3) {
    const base::Time start = At("2017-11-09T00:00:00Z");
    const std::vector<StatusChange> changes = {
        {"c1", At("2017-11-01T00:00:00Z"), ComponentStatus::kOperational},
        {"c1", start, ComponentStatus::kMajorOutage},
        {"c1", start + std::chrono::hours(hours), ComponentStatus::kOperational}};
    const auto u = ComputeUptime(c, changes, At("2017-11-12T00:00:00Z"), base::Zone::Utc(), 10);
    ASSERT_TRUE(u.overall.has_value());
    EXPECT_LE(*u.overall, previous);
    EXPECT_GE(*u.overall, 0);
    previous = *u.overall;
  }
}

TEST(Uptime, ARangeInThePastEndsWhereItIsAsked) {
  const auto c = Created("2017-11-01T00:00:00Z");
  const std::vector<StatusChange> changes = {
      Change("2017-11-01T00:00:00Z", ComponentStatus::kOperational),
      Change("2017-11-09T06:00:00Z", ComponentStatus::kMajorOutage),
      Change("2017-11-10T06:00:00Z", ComponentStatus::kOperational)};
  // 1 to 9 November (UTC): the outage's first 18 hours only.
  const auto u = ComputeUptime(c, changes, At("2017-11-10T00:00:00Z"), base::Zone::Utc(), 9);
  ASSERT_EQ(u.days.size(), 9u);
  EXPECT_EQ(u.days.front().start, At("2017-11-01T00:00:00Z"));
  EXPECT_DOUBLE_EQ(u.major_outage_seconds, 18 * 3600);
  EXPECT_NEAR(*u.overall, 1 - 18.0 / (9 * 24), 1e-9);
}

TEST(Uptime, StartDateBeforeCreationCountsAsInService) {
  auto c = Created("2017-11-09T12:00:00Z");
  c.start_date = "2017-11-01";
  const std::vector<StatusChange> changes = {
      Change("2017-11-01T00:00:00Z", ComponentStatus::kOperational)};
  const auto u = ComputeUptime(c, changes, At("2017-11-09T18:00:00Z"), base::Zone::Utc(), 3);
  EXPECT_TRUE(u.days[0].known);  // 7 November
}

TEST(Uptime, DaysAreClampedAndDstDaysHaveTheirLength) {
  const auto c = Created("2017-01-01T00:00:00Z");
  const std::vector<StatusChange> changes = {
      Change("2017-01-01T00:00:00Z", ComponentStatus::kOperational)};
  EXPECT_EQ(ComputeUptime(c, changes, At("2017-11-09T12:00:00Z"), kParis, 0).days.size(), 1u);
  EXPECT_EQ(ComputeUptime(c, changes, At("2017-11-09T12:00:00Z"), kParis, 1000).days.size(), 366u);
  // 29 October 2017 in Paris lasted 25 hours.
  const auto u = ComputeUptime(c, changes, At("2017-10-30T12:00:00Z"), kParis, 2);
  EXPECT_EQ(u.days[0].end - u.days[0].start, std::chrono::hours(25));
}

}  // namespace
}  // namespace phare::model
