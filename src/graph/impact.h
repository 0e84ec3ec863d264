// Impact queries over a Propagation: what an incident hits, in counts and in pages.
//
// - Summarize(): resources and customers affected, in total, by product and by site,
//   per state (down, degraded, at risk). A resource is affected when it is not up; a
//   customer is counted in a state when at least one of their resources in the slice
//   is in that state. Cost O(resources of the affected customers).
// - AffectedCustomers(), ListResources(): stable, cursor-paged lists (customer order,
//   then resource order). A cursor is the index to resume from; kNone means no more.
// - ComponentStatuses(): the page status each component node should show, from its own
//   state and the share of its members down or degraded (ComponentPolicy).
//
// Returned string_views point into the Inventory; they stay valid while the Propagation
// (which holds the Inventory) lives. Same thread-safety as the Propagation read.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/inventory.h"
#include "graph/kinds.h"
#include "graph/propagation.h"
#include "model/component.h"

namespace phare::graph {

struct StateCounts {
  uint32_t down = 0;
  uint32_t degraded = 0;
  uint32_t at_risk = 0;
  uint32_t affected = 0;  // in any of the three (for customers: at least one resource)
  bool operator==(const StateCounts&) const = default;
};

struct Tally {
  uint32_t total_resources = 0;  // in the slice, whatever their state
  StateCounts resources;
  StateCounts customers;
  bool operator==(const Tally&) const = default;
};

struct ImpactSummary {
  Tally total;
  std::vector<std::pair<std::string_view, Tally>> by_product;  // every product
  std::vector<std::pair<std::string_view, Tally>> by_site;     // every site with resources
  bool operator==(const ImpactSummary&) const = default;
};

ImpactSummary Summarize(const Propagation& propagation);

inline constexpr uint32_t kMaxPageSize = 10'000;

struct AffectedCustomer {
  CustomerIndex customer = 0;
  std::string_view id;
  uint32_t total_resources = 0;
  StateCounts resources;  // this customer's resources by state
};

struct CustomerPage {
  std::vector<AffectedCustomer> items;
  uint32_t next_cursor = kNone;
};

// Customers with at least one resource not up, from customer index `cursor`, at most
// `limit` (capped to kMaxPageSize).
CustomerPage AffectedCustomers(const Propagation& propagation, uint32_t cursor, uint32_t limit);

struct ResourceFilter {
  std::optional<CustomerIndex> customer;
  std::optional<ProductIndex> product;
  std::optional<SiteIndex> site;
  std::optional<NodeState> state;
  bool affected_only = true;  // false lists resources that are up too ("my services")
};

struct ResourceItem {
  ResourceIndex resource = 0;
  NodeIndex node = 0;
  std::string_view id;
  std::string_view customer;
  std::string_view product;
  std::string_view sla;
  std::string_view site;  // site id, or ""
  std::string_view host;  // first member of the first group (the server it sits on), or ""
  NodeState state = NodeState::kUp;
};

struct ResourcePage {
  std::vector<ResourceItem> items;
  uint32_t next_cursor = kNone;
};

// Resources matching `filter`, from resource index `cursor` (resources are numbered by
// customer), at most `limit` (capped to kMaxPageSize).
ResourcePage ListResources(const Propagation& propagation, const ResourceFilter& filter,
                           uint32_t cursor, uint32_t limit);

// How a component node's page status follows from the graph:
//   major_outage          the node is down, or >= major_share of its members are down;
//   partial_outage        >= partial_share of its members are down;
//   degraded_performance  the node is degraded, or >= degraded_share of its members are
//                         up but degraded;
//   operational           otherwise (at risk included: it still works).
// Members are counted over all the node's groups.
struct ComponentPolicy {
  double major_share = 0.5;
  double partial_share = 0.01;
  double degraded_share = 0.01;
};

struct ComponentImpact {
  NodeIndex node = 0;
  std::string_view id;
  std::string_view name;
  NodeState state = NodeState::kUp;
  model::ComponentStatus status = model::ComponentStatus::kOperational;
  uint32_t members = 0;
  uint32_t members_down = 0;
  uint32_t members_degraded = 0;
};

ComponentImpact ComponentStatusOf(const Propagation& propagation, NodeIndex component,
                                  const ComponentPolicy& policy = {});
// Every component node, in index order.
std::vector<ComponentImpact> ComponentStatuses(const Propagation& propagation,
                                               const ComponentPolicy& policy = {});

}  // namespace phare::graph
