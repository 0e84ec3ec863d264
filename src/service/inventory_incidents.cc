// InventoryService: node reports of incidents, inside IncidentService's transaction.
#include <algorithm>
#include <map>
#include <set>

#include "eta/eta.h"
#include "graph/export.h"
#include "service/downtime.h"
#include "service/inventory.h"

namespace phare::service {
namespace {

using StatusByComponent = std::map<std::string, model::ComponentStatus>;

// Per page component, the worst status its inventory nodes (`mappings`) have in `state`.
StatusByComponent WorstStatuses(const graph::Propagation& state,
                                const std::vector<ComponentMapping>& mappings,
                                const graph::ComponentPolicy& policy) {
  StatusByComponent out;
  for (const auto& m : mappings) {
    if (m.component_id.empty()) continue;
    const graph::NodeIndex n = *state.inventory().Find(m.node_id);
    auto& status =
        out.try_emplace(m.component_id, model::ComponentStatus::kOperational).first->second;
    status = std::max(status, graph::ComponentStatusOf(state, n, policy).status);
  }
  return out;
}

// The components whose status differs from `before` to `after` (a component missing from
// one is operational there), with their status after.
std::vector<ComponentStatusChange> Differences(const StatusByComponent& before,
                                               const StatusByComponent& after) {
  const auto status = [](const StatusByComponent& in, const std::string& id) {
    auto it = in.find(id);
    return it == in.end() ? model::ComponentStatus::kOperational : it->second;
  };
  std::set<std::string> ids;
  for (const auto& [id, _] : before) ids.insert(id);
  for (const auto& [id, _] : after) ids.insert(id);
  std::vector<ComponentStatusChange> out;
  for (const auto& id : ids) {
    if (status(before, id) != status(after, id)) out.push_back({id, status(after, id)});
  }
  return out;
}

// Page components whose nodes are not operational in `state`.
std::vector<std::string> Affected(const graph::Propagation& state,
                                  const std::vector<ComponentMapping>& mappings,
                                  const graph::ComponentPolicy& policy) {
  std::vector<std::string> out;
  for (const auto& m : mappings) {
    if (m.component_id.empty()) continue;
    const graph::NodeIndex n = *state.inventory().Find(m.node_id);
    if (graph::ComponentStatusOf(state, n, policy).status == model::ComponentStatus::kOperational) {
      continue;
    }
    if (std::find(out.begin(), out.end(), m.component_id) == out.end()) {
      out.push_back(m.component_id);
    }
  }
  return out;
}

// A progress sample for the estimates when restoration moved: restored of hit.
base::Status RecordProgress(store::Tx& tx, const model::Incident& incident,
                            const std::vector<model::ImpactCount>& counts, base::Time now) {
  const model::ImpactCount& next = counts.front();
  if (next.hit == 0 || model::IsClosed(incident.status)) return base::Status::Ok();
  if (!incident.impact_counts.empty()) {
    const model::ImpactCount& last = incident.impact_counts.front();
    if (last.hit == next.hit && last.restored == next.restored) return base::Status::Ok();
  }
  PHARE_ASSIGN_OR_RETURN(auto samples, tx.ListProgress(incident.id));
  if (samples.size() >= eta::kMaxProgressSamples) return base::Status::Ok();
  return tx.AddProgress(incident.id, model::ProgressSample{"", now, next.restored, next.hit});
}

base::Status CheckReports(const model::Incident& incident,
                          const std::vector<model::NodeReport>& reports, const std::string& field) {
  if (reports.size() > kMaxNodeReports) {
    return base::InvalidArgument("has more than " + std::to_string(kMaxNodeReports) + " nodes",
                                 field);
  }
  if (!reports.empty() && incident.kind != model::IncidentKind::kIncident) {
    return base::InvalidArgument("node reports belong to incidents, not to maintenance", field);
  }
  return base::Status::Ok();
}

// The reports as stored: the incident's, at `now`. InvalidArgument naming field[k].id
// for an id the inventory lacks.
base::Result<std::vector<model::NodeReport>> Stamp(const graph::Inventory& inventory,
                                                   const std::vector<model::NodeReport>& reports,
                                                   const std::string& incident_id, base::Time now,
                                                   const std::string& field) {
  std::vector<model::NodeReport> out = reports;
  for (size_t k = 0; k < out.size(); ++k) {
    if (!inventory.Find(out[k].node_id)) {
      return base::InvalidArgument("unknown node '" + out[k].node_id + "'",
                                   field + "[" + std::to_string(k) + "].id");
    }
    out[k].incident_id = incident_id;
    out[k].worst = out[k].condition;
    out[k].reported_at = now;
  }
  return out;
}

}  // namespace

base::Result<std::shared_ptr<const graph::Propagation>> InventoryService::BaselineFor(
    store::Tx& tx, int64_t inventory_id) {
  // No store call but through `tx`: the caller's transaction holds the store.
  if (auto current = Current(); current && current->info.id == inventory_id) {
    return current->baseline;
  }
  // Another process imported since the last refresh: load it here (rare).
  PHARE_ASSIGN_OR_RETURN(std::string body, tx.InventoryBody(inventory_id));
  auto inventory = graph::DeserializeInventory(body);
  if (!inventory.ok()) {
    return base::Internal("stored inventory " + std::to_string(inventory_id) +
                          " does not load: " + inventory.status().message());
  }
  return std::shared_ptr<const graph::Propagation>(
      std::make_shared<graph::Propagation>(*inventory));
}

base::Result<GraphOutcome> InventoryService::ApplyToIncident(
    store::Tx& tx, model::Incident& incident, std::optional<model::IncidentStatus> old_status,
    const std::vector<model::NodeReport>& reports, const std::string& field, base::Time now) {
  const bool was_open = old_status && !model::IsClosed(*old_status);
  const bool is_open = !model::IsClosed(incident.status);
  PHARE_RETURN_IF_ERROR(CheckReports(incident, reports, field));
  if (reports.empty() && was_open == is_open) return GraphOutcome{};
  std::vector<model::NodeReport> mine_old;
  if (old_status) {
    PHARE_ASSIGN_OR_RETURN(mine_old, tx.ListNodeReports(incident.id));
  }
  if (reports.empty() && mine_old.empty()) return GraphOutcome{};
  PHARE_ASSIGN_OR_RETURN(auto baseline, TxBaseline(tx, !reports.empty(), field));
  if (!baseline) return GraphOutcome{};
  PHARE_ASSIGN_OR_RETURN(auto stamped,
                         Stamp(baseline->inventory(), reports, incident.id, now, field));
  const std::vector<model::NodeReport> mine_new = MergeReports(mine_old, stamped);
  if (mine_new.size() > kMaxNodesPerIncident) {
    return base::Status(
        base::Code::kResourceExhausted,
        "an incident reports at most " + std::to_string(kMaxNodesPerIncident) + " distinct nodes",
        field);
  }

  // The graph's view before and after, every open incident's reports combined.
  PHARE_ASSIGN_OR_RETURN(auto others, tx.ListOpenNodeReports());
  std::erase_if(others, [&](const auto& r) { return r.incident_id == incident.id; });
  std::vector<model::NodeReport> before = others, after = std::move(others);
  if (was_open) before.insert(before.end(), mine_old.begin(), mine_old.end());
  if (is_open) after.insert(after.end(), mine_new.begin(), mine_new.end());
  PHARE_ASSIGN_OR_RETURN(auto components, tx.ListComponents());
  PHARE_ASSIGN_OR_RETURN(auto links, tx.ListComponentNodes());
  const auto mappings = MapComponents(baseline->inventory(), components, links);
  const auto combined_before = Combine(*baseline, before);
  const auto combined_after = Combine(*baseline, after);
  GraphOutcome out;
  out.changes = Differences(WorstStatuses(*combined_before, mappings, policy_),
                            WorstStatuses(*combined_after, mappings, policy_));
  PHARE_RETURN_IF_ERROR(RecordDowntimeChanges(tx, *combined_before, *combined_after, now));
  if (stamped.empty()) return out;

  PHARE_RETURN_IF_ERROR(tx.PutNodeReports(stamped));
  const IncidentGraph g = BuildIncidentGraph(*baseline, incident, mine_new);
  out.affected = Affected(*g.current, mappings, policy_);
  auto counts = ImpactCounts(*g.current, *g.hit);
  if (old_status) PHARE_RETURN_IF_ERROR(RecordProgress(tx, incident, counts, now));
  PHARE_RETURN_IF_ERROR(tx.PutImpactCounts(incident.id, counts));
  incident.impact_counts = std::move(counts);
  return out;
}

base::Result<std::vector<ComponentStatusChange>> InventoryService::ReapplyReports(
    store::Tx& tx, const GraphState& previous, const std::shared_ptr<const graph::Inventory>& next,
    base::Time now) {
  PHARE_ASSIGN_OR_RETURN(auto open, tx.ListOpenNodeReports());
  if (open.empty() || !previous.has_inventory()) return std::vector<ComponentStatusChange>{};
  PHARE_ASSIGN_OR_RETURN(auto components, tx.ListComponents());
  PHARE_ASSIGN_OR_RETURN(auto links, tx.ListComponentNodes());
  const graph::Propagation baseline(next);

  // Each page component's status over the old inventory (as last shown) and over the new
  // one with the same reports (those naming nodes the new one lacks no longer count).
  const auto combined = Combine(baseline, open);
  auto changes =
      Differences(WorstStatuses(*previous.combined,
                                MapComponents(*previous.inventory, components, links), policy_),
                  WorstStatuses(*combined, MapComponents(*next, components, links), policy_));
  PHARE_RETURN_IF_ERROR(SyncDowntime(tx, *combined, now));
  std::vector<ComponentStatusChange> applied;
  for (const auto& change : changes) {
    auto c = std::find_if(components.begin(), components.end(),
                          [&](const auto& x) { return x.id == change.component_id; });
    if (c == components.end() || c->status == model::ComponentStatus::kUnderMaintenance ||
        c->status == change.status) {
      continue;
    }
    c->status = change.status;
    c->updated_at = now;
    PHARE_RETURN_IF_ERROR(tx.UpdateComponent(*c));
    applied.push_back(change);
  }

  // The open incidents' counts, over the new inventory.
  std::map<std::string, std::vector<model::NodeReport>> by_incident;
  for (auto& r : open) by_incident[r.incident_id].push_back(std::move(r));
  for (auto& [incident_id, reports] : by_incident) {
    model::Incident incident;
    incident.id = incident_id;
    const IncidentGraph g = BuildIncidentGraph(baseline, incident, std::move(reports));
    PHARE_RETURN_IF_ERROR(tx.PutImpactCounts(incident_id, ImpactCounts(*g.current, *g.hit)));
  }
  return applied;
}

base::Result<std::shared_ptr<const graph::Propagation>> InventoryService::TxBaseline(
    store::Tx& tx, bool required, const std::string& field) {
  auto info = tx.CurrentInventory();
  if (info.status().code() == base::Code::kNotFound) {
    if (!required) return std::shared_ptr<const graph::Propagation>();
    return base::Status(base::Code::kFailedPrecondition,
                        "no inventory has been imported (phare inventory import, or PUT "
                        "/v1/pages/{page_id}/inventory)",
                        field);
  }
  PHARE_RETURN_IF_ERROR(info.status());
  return BaselineFor(tx, info->id);
}

}  // namespace phare::service
