#include "graph/spof.h"

#include <gtest/gtest.h>

#include "graph/synthetic.h"
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

// A chain of `length` breakers, each fed by the one before, with a customer's resource on
// every 1000th; every `redundant`th link but the first (0: none) also has a spare feed.
testing::TestGraph Chain(int length, int redundant = 0) {
  testing::TestGraph g;
  std::string before;
  for (int i = 0; i < length; ++i) {
    const std::string id = "n" + std::to_string(i);
    std::vector<std::string> feeds;
    if (!before.empty()) feeds.push_back(before);
    if (redundant > 0 && i > 0 && i % redundant == 0) {
      g.Node("spare" + std::to_string(i), NodeKind::kBreaker);
      feeds.push_back("spare" + std::to_string(i));
    }
    std::vector<G> groups;
    if (!feeds.empty()) groups.push_back(G{1, {feeds.begin(), feeds.end()}});
    g.Node(id, NodeKind::kBreaker, groups);
    if (i % 1000 == 999) g.Resource("r" + id, "customer" + id, "vps", id);
    before = id;
  }
  return g;
}

void ExpectSameReports(const SpofReport& a, const SpofReport& b) {
  EXPECT_EQ(a.candidates, b.candidates);
  for (const auto* lists : {&a.hard, &a.hidden}) {
    const auto& other = lists == &a.hard ? b.hard : b.hidden;
    ASSERT_EQ(lists->size(), other.size());
    for (size_t i = 0; i < other.size(); ++i) {
      const SinglePoint &x = (*lists)[i], &y = other[i];
      EXPECT_EQ(x.node, y.node) << i;
      EXPECT_EQ(x.resources_down, y.resources_down) << i;
      EXPECT_EQ(x.customers_down, y.customers_down) << i;
      EXPECT_EQ(x.resources_at_risk, y.resources_at_risk) << i;
      EXPECT_EQ(x.defeated_count, y.defeated_count) << i;
      ASSERT_EQ(x.defeated.size(), y.defeated.size()) << i;
      for (size_t d = 0; d < x.defeated.size(); ++d) {
        EXPECT_EQ(x.defeated[d].owner, y.defeated[d].owner);
        EXPECT_EQ(x.defeated[d].group, y.defeated[d].group);
      }
    }
  }
}

TEST(Spof, A45000NodeChainIsReportedWholeAndRight) {
  Propagation p(Chain(45000).Build());
  SpofOptions options;
  options.limit = 50000;
  const SpofReport report = FindSinglePointsOfFailure(p, options);
  EXPECT_EQ(report.candidates, 45000u);
  ASSERT_EQ(report.hard.size(), 45000u);
  EXPECT_TRUE(report.hidden.empty());
  for (const SinglePoint& point : report.hard) {
    const int i = std::stoi(std::string(p.inventory().id(point.node)).substr(1));
    const uint32_t after = 45 - static_cast<uint32_t>(i / 1000);  // resources at or past i
    ASSERT_EQ(point.resources_down, after) << i;
    ASSERT_EQ(point.customers_down, after) << i;
  }
  EXPECT_EQ(p.inventory().id(report.hard.front().node), "n0");
  // Far fewer nodes swept than the chain's 45000 x 22500 of one sweep per candidate.
  EXPECT_LT(report.nodes_evaluated, 50u * 45000u);
}

TEST(Spof, SharedChainsGiveWhatOneSweepPerCandidateGives) {
  SpofOptions each;
  each.limit = 100000;
  each.share_chains = false;
  SpofOptions shared = each;
  shared.share_chains = true;
  // A chain whose links lose their spare feed, live.
  Propagation chain(Chain(3000, 3).Build());
  for (int i = 3; i < 3000; i += 3) {
    chain.Set(testing::N(chain.inventory(), "spare" + std::to_string(i)), Condition::kDown);
  }
  const SpofReport chain_report = FindSinglePointsOfFailure(chain, shared);
  EXPECT_FALSE(chain_report.hidden.empty());
  ExpectSameReports(chain_report, FindSinglePointsOfFailure(chain, each));
  // The small site, with and without backup, and live.
  for (bool backup : {true, false}) {
    Propagation site(Strasbourg(backup).Build());
    ExpectSameReports(FindSinglePointsOfFailure(site, shared),
                      FindSinglePointsOfFailure(site, each));
    site.Set(testing::N(site.inventory(), "ups1"), Condition::kDown);
    ExpectSameReports(FindSinglePointsOfFailure(site, shared),
                      FindSinglePointsOfFailure(site, each));
  }
  // A generated hierarchy.
  SyntheticOptions synthetic;
  synthetic.resources = 20000;
  synthetic.infrastructure = 2000;
  synthetic.customers = 5000;
  Propagation generated(GenerateSyntheticInventory(synthetic));
  ExpectSameReports(FindSinglePointsOfFailure(generated, shared),
                    FindSinglePointsOfFailure(generated, each));
}

}  // namespace
}  // namespace phare::graph
