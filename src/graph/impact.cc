#include "graph/impact.h"

#include <algorithm>

namespace phare::graph {
namespace {

// Bits of StateCounts fields: down, degraded, at_risk, affected.
constexpr int kCountFields = 4;
constexpr uint8_t kAffectedBit = 8;

uint8_t StateBits(NodeState state) {
  switch (state) {
    case NodeState::kDown:
      return 1 | kAffectedBit;
    case NodeState::kDegraded:
      return 2 | kAffectedBit;
    case NodeState::kAtRisk:
      return 4 | kAffectedBit;
    case NodeState::kUp:
      break;
  }
  return 0;
}

uint32_t& Field(StateCounts& counts, int bit) {
  switch (bit) {
    case 0:
      return counts.down;
    case 1:
      return counts.degraded;
    case 2:
      return counts.at_risk;
    default:
      return counts.affected;
  }
}

void AddState(StateCounts& counts, NodeState state, uint32_t n) {
  const uint8_t bits = StateBits(state);
  for (int b = 0; b < kCountFields; ++b) {
    if (bits & (1 << b)) Field(counts, b) += n;
  }
}

// Counts each customer once per (slice, state): `stamps[slice * 4 + bit]` holds the last
// customer (+1) counted there.
void CountCustomer(std::vector<uint32_t>& stamps, size_t slice, uint8_t bits, uint32_t stamp,
                   StateCounts& counts) {
  for (int b = 0; b < kCountFields; ++b) {
    uint32_t& seen = stamps[slice * kCountFields + b];
    if ((bits & (1 << b)) && seen != stamp) {
      seen = stamp;
      ++Field(counts, b);
    }
  }
}

Tally ResourceTally(const ResourceTallies& t, const std::vector<uint32_t>& counts, size_t stride,
                    size_t slice) {
  Tally tally;
  for (int s = 0; s < kNodeStateCount; ++s) {
    const uint32_t n = counts[s * stride + slice];
    tally.total_resources += n;
    AddState(tally.resources, static_cast<NodeState>(s), n);
  }
  return tally;
}

}  // namespace

ImpactSummary Summarize(const Propagation& propagation) {
  const Inventory& inv = propagation.inventory();
  const ResourceTallies& t = propagation.tallies();
  ImpactSummary out;
  out.total.total_resources = inv.resource_count();
  for (int s = 0; s < kNodeStateCount; ++s) {
    AddState(out.total.resources, static_cast<NodeState>(s), t.by_state[s]);
  }
  for (uint32_t i = 0; i < inv.product_count(); ++i) {
    const auto p = static_cast<ProductIndex>(i);
    out.by_product.emplace_back(inv.product_name(p),
                                ResourceTally(t, t.by_product, inv.product_count(), p));
  }
  std::vector<uint32_t> site_slot(inv.site_count(), kNone);
  for (uint32_t i = 0; i < inv.site_count(); ++i) {
    const auto s = static_cast<SiteIndex>(i);
    Tally tally = ResourceTally(t, t.by_site, inv.site_count(), s);
    if (tally.total_resources == 0) continue;
    site_slot[s] = static_cast<uint32_t>(out.by_site.size());
    out.by_site.emplace_back(inv.site_id(s), tally);
  }
  std::vector<uint32_t> product_stamps(inv.product_count() * kCountFields, 0);
  std::vector<uint32_t> site_stamps(inv.site_count() * kCountFields, 0);
  for (CustomerIndex c = 0; c < inv.customer_count(); ++c) {
    if (t.customer_affected[c] == 0) continue;
    uint8_t seen = 0;
    for (ResourceIndex r = inv.customer_resources(c).begin; r < inv.customer_resources(c).end;
         ++r) {
      const uint8_t bits = StateBits(propagation.state(inv.resource_node(r)));
      if (bits == 0) continue;
      seen |= bits;
      const ProductIndex p = inv.resource_product(r);
      CountCustomer(product_stamps, p, bits, c + 1, out.by_product[p].second.customers);
      const SiteIndex s = inv.site(inv.resource_node(r));
      CountCustomer(site_stamps, s, bits, c + 1, out.by_site[site_slot[s]].second.customers);
    }
    for (int b = 0; b < kCountFields; ++b) {
      if (seen & (1 << b)) ++Field(out.total.customers, b);
    }
  }
  return out;
}

CustomerPage AffectedCustomers(const Propagation& propagation, uint32_t cursor, uint32_t limit) {
  const Inventory& inv = propagation.inventory();
  const std::vector<uint32_t>& affected = propagation.tallies().customer_affected;
  limit = std::min(limit, kMaxPageSize);
  CustomerPage page;
  for (CustomerIndex c = cursor; c < inv.customer_count(); ++c) {
    if (affected[c] == 0) continue;
    if (page.items.size() == limit) {
      page.next_cursor = c;
      break;
    }
    AffectedCustomer item{c, inv.customer_id(c), inv.customer_resources(c).size(), {}};
    for (ResourceIndex r = inv.customer_resources(c).begin; r < inv.customer_resources(c).end;
         ++r) {
      AddState(item.resources, propagation.state(inv.resource_node(r)), 1);
    }
    page.items.push_back(item);
  }
  return page;
}

namespace {

bool Matches(const Propagation& propagation, const ResourceFilter& filter, ResourceIndex r) {
  const Inventory& inv = propagation.inventory();
  const NodeIndex node = inv.resource_node(r);
  const NodeState state = propagation.state(node);
  if (filter.affected_only && state == NodeState::kUp) return false;
  if (filter.state && state != *filter.state) return false;
  if (filter.product && inv.resource_product(r) != *filter.product) return false;
  return !filter.site || inv.site(node) == *filter.site;
}

ResourceItem Item(const Propagation& propagation, ResourceIndex r) {
  const Inventory& inv = propagation.inventory();
  const NodeIndex node = inv.resource_node(r);
  ResourceItem item;
  item.resource = r;
  item.node = node;
  item.id = inv.id(node);
  item.customer = inv.customer_id(inv.resource_customer(r));
  item.product = inv.product_name(inv.resource_product(r));
  item.sla = inv.resource_sla(r);
  item.site = inv.site_id(inv.site(node));
  if (!inv.groups(node).empty()) item.host = inv.id(inv.members(inv.groups(node).begin)[0]);
  item.state = propagation.state(node);
  return item;
}

}  // namespace

ResourcePage ListResources(const Propagation& propagation, const ResourceFilter& filter,
                           uint32_t cursor, uint32_t limit) {
  const Inventory& inv = propagation.inventory();
  IndexRange range{0, inv.resource_count()};
  if (filter.customer) {
    if (*filter.customer >= inv.customer_count()) return {};
    range = inv.customer_resources(*filter.customer);
  }
  limit = std::min(limit, kMaxPageSize);
  ResourcePage page;
  for (ResourceIndex r = std::max(cursor, range.begin); r < range.end; ++r) {
    if (!Matches(propagation, filter, r)) continue;
    if (page.items.size() == limit) {
      page.next_cursor = r;
      break;
    }
    page.items.push_back(Item(propagation, r));
  }
  return page;
}

ComponentImpact ComponentStatusOf(const Propagation& propagation, NodeIndex component,
                                  const ComponentPolicy& policy) {
  const Inventory& inv = propagation.inventory();
  ComponentImpact out;
  out.node = component;
  out.id = inv.id(component);
  out.name = inv.name(component);
  out.state = propagation.state(component);
  const IndexRange groups = inv.groups(component);
  for (GroupIndex g = groups.begin; g < groups.end; ++g) {
    const detail::GroupCounters& c = propagation.counters(g);
    out.members += inv.group_size(g);
    out.members_down += inv.group_size(g) - c.alive;
    out.members_degraded += c.alive - c.healthy;
  }
  const double total = std::max<uint32_t>(out.members, 1);
  const double down = out.members_down / total;
  const double degraded = out.members_degraded / total;
  using model::ComponentStatus;
  if (out.state == NodeState::kDown || (out.members_down > 0 && down >= policy.major_share)) {
    out.status = ComponentStatus::kMajorOutage;
  } else if (out.members_down > 0 && down >= policy.partial_share) {
    out.status = ComponentStatus::kPartialOutage;
  } else if (out.state == NodeState::kDegraded ||
             (out.members_degraded > 0 && degraded >= policy.degraded_share)) {
    out.status = ComponentStatus::kDegradedPerformance;
  }
  return out;
}

std::vector<ComponentImpact> ComponentStatuses(const Propagation& propagation,
                                               const ComponentPolicy& policy) {
  std::vector<ComponentImpact> out;
  for (NodeIndex n : propagation.inventory().components()) {
    out.push_back(ComponentStatusOf(propagation, n, policy));
  }
  return out;
}

}  // namespace phare::graph
