// Property: after any sequence of reports, incremental propagation gives exactly what a
// from-scratch recomputation gives (flags, group counters, tallies, summary), and both
// match a naive recursive evaluation of the documented rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "base/random.h"
#include "graph/impact.h"
#include "graph/propagation.h"
#include "test_graph.h"

namespace phare::graph {
namespace {

using testing::G;

std::shared_ptr<const Inventory> RandomInventory(base::Random& random, int count) {
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) ids.push_back("n" + std::to_string(i));
  // Define nodes in a shuffled order so members are often defined after their owners.
  std::vector<int> define(count);
  std::iota(define.begin(), define.end(), 0);
  for (int i = count - 1; i > 0; --i) std::swap(define[i], define[random.Uniform(i + 1)]);
  InventoryBuilder builder;
  uint64_t line = 0;
  for (int i : define) {
    NodeSpec spec;
    spec.id = ids[i];
    const bool resource = i > count / 2 && random.Uniform(3) == 0;
    spec.kind = i < 2 ? NodeKind::kSite : resource ? NodeKind::kResource : NodeKind::kServer;
    spec.standby = !resource && i >= 2 && random.Uniform(8) == 0;
    const std::string customer = "c" + std::to_string(random.Uniform(6));
    const std::string product = "p" + std::to_string(random.Uniform(3));
    if (resource) {
      spec.customer = customer;
      spec.product = product;
    }
    if (i >= 2 && random.Uniform(4) == 0) spec.site = ids[random.Uniform(2)];
    builder.AddNode(spec, ++line);
    const int groups =
        i < 3 ? 0 : static_cast<int>(random.Uniform(resource ? 2 : 4)) + (resource ? 1 : 0);
    for (int g = 0; g < groups; ++g) {
      std::vector<std::string_view> members;
      const int size = 1 + static_cast<int>(random.Uniform(4));
      for (int m = 0; m < size; ++m) {
        const std::string& member = ids[random.Uniform(i)];  // lower number: acyclic
        if (std::find(members.begin(), members.end(), member) == members.end()) {
          members.push_back(member);
        }
      }
      builder.AddGroup(1 + random.Uniform(static_cast<uint32_t>(members.size())), members);
    }
  }
  auto inventory = builder.Build();
  EXPECT_TRUE(inventory) << builder.errors().ToString();
  return inventory;
}

// The documented rules, evaluated naively by recursion over members.
class Reference {
 public:
  explicit Reference(const Propagation& p) : p_(p), inv_(p.inventory()) {}

  // bit 0 down, bit 1 at risk, bit 2 degraded
  int Flags(NodeIndex n) {
    if (auto it = memo_.find(n); it != memo_.end()) return it->second;
    bool down = p_.condition(n) == Condition::kDown;
    bool at_risk = false;
    bool degraded = p_.condition(n) == Condition::kDegraded;
    for (GroupIndex g = inv_.groups(n).begin; g < inv_.groups(n).end; ++g) {
      uint32_t alive = 0, safe = 0, healthy = 0;
      for (NodeIndex m : inv_.members(g)) {
        const int f = Flags(m);
        alive += (f & 1) ? 0 : 1;
        safe += (f & 3) || inv_.standby(m) ? 0 : 1;
        healthy += (f & 5) ? 0 : 1;
      }
      const uint32_t k = inv_.group_k(g);
      down |= alive < k;
      at_risk |= (alive == k && inv_.group_size(g) > k) || safe < k;
      degraded |= healthy < k;
    }
    const int flags = down ? 1 : (at_risk ? 2 : 0) | (degraded ? 4 : 0);
    return memo_[n] = flags;
  }

 private:
  const Propagation& p_;
  const Inventory& inv_;
  std::map<NodeIndex, int> memo_;
};

void ExpectSame(const Propagation& incremental) {
  Propagation scratch = incremental;
  scratch.RecomputeFromScratch();
  Reference reference(incremental);
  const Inventory& inv = incremental.inventory();
  for (NodeIndex n = 0; n < inv.node_count(); ++n) {
    ASSERT_EQ(incremental.core().flags(n), scratch.core().flags(n)) << inv.id(n);
    const int expected = reference.Flags(n);
    ASSERT_EQ(incremental.down(n), (expected & 1) != 0) << inv.id(n);
    ASSERT_EQ(incremental.at_risk(n), (expected & 2) != 0) << inv.id(n);
    ASSERT_EQ(incremental.degraded(n), (expected & 4) != 0) << inv.id(n);
  }
  for (GroupIndex g = 0; g < inv.group_count(); ++g) {
    ASSERT_EQ(incremental.counters(g), scratch.counters(g)) << "group " << g;
  }
  ASSERT_EQ(incremental.tallies(), scratch.tallies());
  ASSERT_EQ(Summarize(incremental), Summarize(scratch));
}

TEST(PropagationProperty, IncrementalEqualsFromScratchOnRandomGraphs) {
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    base::SeededRandom random(seed);
    auto inventory = RandomInventory(random, 20 + static_cast<int>(random.Uniform(200)));
    ASSERT_TRUE(inventory);
    Propagation propagation(inventory);
    ExpectSame(propagation);
    for (int step = 0; step < 40; ++step) {
      std::vector<ConditionChange> batch;
      const int size = 1 + static_cast<int>(random.Uniform(3));
      for (int i = 0; i < size; ++i) {
        const NodeIndex node = random.Uniform(inventory->node_count());
        batch.push_back({node, static_cast<Condition>(random.Uniform(3))});
      }
      propagation.Apply(batch);
      ExpectSame(propagation);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

}  // namespace
}  // namespace phare::graph
