#include <gtest/gtest.h>

#include "model/access.h"
#include "model/component.h"
#include "model/incident.h"

namespace phare::model {
namespace {

TEST(Enums, RoundTripEveryStatusName) {
  for (auto s : {ComponentStatus::kOperational, ComponentStatus::kDegradedPerformance,
                 ComponentStatus::kPartialOutage, ComponentStatus::kMajorOutage,
                 ComponentStatus::kUnderMaintenance}) {
    EXPECT_EQ(ParseComponentStatus(ToString(s)), s);
  }
  for (int i = 0; i <= static_cast<int>(IncidentStatus::kCompleted); ++i) {
    const auto s = static_cast<IncidentStatus>(i);
    EXPECT_EQ(ParseIncidentStatus(ToString(s)), s);
  }
  EXPECT_FALSE(ParseComponentStatus("down").has_value());
  EXPECT_FALSE(ParseIncidentStatus("Resolved").has_value());
}

TEST(Enums, StatusesBelongToOneKind) {
  EXPECT_EQ(KindOf(IncidentStatus::kMonitoring), IncidentKind::kIncident);
  EXPECT_EQ(KindOf(IncidentStatus::kVerifying), IncidentKind::kMaintenance);
  EXPECT_TRUE(IsClosed(IncidentStatus::kPostmortem));
  EXPECT_TRUE(IsClosed(IncidentStatus::kCompleted));
  EXPECT_FALSE(IsClosed(IncidentStatus::kMonitoring));
}

TEST(Enums, ImpactFollowsComponentStatus) {
  EXPECT_EQ(ImpactOf(ComponentStatus::kMajorOutage), Impact::kCritical);
  EXPECT_EQ(ImpactOf(ComponentStatus::kPartialOutage), Impact::kMajor);
  EXPECT_EQ(ImpactOf(ComponentStatus::kDegradedPerformance), Impact::kMinor);
  EXPECT_EQ(ImpactOf(ComponentStatus::kUnderMaintenance), Impact::kNone);
}

TEST(Scopes, AdminImpliesWriteImpliesRead) {
  ApiToken t;
  t.scopes = {Scope::kWrite};
  EXPECT_TRUE(t.Allows(Scope::kRead));
  EXPECT_TRUE(t.Allows(Scope::kWrite));
  EXPECT_FALSE(t.Allows(Scope::kAdmin));
  t.revoked_at = base::Time{};
  EXPECT_FALSE(t.Allows(Scope::kRead));
  EXPECT_EQ(ParseScopes("read,admin")->size(), 2u);
  EXPECT_FALSE(ParseScopes("read,root").has_value());
  EXPECT_FALSE(ParseScopes("").has_value());
}

}  // namespace
}  // namespace phare::model
