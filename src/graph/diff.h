// What changed between two inventories (a re-import): nodes added, removed or changed
// (kind, name, site, standby, attributes, groups, resource fields), with resources and
// customers counted apart. Nodes are matched by id. Plain values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/inventory.h"

namespace phare::graph {

struct InventoryDiff {
  uint32_t nodes_added = 0;
  uint32_t nodes_removed = 0;
  uint32_t nodes_changed = 0;
  uint32_t resources_added = 0;  // resources are counted among the nodes too
  uint32_t resources_removed = 0;
  uint32_t resources_changed = 0;
  uint32_t customers_added = 0;
  uint32_t customers_removed = 0;
  // The first `max_ids` ids of each kind of change, in the new (or old) inventory's order.
  std::vector<std::string> added_ids;
  std::vector<std::string> removed_ids;
  std::vector<std::string> changed_ids;

  bool empty() const { return nodes_added == 0 && nodes_removed == 0 && nodes_changed == 0; }
};

// O(nodes + dependency edges) hash lookups.
InventoryDiff DiffInventories(const Inventory& before, const Inventory& after,
                              size_t max_ids = 100);

}  // namespace phare::graph
