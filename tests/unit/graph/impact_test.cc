#include "graph/impact.h"

#include <gtest/gtest.h>

#include <set>

#include "test_graph.h"

namespace phare::graph {
namespace {

using model::ComponentStatus;
using testing::G;

// Two sites; alice has 2 VPS on s1 and a dedicated server on s2; bob a VPS on s1 and a
// web plan on s2; carol a dedicated server on s3 (site b).
std::shared_ptr<const Inventory> Sample() {
  testing::TestGraph g;
  g.Node("a", NodeKind::kSite).Node("b", NodeKind::kSite);
  g.Node("s1", NodeKind::kServer, {G{1, {"a"}}}).Node("s2", NodeKind::kServer, {G{1, {"a"}}});
  g.Node("s3", NodeKind::kServer, {G{1, {"b"}}});
  g.Resource("vps-1", "alice", "vps", "s1").Resource("vps-2", "alice", "vps", "s1");
  g.Resource("ded-1", "alice", "dedicated", "s2").Resource("vps-3", "bob", "vps", "s1");
  g.Resource("web-1", "bob", "web", "s2").Resource("ded-2", "carol", "dedicated", "s3");
  g.Node("comp-vps", NodeKind::kComponent, {G{1, {"vps-1", "vps-2", "vps-3"}}});
  g.Node("comp-all", NodeKind::kComponent,
         {G{1, {"vps-1", "vps-2", "vps-3", "ded-1", "web-1", "ded-2"}}});
  return g.Build();
}

class ImpactTest : public ::testing::Test {
 protected:
  ImpactTest() : p_(Sample()) {}
  NodeIndex N(std::string_view id) { return testing::N(p_.inventory(), id); }
  const Tally& ByProduct(const ImpactSummary& s, std::string_view product) {
    for (const auto& [name, tally] : s.by_product) {
      if (name == product) return tally;
    }
    ADD_FAILURE() << product;
    return s.total;
  }
  Propagation p_;
};

TEST_F(ImpactTest, NothingAffectedAtRest) {
  const ImpactSummary s = Summarize(p_);
  EXPECT_EQ(s.total.total_resources, 6u);
  EXPECT_EQ(s.total.resources, StateCounts{});
  EXPECT_EQ(s.total.customers, StateCounts{});
  EXPECT_TRUE(AffectedCustomers(p_, 0, 10).items.empty());
}

TEST_F(ImpactTest, CountsResourcesAndCustomersByProductSiteAndState) {
  p_.Set(N("s1"), Condition::kDown);
  p_.Set(N("s2"), Condition::kDegraded);
  const ImpactSummary s = Summarize(p_);
  EXPECT_EQ(s.total.resources, (StateCounts{3, 2, 0, 5}));
  EXPECT_EQ(s.total.customers, (StateCounts{2, 2, 0, 2}));  // alice and bob, each both ways
  const Tally& vps = ByProduct(s, "vps");
  EXPECT_EQ(vps.total_resources, 3u);
  EXPECT_EQ(vps.resources, (StateCounts{3, 0, 0, 3}));
  EXPECT_EQ(vps.customers, (StateCounts{2, 0, 0, 2}));
  const Tally& dedicated = ByProduct(s, "dedicated");
  EXPECT_EQ(dedicated.resources, (StateCounts{0, 1, 0, 1}));
  EXPECT_EQ(dedicated.customers, (StateCounts{0, 1, 0, 1}));
  ASSERT_EQ(s.by_site.size(), 2u);
  EXPECT_EQ(s.by_site[0].first, "a");
  EXPECT_EQ(s.by_site[0].second.customers.affected, 2u);
  EXPECT_EQ(s.by_site[1].first, "b");
  EXPECT_EQ(s.by_site[1].second.resources.affected, 0u);
}

TEST_F(ImpactTest, PagesThroughAffectedCustomers) {
  p_.Set(N("a"), Condition::kDown);
  p_.Set(N("b"), Condition::kDown);
  std::vector<std::string> seen;
  uint32_t cursor = 0;
  int pages = 0;
  while (cursor != kNone) {
    const CustomerPage page = AffectedCustomers(p_, cursor, 2);
    for (const AffectedCustomer& c : page.items) seen.emplace_back(c.id);
    cursor = page.next_cursor;
    ++pages;
  }
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(seen, (std::vector<std::string>{"alice", "bob", "carol"}));
  const AffectedCustomer alice = AffectedCustomers(p_, 0, 1).items.at(0);
  EXPECT_EQ(alice.total_resources, 3u);
  EXPECT_EQ(alice.resources.down, 3u);
}

TEST_F(ImpactTest, ListsResourcesWithFiltersAndPages) {
  p_.Set(N("s1"), Condition::kDown);
  ResourceFilter filter;
  std::set<std::string> ids;
  uint32_t cursor = 0;
  while (cursor != kNone) {
    const ResourcePage page = ListResources(p_, filter, cursor, 1);
    for (const ResourceItem& r : page.items) {
      ids.emplace(r.id);
      EXPECT_EQ(r.state, NodeState::kDown);
      EXPECT_EQ(r.host, "s1");
      EXPECT_EQ(r.site, "a");
    }
    cursor = page.next_cursor;
  }
  EXPECT_EQ(ids, (std::set<std::string>{"vps-1", "vps-2", "vps-3"}));
  filter.product = p_.inventory().FindProduct("dedicated");
  EXPECT_TRUE(ListResources(p_, filter, 0, 10).items.empty());
  filter.affected_only = false;
  EXPECT_EQ(ListResources(p_, filter, 0, 10).items.size(), 2u);
}

TEST_F(ImpactTest, CustomerViewShowsOnlyTheirOwnResources) {
  p_.Set(N("s1"), Condition::kDown);
  for (CustomerIndex c = 0; c < p_.inventory().customer_count(); ++c) {
    ResourceFilter filter;
    filter.customer = c;
    filter.affected_only = false;
    const ResourcePage page = ListResources(p_, filter, 0, kMaxPageSize);
    EXPECT_EQ(page.items.size(), p_.inventory().customer_resources(c).size());
    for (const ResourceItem& r : page.items) EXPECT_EQ(r.customer, p_.inventory().customer_id(c));
  }
  ResourceFilter nobody;
  nobody.customer = 99;
  EXPECT_TRUE(ListResources(p_, nobody, 0, 10).items.empty());
}

TEST_F(ImpactTest, ComponentStatusFollowsTheShareOfMembersDown) {
  auto status = [&](std::string_view id) { return ComponentStatusOf(p_, N(id)).status; };
  EXPECT_EQ(status("comp-vps"), ComponentStatus::kOperational);
  p_.Set(N("vps-1"), Condition::kDown);  // 1 of 3
  EXPECT_EQ(status("comp-vps"), ComponentStatus::kPartialOutage);
  EXPECT_EQ(status("comp-all"), ComponentStatus::kPartialOutage);  // 1 of 6
  p_.Set(N("vps-2"), Condition::kDown);                            // 2 of 3
  EXPECT_EQ(status("comp-vps"), ComponentStatus::kMajorOutage);
  p_.Set(N("vps-3"), Condition::kDown);  // all: the node itself is down
  EXPECT_EQ(p_.state(N("comp-vps")), NodeState::kDown);
  EXPECT_EQ(status("comp-vps"), ComponentStatus::kMajorOutage);
  p_.Set(N("s1"), Condition::kNormal);
  for (auto id : {"vps-1", "vps-2", "vps-3"}) p_.Set(N(id), Condition::kNormal);
  p_.Set(N("s2"), Condition::kDegraded);  // 2 of 6 degraded
  EXPECT_EQ(status("comp-all"), ComponentStatus::kDegradedPerformance);
  EXPECT_EQ(status("comp-vps"), ComponentStatus::kOperational);
  const ComponentImpact all = ComponentStatusOf(p_, N("comp-all"));
  EXPECT_EQ(all.members, 6u);
  EXPECT_EQ(all.members_degraded, 2u);
  ComponentPolicy strict;
  strict.degraded_share = 0.5;
  EXPECT_EQ(ComponentStatusOf(p_, N("comp-all"), strict).status, ComponentStatus::kOperational);
}

TEST_F(ImpactTest, ApplyReportsTheComponentsToRefresh) {
  const ApplyResult result = p_.Set(N("s3"), Condition::kDown);
  std::vector<std::string_view> ids;
  for (NodeIndex n : result.components) ids.push_back(p_.inventory().id(n));
  EXPECT_EQ(ids, (std::vector<std::string_view>{"comp-all"}));
  EXPECT_EQ(ComponentStatuses(p_).size(), 2u);
}

}  // namespace
}  // namespace phare::graph
