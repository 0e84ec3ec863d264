#include "graph/propagation.h"

#include <gtest/gtest.h>

#include "test_graph.h"

namespace phare::graph {
namespace {

using testing::G;
using testing::TestGraph;

class PropagationTest : public ::testing::Test {
 protected:
  void Load(TestGraph& graph) { propagation_ = std::make_unique<Propagation>(graph.Build()); }
  NodeIndex N(std::string_view id) { return testing::N(propagation_->inventory(), id); }
  NodeState S(std::string_view id) { return propagation_->state(N(id)); }
  ApplyResult Set(std::string_view id, Condition c) { return propagation_->Set(N(id), c); }

  std::unique_ptr<Propagation> propagation_;
};

TEST_F(PropagationTest, KOfNGroupGoesAtRiskThenDown) {
  TestGraph g;
  g.Node("a", NodeKind::kPowerFeed).Node("b", NodeKind::kPowerFeed).Node("c", NodeKind::kPowerFeed);
  g.Node("x", NodeKind::kLogical, {G{2, {"a", "b", "c"}}});
  Load(g);
  EXPECT_EQ(S("x"), NodeState::kUp);
  Set("a", Condition::kDown);
  EXPECT_EQ(S("a"), NodeState::kDown);
  EXPECT_EQ(S("x"), NodeState::kAtRisk);  // 2 of 3 up, k = 2: no spare
  Set("b", Condition::kDown);
  EXPECT_EQ(S("x"), NodeState::kDown);
  Set("a", Condition::kNormal);
  EXPECT_EQ(S("x"), NodeState::kAtRisk);
  Set("b", Condition::kNormal);
  EXPECT_EQ(S("x"), NodeState::kUp);
}

TEST_F(PropagationTest, SingleMemberGroupIsNotAtRiskByDesign) {
  TestGraph g;
  g.Node("rack", NodeKind::kRack).Node("server", NodeKind::kServer, {G{1, {"rack"}}});
  Load(g);
  EXPECT_EQ(S("server"), NodeState::kUp);
  Set("rack", Condition::kDown);
  EXPECT_EQ(S("server"), NodeState::kDown);
}

TEST_F(PropagationTest, AnyUnsatisfiedGroupTakesTheNodeDown) {
  TestGraph g;
  g.Node("power", NodeKind::kLogical)
      .Node("net1", NodeKind::kRouter)
      .Node("net2", NodeKind::kRouter);
  g.Node("room", NodeKind::kRoom, {G{1, {"power"}}, G{1, {"net1", "net2"}}});
  Load(g);
  Set("net1", Condition::kDown);
  EXPECT_EQ(S("room"), NodeState::kAtRisk);
  Set("net2", Condition::kDown);
  EXPECT_EQ(S("room"), NodeState::kDown);
  Set("net1", Condition::kNormal);
  Set("power", Condition::kDown);
  EXPECT_EQ(S("room"), NodeState::kDown);
}

// Two feeds behind one breaker, two generators, a bus, UPS with a standby battery.
TestGraph PowerChain() {
  TestGraph g;
  g.Node("breaker", NodeKind::kBreaker);
  g.Node("feed1", NodeKind::kPowerFeed, {G{1, {"breaker"}}});
  g.Node("feed2", NodeKind::kPowerFeed, {G{1, {"breaker"}}});
  g.Node("grid", NodeKind::kLogical, {G{1, {"feed1", "feed2"}}});
  g.Node("gen", NodeKind::kGenerator);
  g.Node("bus", NodeKind::kLogical, {G{1, {"grid", "gen"}}});
  g.Node("battery", NodeKind::kBattery, {}, /*standby=*/true);
  g.Node("ups", NodeKind::kUps, {G{1, {"bus", "battery"}}});
  g.Node("rack", NodeKind::kRack, {G{1, {"ups"}}});
  g.Node("server", NodeKind::kServer, {G{1, {"rack"}}});
  g.Resource("vps", "alice", "vps", "server");
  return g;
}

TEST_F(PropagationTest, NestedGroupsCarryRiskAndFailureDownTheChain) {
  TestGraph g = PowerChain();
  Load(g);
  EXPECT_EQ(S("vps"), NodeState::kUp);
  Set("feed1", Condition::kDown);
  EXPECT_EQ(S("grid"), NodeState::kAtRisk);
  EXPECT_EQ(S("bus"), NodeState::kUp);  // the generator is a real spare
  EXPECT_EQ(S("vps"), NodeState::kUp);
  Set("feed1", Condition::kNormal);
  Set("breaker", Condition::kDown);  // both feeds at once
  EXPECT_EQ(S("grid"), NodeState::kDown);
  EXPECT_EQ(S("bus"), NodeState::kAtRisk);
  EXPECT_EQ(S("ups"), NodeState::kAtRisk);  // bus at risk, battery is standby only
  EXPECT_EQ(S("vps"), NodeState::kAtRisk);
  Set("gen", Condition::kDown);
  EXPECT_EQ(S("bus"), NodeState::kDown);
  EXPECT_EQ(S("ups"), NodeState::kAtRisk);  // on battery
  EXPECT_EQ(S("vps"), NodeState::kAtRisk);
  Set("battery", Condition::kDown);
  EXPECT_EQ(S("ups"), NodeState::kDown);
  EXPECT_EQ(S("server"), NodeState::kDown);
  EXPECT_EQ(S("vps"), NodeState::kDown);
  Set("breaker", Condition::kNormal);
  EXPECT_EQ(S("bus"), NodeState::kAtRisk);  // grid back, generator still down
  EXPECT_EQ(S("vps"), NodeState::kAtRisk);
  Set("gen", Condition::kNormal);
  Set("battery", Condition::kNormal);
  EXPECT_EQ(S("vps"), NodeState::kUp);
}

TEST_F(PropagationTest, NodeRelyingOnlyOnStandbyIsAtRisk) {
  TestGraph g;
  g.Node("battery", NodeKind::kBattery, {}, true).Node("x", NodeKind::kUps, {G{1, {"battery"}}});
  Load(g);
  EXPECT_EQ(S("x"), NodeState::kAtRisk);
}

TEST_F(PropagationTest, DegradedPropagatesUnlessRedundancyMasksIt) {
  TestGraph g;
  g.Node("r1", NodeKind::kRouter).Node("r2", NodeKind::kRouter);
  g.Node("single", NodeKind::kServer, {G{1, {"r1"}}});
  g.Node("pair", NodeKind::kServer, {G{1, {"r1", "r2"}}});
  Load(g);
  Set("r1", Condition::kDegraded);
  EXPECT_EQ(S("r1"), NodeState::kDegraded);
  EXPECT_EQ(S("single"), NodeState::kDegraded);
  EXPECT_EQ(S("pair"), NodeState::kUp);
  Set("r2", Condition::kDegraded);
  EXPECT_EQ(S("pair"), NodeState::kDegraded);
  Set("r1", Condition::kDown);
  EXPECT_EQ(S("single"), NodeState::kDown);
  EXPECT_EQ(S("pair"), NodeState::kDegraded);  // degraded wins over at risk
  EXPECT_TRUE(propagation_->at_risk(N("pair")));
}

TEST_F(PropagationTest, ReportedDownWinsOverReportedDegradedUpstream) {
  TestGraph g = PowerChain();
  Load(g);
  Set("rack", Condition::kDegraded);
  EXPECT_EQ(S("vps"), NodeState::kDegraded);
  Set("vps", Condition::kDown);
  EXPECT_EQ(S("vps"), NodeState::kDown);
  EXPECT_EQ(propagation_->condition(N("vps")), Condition::kDown);
}

TEST_F(PropagationTest, RestoringAResourceReportedDownByMonitoring) {
  TestGraph g = PowerChain();
  Load(g);
  Set("vps", Condition::kDown);
  EXPECT_EQ(S("vps"), NodeState::kDown);
  EXPECT_EQ(S("server"), NodeState::kUp);
  Set("vps", Condition::kNormal);
  EXPECT_EQ(S("vps"), NodeState::kUp);
}

TEST_F(PropagationTest, RestoringANodeWhoseUpstreamIsDownKeepsItDown) {
  TestGraph g = PowerChain();
  Load(g);
  Set("server", Condition::kDown);
  Set("rack", Condition::kDown);
  Set("server", Condition::kNormal);
  EXPECT_EQ(S("server"), NodeState::kDown);
  Set("rack", Condition::kNormal);
  EXPECT_EQ(S("server"), NodeState::kUp);
}

TEST_F(PropagationTest, ApplyReportsWhatChanged) {
  TestGraph g = PowerChain();
  Load(g);
  const ApplyResult result = Set("rack", Condition::kDown);
  EXPECT_EQ(result.nodes_changed, 3u);  // rack, server, vps
  EXPECT_EQ(result.resources_changed, 1u);
  EXPECT_EQ(propagation_->tallies().by_state[static_cast<int>(NodeState::kDown)], 1u);
  EXPECT_EQ(propagation_->tallies().customers_affected, 1u);
  const ApplyResult again = Set("rack", Condition::kDown);
  EXPECT_EQ(again.nodes_changed, 0u);
}

TEST_F(PropagationTest, ApplyIdsRejectsUnknownIdsAndAppliesNothing) {
  TestGraph g = PowerChain();
  Load(g);
  const std::vector<std::pair<std::string, Condition>> changes{{"rack", Condition::kDown},
                                                               {"nope", Condition::kDown}};
  auto result = propagation_->ApplyIds(changes);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), base::Code::kNotFound);
  EXPECT_NE(result.status().message().find("nope"), std::string::npos);
  EXPECT_EQ(S("rack"), NodeState::kUp);
}

TEST_F(PropagationTest, ConditionsListsReportedNodes) {
  TestGraph g = PowerChain();
  Load(g);
  Set("gen", Condition::kDown);
  Set("rack", Condition::kDegraded);
  Set("gen", Condition::kNormal);
  const auto conditions = propagation_->Conditions();
  ASSERT_EQ(conditions.size(), 1u);
  EXPECT_EQ(propagation_->inventory().id(conditions[0].node), "rack");
  EXPECT_EQ(conditions[0].condition, Condition::kDegraded);
}

}  // namespace
}  // namespace phare::graph
