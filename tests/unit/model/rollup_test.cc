#include "model/rollup.h"

#include <gtest/gtest.h>

namespace phare::model {
namespace {

Component C(ComponentStatus status, bool group = false) {
  Component c;
  c.status = status;
  c.group = group;
  return c;
}

Incident I(IncidentStatus status, Impact impact, IncidentKind kind = IncidentKind::kIncident) {
  Incident i;
  i.kind = kind;
  i.status = status;
  i.impact = impact;
  return i;
}

TEST(PageStatus, AllOperational) {
  auto s = ComputePageStatus({C(ComponentStatus::kOperational)}, {});
  EXPECT_EQ(s.indicator, Indicator::kNone);
  EXPECT_EQ(s.description, "All Systems Operational");
}

TEST(PageStatus, WorstOfComponentsAndOpenIncidents) {
  EXPECT_EQ(ComputePageStatus({C(ComponentStatus::kDegradedPerformance)}, {}).indicator,
            Indicator::kMinor);
  EXPECT_EQ(ComputePageStatus({C(ComponentStatus::kMajorOutage)}, {}).indicator, Indicator::kMajor);
  auto critical = ComputePageStatus({C(ComponentStatus::kPartialOutage)},
                                    {I(IncidentStatus::kIdentified, Impact::kCritical)});
  EXPECT_EQ(critical.indicator, Indicator::kCritical);
  EXPECT_EQ(critical.description, "Major System Outage");
  // Resolved incidents no longer count.
  EXPECT_EQ(ComputePageStatus({}, {I(IncidentStatus::kResolved, Impact::kCritical)}).indicator,
            Indicator::kNone);
}

TEST(PageStatus, GroupsDoNotCountThemselves) {
  EXPECT_EQ(ComputePageStatus({C(ComponentStatus::kMajorOutage, true)}, {}).indicator,
            Indicator::kNone);
}

TEST(PageStatus, MaintenanceOnlyWhenNothingIsWorse) {
  auto m = ComputePageStatus(
      {C(ComponentStatus::kUnderMaintenance)},
      {I(IncidentStatus::kInProgress, Impact::kMinor, IncidentKind::kMaintenance)});
  EXPECT_EQ(m.indicator, Indicator::kMaintenance);
  EXPECT_EQ(m.description, "Service Under Maintenance");
  EXPECT_EQ(ComputePageStatus(
                {C(ComponentStatus::kUnderMaintenance), C(ComponentStatus::kPartialOutage)}, {})
                .indicator,
            Indicator::kMinor);
  // Scheduled (not yet started) maintenance does not change the indicator.
  EXPECT_EQ(ComputePageStatus(
                {}, {I(IncidentStatus::kScheduled, Impact::kMinor, IncidentKind::kMaintenance)})
                .indicator,
            Indicator::kNone);
}

TEST(GroupStatus, IsTheWorstChild) {
  Component a = C(ComponentStatus::kDegradedPerformance);
  Component b = C(ComponentStatus::kUnderMaintenance);
  EXPECT_EQ(GroupStatus({&a, &b}), ComponentStatus::kDegradedPerformance);
  EXPECT_EQ(GroupStatus({}), ComponentStatus::kOperational);
}

}  // namespace
}  // namespace phare::model
