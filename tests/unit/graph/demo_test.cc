// The 9 November 2017 demo inventory, and the story its replay tells.
#include "graph/demo.h"
#include "graph/demo_facts.h"

#include <gtest/gtest.h>

#include "graph/diff.h"
#include "graph/export.h"
#include "graph/impact.h"
#include "graph/propagation.h"
#include "graph/spof.h"

namespace phare::graph {
namespace {

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto demo = GenerateDemoInventory();
    ASSERT_TRUE(demo.ok()) << demo.status().ToString();
    demo_ = new DemoInventory(std::move(demo).value());
  }
  static void TearDownTestSuite() { delete demo_; }

  static const Inventory& inv() { return *demo_->inventory; }
  static uint32_t Count(NodeKind kind, std::string_view site) {
    uint32_t n = 0;
    for (NodeIndex i = 0; i < inv().node_count(); ++i) {
      n += inv().kind(i) == kind && inv().site_id(inv().site(i)) == site;
    }
    return n;
  }
  static uint32_t Resources(const Propagation& p, std::string_view site, NodeState state) {
    uint32_t n = 0;
    for (ResourceIndex r = 0; r < inv().resource_count(); ++r) {
      const NodeIndex node = inv().resource_node(r);
      n += inv().site_id(inv().site(node)) == site && p.state(node) == state;
    }
    return n;
  }
  // Applies every event up to and including time `t`.
  static void ReplayUntil(Propagation& p, size_t& next, std::string_view t) {
    for (; next < demo_->events.size() && demo_->events[next].t <= t; ++next) {
      std::vector<std::pair<std::string, Condition>> changes;
      for (const std::string& id : demo_->events[next].nodes) {
        changes.emplace_back(id, demo_->events[next].condition);
      }
      ASSERT_TRUE(p.ApplyIds(changes).ok());
    }
  }
  static model::ComponentStatus Status(const Propagation& p, std::string_view id) {
    return ComponentStatusOf(p, *inv().Find(id)).status;
  }

  static DemoInventory* demo_;
};
DemoInventory* DemoTest::demo_ = nullptr;

TEST_F(DemoTest, FollowsTheTopologyFacts) {
  EXPECT_EQ(Count(NodeKind::kServer, "sbg"), 40386u);
  EXPECT_EQ(Count(NodeKind::kDatacenter, "sbg"), 3u);
  EXPECT_EQ(Count(NodeKind::kUps, "sbg"), 6u);
  EXPECT_EQ(Count(NodeKind::kPowerFeed, "sbg"), 2u);
  EXPECT_EQ(Count(NodeKind::kGenerator, "sbg"), 2u);
  EXPECT_EQ(Count(NodeKind::kOpticalLink, "rbx"), 44u);
  EXPECT_EQ(inv().customer_count(), 25000u);
  EXPECT_GT(inv().resource_count(), 100000u);
  ASSERT_TRUE(inv().Find("component-dedicated-sbg"));
  EXPECT_EQ(inv().name(*inv().Find("component-dedicated-sbg")), "Dedicated servers — Strasbourg");
  EXPECT_EQ(inv().Attribute(*inv().Find("component-vps-gra"), "group"), "Gravelines");
}

TEST(DemoFacts, MalformedTopologyIsAnErrorNotACrash) {
  EXPECT_FALSE(detail::ReadDemoFacts("not json").ok());
  EXPECT_FALSE(detail::ReadDemoFacts("{}").ok());
  EXPECT_FALSE(detail::ReadDemoFacts(R"({"sites":{"SBG":{"servers":"many"}}})").ok());
  EXPECT_TRUE(detail::ReadDemoFacts(DemoTopologyJson()).ok());
}

TEST_F(DemoTest, IsDeterministicForASeed) {
  auto again = GenerateDemoInventory();
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(DiffInventories(inv(), *again->inventory).empty());
  EXPECT_EQ(again->sbg_servers_by_restore, demo_->sbg_servers_by_restore);
  auto other = GenerateDemoInventory(kDemoSeed + 1);
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(DiffInventories(inv(), *other->inventory).empty());
}

