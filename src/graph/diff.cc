#include "graph/diff.h"

#include <algorithm>

namespace phare::graph {
namespace {

bool SameResource(const Inventory& a, NodeIndex na, const Inventory& b, NodeIndex nb) {
  const ResourceIndex ra = a.resource_of(na), rb = b.resource_of(nb);
  if ((ra == kNone) != (rb == kNone)) return false;
  if (ra == kNone) return true;
  return a.customer_id(a.resource_customer(ra)) == b.customer_id(b.resource_customer(rb)) &&
         a.product_name(a.resource_product(ra)) == b.product_name(b.resource_product(rb)) &&
         a.resource_sla(ra) == b.resource_sla(rb);
}

bool SameGroups(const Inventory& a, NodeIndex na, const Inventory& b, NodeIndex nb) {
  const IndexRange ga = a.groups(na), gb = b.groups(nb);
  if (ga.size() != gb.size()) return false;
  for (uint32_t i = 0; i < ga.size(); ++i) {
    const auto ma = a.members(ga.begin + i), mb = b.members(gb.begin + i);
    if (a.group_k(ga.begin + i) != b.group_k(gb.begin + i) || ma.size() != mb.size()) {
      return false;
    }
    for (size_t m = 0; m < ma.size(); ++m) {
      if (a.id(ma[m]) != b.id(mb[m])) return false;
    }
  }
  return true;
}

bool SameNode(const Inventory& a, NodeIndex na, const Inventory& b, NodeIndex nb) {
  if (a.kind(na) != b.kind(nb) || a.standby(na) != b.standby(nb) ||
      a.site_id(a.site(na)) != b.site_id(b.site(nb))) {
    return false;
  }
  auto attrs_a = a.Attributes(na), attrs_b = b.Attributes(nb);
  std::sort(attrs_a.begin(), attrs_a.end());
  std::sort(attrs_b.begin(), attrs_b.end());
  return attrs_a == attrs_b && SameResource(a, na, b, nb) && SameGroups(a, na, b, nb);
}

void Note(std::vector<std::string>& ids, std::string_view id, size_t max_ids) {
  if (ids.size() < max_ids) ids.emplace_back(id);
}

}  // namespace

InventoryDiff DiffInventories(const Inventory& before, const Inventory& after, size_t max_ids) {
  InventoryDiff diff;
  for (NodeIndex n = 0; n < after.node_count(); ++n) {
    const bool resource = after.kind(n) == NodeKind::kResource;
    const auto old = before.Find(after.id(n));
    if (!old) {
      ++diff.nodes_added;
      diff.resources_added += resource;
      Note(diff.added_ids, after.id(n), max_ids);
    } else if (!SameNode(before, *old, after, n)) {
      ++diff.nodes_changed;
      diff.resources_changed += resource || before.kind(*old) == NodeKind::kResource;
      Note(diff.changed_ids, after.id(n), max_ids);
    }
  }
  for (NodeIndex n = 0; n < before.node_count(); ++n) {
    if (after.Find(before.id(n))) continue;
    ++diff.nodes_removed;
    diff.resources_removed += before.kind(n) == NodeKind::kResource;
    Note(diff.removed_ids, before.id(n), max_ids);
  }
  for (CustomerIndex c = 0; c < after.customer_count(); ++c) {
    diff.customers_added += !before.FindCustomer(after.customer_id(c));
  }
  for (CustomerIndex c = 0; c < before.customer_count(); ++c) {
    diff.customers_removed += !after.FindCustomer(before.customer_id(c));
  }
  return diff;
}

}  // namespace phare::graph
