#include "graph/spof.h"

#include <gtest/gtest.h>

#include "test_graph.h"

namespace phare::graph {
namespace {

using testing::G;

// 9 November 2017 in small: two grid feeds that share one upstream breaker, two
// generator chains, UPS bridged by batteries, racks of servers.
// Without backup: no generators, no batteries.
testing::TestGraph Strasbourg(bool with_backup) {
  testing::TestGraph g;
  g.Node("breaker", NodeKind::kBreaker);
  g.Node("feed1", NodeKind::kPowerFeed, {G{1, {"breaker"}}});
  g.Node("feed2", NodeKind::kPowerFeed, {G{1, {"breaker"}}});
  g.Node("grid", NodeKind::kLogical, {G{1, {"feed1", "feed2"}}});
  if (with_backup) {
    g.Node("gen-a", NodeKind::kGenerator).Node("gen-b", NodeKind::kGenerator);
    g.Node("generators", NodeKind::kLogical, {G{1, {"gen-a", "gen-b"}}});
    g.Node("power", NodeKind::kLogical, {G{1, {"grid", "generators"}}});
  } else {
    g.Node("power", NodeKind::kLogical, {G{1, {"grid"}}});
  }
  for (std::string_view n : {"1", "2"}) {
    const std::string battery = "battery" + std::string(n), ups = "ups" + std::string(n);
    if (with_backup) {
      g.Node(battery, NodeKind::kBattery, {}, true)
          .Node(ups, NodeKind::kUps, {G{1, {"power", battery}}});
    } else {
      g.Node(ups, NodeKind::kUps, {G{1, {"power"}}});
    }
  }
  g.Node("rack1", NodeKind::kRack, {G{1, {"ups1", "ups2"}}});
  g.Node("rack2", NodeKind::kRack, {G{1, {"ups1", "ups2"}}});
  g.Node("srv1", NodeKind::kServer, {G{1, {"rack1"}}})
      .Node("srv2", NodeKind::kServer, {G{1, {"rack2"}}});
  g.Resource("r1", "alice", "vps", "srv1").Resource("r2", "alice", "vps", "srv1");
  g.Resource("r3", "bob", "dedicated", "srv2");
  return g;
}

const SinglePoint* Find(const std::vector<SinglePoint>& points, const Inventory& inv,
                        std::string_view id) {
  for (const SinglePoint& p : points) {
    if (inv.id(p.node) == id) return &p;
  }
  return nullptr;
}

TEST(Spof, FindsTheSharedBreakerBehindTwoFeeds) {
  Propagation p(Strasbourg(true).Build());
  const Inventory& inv = p.inventory();
  const SpofReport report = FindSinglePointsOfFailure(p);
  const SinglePoint* breaker = Find(report.hidden, inv, "breaker");
  ASSERT_NE(breaker, nullptr);
  EXPECT_EQ(breaker->resources_down, 0u);     // the generators still carry the site...
  EXPECT_EQ(breaker->resources_at_risk, 3u);  // ...without any spare left
  ASSERT_EQ(breaker->defeated.size(), 1u);
  EXPECT_EQ(inv.id(breaker->defeated[0].owner), "grid");
  EXPECT_EQ(inv.group_size(breaker->defeated[0].group), 2u);
  // One feed alone is what the redundancy is for.
  EXPECT_EQ(Find(report.hidden, inv, "feed1"), nullptr);
  EXPECT_EQ(Find(report.hard, inv, "feed1"), nullptr);
  EXPECT_EQ(Find(report.hard, inv, "breaker"), nullptr);
  // Hard points, most resources first.
  ASSERT_GE(report.hard.size(), 2u);
  EXPECT_EQ(inv.id(report.hard[0].node), "rack1");
  EXPECT_EQ(report.hard[0].resources_down, 2u);
  EXPECT_EQ(report.hard[0].customers_down, 1u);
  EXPECT_EQ(Find(report.hard, inv, "ups1"), nullptr);
}

TEST(Spof, WithoutBackupTheBreakerTakesEverythingDown) {
  Propagation p(Strasbourg(false).Build());
  const SpofReport report = FindSinglePointsOfFailure(p);
  const SinglePoint* breaker = Find(report.hard, p.inventory(), "breaker");
  ASSERT_NE(breaker, nullptr);
  EXPECT_EQ(breaker->resources_down, 3u);
  EXPECT_EQ(breaker->customers_down, 2u);
  EXPECT_NE(Find(report.hidden, p.inventory(), "breaker"), nullptr);
}

TEST(Spof, LiveStateShowsWhatBecameCritical) {
  Propagation p(Strasbourg(true).Build());
  EXPECT_EQ(Find(FindSinglePointsOfFailure(p).hidden, p.inventory(), "gen-b"), nullptr);
  p.Set(testing::N(p.inventory(), "gen-a"), Condition::kDown);
  const SpofReport live = FindSinglePointsOfFailure(p);
  const SinglePoint* gen_b = Find(live.hidden, p.inventory(), "gen-b");
  ASSERT_NE(gen_b, nullptr);  // the last generator chain
  EXPECT_EQ(gen_b->resources_at_risk, 3u);
  p.Set(testing::N(p.inventory(), "ups1"), Condition::kDown);
  const SpofReport report = FindSinglePointsOfFailure(p);
  const SinglePoint* ups2 = Find(report.hard, p.inventory(), "ups2");
  ASSERT_NE(ups2, nullptr);  // the racks now hang on one UPS
  EXPECT_EQ(ups2->resources_down, 3u);
  EXPECT_EQ(Find(report.hard, p.inventory(), "ups1"), nullptr);  // already down
}

TEST(Spof, ThresholdLimitAndKinds) {
  Propagation p(Strasbourg(true).Build());
  SpofOptions options;
  options.threshold = 2;
  EXPECT_TRUE(FindSinglePointsOfFailure(p, options).hard.empty());  // racks hold 2 and 1
  options.threshold = 0;
  options.limit = 1;
  EXPECT_EQ(FindSinglePointsOfFailure(p, options).hard.size(), 1u);
  options.limit = 100;
  options.kinds = {NodeKind::kServer};
  const SpofReport servers = FindSinglePointsOfFailure(p, options);
  EXPECT_EQ(servers.candidates, 2u);
  for (const SinglePoint& point : servers.hard) {
    EXPECT_EQ(p.inventory().kind(point.node), NodeKind::kServer);
  }
}

TEST(Spof, LeavesThePropagationUntouched) {
  Propagation p(Strasbourg(true).Build());
  Propagation before = p;
  FindSinglePointsOfFailure(p);
  for (NodeIndex n = 0; n < p.inventory().node_count(); ++n) {
    EXPECT_EQ(p.core().flags(n), before.core().flags(n));
  }
}

}  // namespace
}  // namespace phare::graph