TEST_F(DemoTest, EventsMatchTheTimelineAndTheInventory) {
  ASSERT_FALSE(demo_->events.empty());
  const std::string_view timeline = DemoTimelineJsonl();
  for (const DemoNodeEvent& e : demo_->events) {
    EXPECT_NE(timeline.find("\"t\":\"" + e.t + "\""), std::string_view::npos) << e.t;
    for (const std::string& id : e.nodes) EXPECT_TRUE(inv().Find(id)) << id;
  }
  for (const std::string& id : demo_->sbg_servers_by_restore) {
    EXPECT_EQ(inv().site_id(inv().site(*inv().Find(id))), "sbg");
  }
}

TEST_F(DemoTest, ReplayTellsTheStoryOfTheDay) {
  Propagation p(demo_->inventory);
  const uint32_t sbg = Resources(p, "sbg", NodeState::kUp);
  size_t next = 0;
  ReplayUntil(p, next, "2017-11-09T06:04:07Z");  // breaker: running on generators
  EXPECT_EQ(Resources(p, "sbg", NodeState::kAtRisk), sbg);
  ReplayUntil(p, next, "2017-11-09T06:12:48Z");  // generators failed, one battery gone
  EXPECT_EQ(Resources(p, "sbg", NodeState::kDown), 0u);
  ReplayUntil(p, next, "2017-11-09T06:15:48Z");  // rooms on strings 5 and 6 go dark
  const uint32_t first_rooms = Resources(p, "sbg", NodeState::kDown);
  EXPECT_GT(first_rooms, 0u);
  EXPECT_LT(first_rooms, sbg);
  EXPECT_EQ(Status(p, "component-dedicated-sbg"), model::ComponentStatus::kPartialOutage);
  ReplayUntil(p, next, "2017-11-09T06:21:00Z");  // routing rooms unpowered: everything
  EXPECT_EQ(Resources(p, "sbg", NodeState::kDown), sbg);
  EXPECT_EQ(Status(p, "component-dedicated-sbg"), model::ComponentStatus::kMajorOutage);
  EXPECT_EQ(Status(p, "component-network-rbx"), model::ComponentStatus::kOperational);
  ReplayUntil(p, next, "2017-11-09T07:01:00Z");  // Roubaix loses its optical links
  EXPECT_EQ(Status(p, "component-network-rbx"), model::ComponentStatus::kMajorOutage);
  EXPECT_EQ(Resources(p, "rbx", NodeState::kUp), 0u);
  EXPECT_EQ(Resources(p, "gra", NodeState::kDown), 0u);
  EXPECT_EQ(Summarize(p).total.customers.down, p.tallies().customers_affected);
  ReplayUntil(p, next, "2017-11-09T09:39:00Z");  // power back; generators not yet
  EXPECT_EQ(Resources(p, "sbg", NodeState::kAtRisk), sbg);
  EXPECT_EQ(Resources(p, "rbx", NodeState::kDown), 0u);
  ReplayUntil(p, next, "2017-11-09T23:59:59Z");
  EXPECT_EQ(p.tallies().customers_affected, 0u);
  EXPECT_EQ(next, demo_->events.size());
}

TEST_F(DemoTest, SpofReportFindsTheSharedBreaker) {
  Propagation p(demo_->inventory);
  SpofOptions options;
  options.limit = 1000;
  const SpofReport report = FindSinglePointsOfFailure(p, options);
  const SinglePoint* breaker = nullptr;
  for (const SinglePoint& point : report.hidden) {
    if (inv().id(point.node) == "sbg-grid-breaker") breaker = &point;
    // Roubaix and Gravelines have independent feeds: nothing hides there.
    EXPECT_NE(inv().id(point.node), "rbx-grid-feed-1");
  }
  ASSERT_NE(breaker, nullptr);
  EXPECT_EQ(breaker->resources_at_risk, Resources(p, "sbg", NodeState::kUp));
  ASSERT_FALSE(breaker->defeated.empty());
  EXPECT_EQ(inv().id(breaker->defeated[0].owner), "sbg-grid");
  EXPECT_EQ(inv().id(report.hard[0].node), "sbg");  // the site itself comes first
}

}  // namespace
}  // namespace phare::graph
