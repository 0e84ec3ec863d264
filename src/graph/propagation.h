// Propagation: the live state of one inventory during incidents. Operators and monitors
// report nodes down, degraded or restored (Condition); Apply() propagates the change
// incrementally to everything that depends on those nodes, and keeps resource tallies
// (by state, product, site; customers affected) up to date for impact.h.
//
// Semantics (kinds.h states): a node is down when reported down or when one of its
// groups has fewer than k members up; degraded when reported degraded or when a group
// has fewer than k members up and not degraded (redundancy masks degradation as it masks
// failure); at risk when still up but a group has no spare (size > k, exactly k up) or
// fewer than k members that are up, not at risk and not standby; up otherwise.
// Reporting a node restored clears what was reported about it; its state then follows
// its dependencies again.
//
// Cost: Apply() touches only the nodes whose state may change, each once, in dependency
// order: O(affected nodes + their dependency edges). RecomputeFromScratch() is O(nodes +
// edges) and gives the same result (property-tested).
//
// Holds a shared_ptr to its immutable Inventory. Not thread-safe: one owner (strand)
// mutates it; copy it to hand a snapshot elsewhere.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "graph/inventory.h"
#include "graph/kinds.h"
#include "graph/propagation_core.h"

namespace phare::graph {

struct ConditionChange {
  NodeIndex node = 0;
  Condition condition = Condition::kNormal;
};

struct ApplyResult {
  uint32_t nodes_evaluated = 0;
  uint32_t nodes_changed = 0;      // nodes whose state changed
  uint32_t resources_changed = 0;  // resources whose state changed
  // Component nodes re-evaluated: their page status (impact.h) may have changed.
  std::vector<NodeIndex> components;
};

// Resource counts kept up to date by every Apply().
struct ResourceTallies {
  std::array<uint32_t, kNodeStateCount> by_state{};
  std::vector<uint32_t> by_product;         // [state * product_count + product]
  std::vector<uint32_t> by_site;            // [state * site_count + site]
  std::vector<uint32_t> customer_affected;  // per customer: resources not up
  uint32_t customers_affected = 0;          // customers with at least one resource not up
  bool operator==(const ResourceTallies&) const = default;
};

class Propagation {
 public:
  // Everything as computed with nothing reported.
  explicit Propagation(std::shared_ptr<const Inventory> inventory);

  const Inventory& inventory() const { return *inventory_; }
  const std::shared_ptr<const Inventory>& shared_inventory() const { return inventory_; }

  // Records the conditions (the last one wins for a node given twice) and propagates.
  ApplyResult Apply(std::span<const ConditionChange> changes);
  ApplyResult Set(NodeIndex node, Condition condition);
  // The same by node id. NotFound naming the first unknown id; nothing applied then.
  base::Result<ApplyResult> ApplyIds(std::span<const std::pair<std::string, Condition>> changes);

  // Recomputes every state and tally from the reported conditions alone.
  void RecomputeFromScratch();

  NodeState state(NodeIndex n) const { return detail::StateOf(core_.flags(n)); }
  bool down(NodeIndex n) const { return core_.flags(n) & detail::kDown; }
  bool at_risk(NodeIndex n) const { return core_.flags(n) & detail::kAtRisk; }
  bool degraded(NodeIndex n) const { return core_.flags(n) & detail::kDegraded; }
  Condition condition(NodeIndex n) const;
  // Every node reported down or degraded, in index order (to save and re-apply them
  // after a re-import, by id).
  std::vector<ConditionChange> Conditions() const;

  const detail::GroupCounters& counters(GroupIndex g) const { return core_.counters(g); }
  const ResourceTallies& tallies() const { return tallies_; }
  const detail::PropagationCore& core() const { return core_; }

 private:
  void RecountTallies();
  void CountResource(ResourceIndex r, NodeState state, int delta);

  std::shared_ptr<const Inventory> inventory_;
  detail::PropagationCore core_;
  ResourceTallies tallies_;
};

}  // namespace phare::graph
