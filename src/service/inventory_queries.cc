// InventoryService: what an incident hits, and single points of failure.
#include <algorithm>

#include "graph/spof.h"
#include "service/inventory.h"

namespace phare::service {
namespace {

base::Status NoInventory() {
  return base::Status(base::Code::kFailedPrecondition, "no inventory has been imported");
}

std::vector<ReportedNode> Nodes(const IncidentGraph& g, size_t limit) {
  const graph::Inventory& inv = g.current->inventory();
  std::vector<ReportedNode> out;
  for (const auto& r : g.reports) {
    if (out.size() == limit) break;
    ReportedNode n;
    n.id = r.node_id;
    n.condition = r.condition;
    n.worst = r.worst;
    n.reported_at = r.reported_at;
    if (auto index = inv.Find(r.node_id)) {
      n.kind = std::string(ToString(inv.kind(*index)));
      n.name = std::string(inv.name(*index));
      n.state = std::string(ToString(g.current->state(*index)));
    }
    out.push_back(std::move(n));
  }
  return out;
}

SpofEntry Entry(const graph::Inventory& inv, const graph::SinglePoint& p) {
  SpofEntry e;
  e.id = std::string(inv.id(p.node));
  e.kind = std::string(ToString(inv.kind(p.node)));
  e.name = std::string(inv.name(p.node));
  e.site = std::string(inv.site_id(inv.site(p.node)));
  e.resources_down = p.resources_down;
  e.customers_down = p.customers_down;
  e.resources_at_risk = p.resources_at_risk;
  e.groups_defeated = p.defeated_count;
  for (const auto& d : p.defeated) e.defeated.emplace_back(inv.id(d.owner));
  return e;
}

bool ContainsIgnoringCase(std::string_view haystack, std::string_view needle) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != haystack.end();
}

}  // namespace

base::Result<std::vector<NodeMatch>> InventoryService::SearchNodes(std::string_view text,
                                                                   size_t limit) {
  if (text.size() > kMaxNodeSearchBytes) {
    return base::InvalidArgument(
        "must be at most " + std::to_string(kMaxNodeSearchBytes) + " bytes", "q");
  }
  PHARE_ASSIGN_OR_RETURN(auto state, Snapshot());
  if (!state->has_inventory()) return NoInventory();
  const graph::Inventory& inv = *state->inventory;
  limit = std::clamp<size_t>(limit, 1, kMaxNodeMatches);
  std::vector<NodeMatch> out;
  auto match = [&](graph::NodeIndex n) {
    return NodeMatch{std::string(inv.id(n)), std::string(ToString(inv.kind(n))),
                     std::string(inv.name(n)), std::string(inv.site_id(inv.site(n)))};
  };
  const auto exact = inv.Find(text);
  if (exact) out.push_back(match(*exact));
  for (graph::NodeIndex n = 0; n < inv.node_count() && out.size() < limit; ++n) {
    if (exact && n == *exact) continue;
    if (ContainsIgnoringCase(inv.id(n), text) || ContainsIgnoringCase(inv.name(n), text) ||
        ContainsIgnoringCase(inv.site_id(inv.site(n)), text)) {
      out.push_back(match(n));
    }
  }
  return out;
}

base::Result<std::vector<model::ImpactCount>> InventoryService::PreviewImpact(
    const std::vector<model::NodeReport>& reports, std::vector<std::string>* unknown) {
  PHARE_ASSIGN_OR_RETURN(auto state, Snapshot());
  if (!state->has_inventory()) return NoInventory();
  const auto after = Propagate(*state->baseline, reports, /*worst=*/false, unknown);
  return ImpactCounts(*after, *after);
}

base::Result<ImpactPage> InventoryService::Impact(const std::string& incident_id,
                                                  const ImpactQuery& query) {
  PHARE_ASSIGN_OR_RETURN(auto state, Snapshot());
  if (!state->has_inventory()) return NoInventory();
  const IncidentGraph* g = state->Find(incident_id);
  IncidentGraph closed;  // an incident not open, or open without reports
  if (!g) {
    model::Incident incident;
    std::vector<model::NodeReport> reports;
    PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
      PHARE_ASSIGN_OR_RETURN(incident, tx.GetIncident(incident_id));
      PHARE_ASSIGN_OR_RETURN(reports, tx.ListNodeReports(incident_id));
      return base::Status::Ok();
    }));
    closed = BuildIncidentGraph(*state->baseline, incident, std::move(reports));
    g = &closed;
  }
  const uint32_t limit = std::clamp<uint32_t>(query.limit, 1, kMaxImpactPage);
  const graph::Propagation& listed = query.hit ? *g->hit : *g->current;
  ImpactPage page;
  page.incident_id = incident_id;
  page.inventory_id = state->info.id;
  page.counts = ImpactCounts(*g->current, *g->hit);
  page.nodes_total = g->reports.size();
  page.nodes = Nodes(*g, limit);
  page.unknown_nodes = g->unknown_nodes;
  const auto customers = graph::AffectedCustomers(listed, query.customers_cursor, limit);
  for (const auto& c : customers.items) {
    page.customers.push_back({std::string(c.id), c.total_resources, c.resources});
  }
  if (customers.next_cursor != graph::kNone) page.next_customers_cursor = customers.next_cursor;
  const auto resources = graph::ListResources(listed, {}, query.resources_cursor, limit);
  for (const auto& r : resources.items) {
    page.resources.push_back({std::string(r.id), std::string(r.customer), std::string(r.product),
                              std::string(r.site), std::string(r.host),
                              std::string(ToString(g->current->state(r.node)))});
  }
  if (resources.next_cursor != graph::kNone) page.next_resources_cursor = resources.next_cursor;
  return page;
}

base::Result<SpofResult> InventoryService::Spof(const SpofQuery& query) {
  PHARE_ASSIGN_OR_RETURN(auto state, Snapshot());
  if (!state->has_inventory()) return NoInventory();
  graph::SpofOptions options;
  options.threshold = query.threshold;
  options.limit = std::clamp<uint32_t>(query.limit, 1, 1000);
  std::lock_guard lock(spof_mu_);
  if (spof_state_.lock() != state) {
    spof_results_.clear();
    spof_state_ = state;
  }
  const auto key = std::make_tuple(options.threshold, options.limit, query.live);
  if (auto hit = spof_results_.find(key); hit != spof_results_.end()) return hit->second;
  constexpr size_t kKeptResults = 32;
  if (spof_results_.size() >= kKeptResults) spof_results_.clear();
  const graph::SpofReport report =
      graph::FindSinglePointsOfFailure(query.live ? *state->combined : *state->baseline, options);
  SpofResult out;
  out.inventory_id = state->info.id;
  out.query = query;
  out.query.limit = options.limit;
  out.candidates = report.candidates;
  out.nodes_evaluated = report.nodes_evaluated;
  for (const auto& p : report.hard) out.hard.push_back(Entry(*state->inventory, p));
  for (const auto& p : report.hidden) out.hidden.push_back(Entry(*state->inventory, p));
  spof_results_.emplace(key, out);
  return out;
}

}  // namespace phare::service
