// The live infrastructure graph as InventoryService shares it: the current inventory,
// its state with nothing reported (baseline), with every open incident's reports
// (combined), and per open incident the state its own reports give (current) and the
// one the worst it ever reported gives (hit). Built from stored node reports, so any
// process reading the same store builds the same state.
//
// A GraphState is immutable once built and handed out as shared_ptr<const GraphState>:
// any thread may read it, the propagations included (read-only). Internal to the
// service layer, with the helpers that build it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/inventory.h"
#include "graph/propagation.h"
#include "model/incident.h"
#include "model/inventory.h"
#include "model/page.h"

namespace phare::service {

// One incident's view of the graph, with what "my services" pages show of it.
struct IncidentGraph {
  std::string incident_id;
  std::string name;
  model::LocalizedNames names;  // in other languages
  model::IncidentStatus status = model::IncidentStatus::kInvestigating;
  model::Impact impact = model::Impact::kNone;
  base::Time started_at{};
  base::Time updated_at{};
  std::optional<model::Estimate> estimate;            // the incident's, when there is one
  std::vector<model::NodeReport> reports;             // by node id
  std::shared_ptr<const graph::Propagation> current;  // the reports as they stand
  std::shared_ptr<const graph::Propagation> hit;      // the worst ever reported, per node
  std::vector<std::string> unknown_nodes;  // reported ids the inventory lacks (first few)
};

struct GraphState {
  model::InventoryInfo info;  // id 0: no inventory yet
  model::Page page;
  std::shared_ptr<const graph::Inventory> inventory;  // null without inventory
  std::shared_ptr<const graph::Propagation> baseline;
  std::shared_ptr<const graph::Propagation> combined;
  std::vector<IncidentGraph> incidents;  // open incidents with reports, by id
  int64_t change_counter = -1;           // the store's counter before it was read

  bool has_inventory() const { return inventory != nullptr; }
  const IncidentGraph* Find(std::string_view incident_id) const;
};

// A node condition for propagation: the latest report or the worst ever.
graph::Condition ToGraphCondition(model::NodeCondition condition);

// A copy of `baseline` with `reports` applied (their worst conditions with `worst`).
// Ids the inventory lacks are skipped; the first few are appended to `unknown`.
std::shared_ptr<const graph::Propagation> Propagate(const graph::Propagation& baseline,
                                                    const std::vector<model::NodeReport>& reports,
                                                    bool worst,
                                                    std::vector<std::string>* unknown = nullptr);

// A copy of `baseline` with, for each node, the worst latest condition any of
// `reports` gives it (several incidents may report the same node).
std::shared_ptr<const graph::Propagation> Combine(const graph::Propagation& baseline,
                                                  const std::vector<model::NodeReport>& reports);

// `reports` updated with `changes` (the latest wins; worst kept), by node id.
std::vector<model::NodeReport> MergeReports(std::vector<model::NodeReport> reports,
                                            const std::vector<model::NodeReport>& changes);

// The counts an incident records: total, then every product and site it hits, from
// its current and hit states. A resource is hit when the worst reports take it down or
// degrade it, and restored when hit but neither down nor degraded now.
std::vector<model::ImpactCount> ImpactCounts(const graph::Propagation& current,
                                             const graph::Propagation& hit);

// Builds the incident's graphs from its reports.
IncidentGraph BuildIncidentGraph(const graph::Propagation& baseline,
                                 const model::Incident& incident,
                                 std::vector<model::NodeReport> reports);

}  // namespace phare::service
