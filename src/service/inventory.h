// InventoryService: the page's infrastructure inventory (src/graph) and its live state.
//
// It owns the in-memory graph state (GraphState, graph_state.h): the current inventory,
// loaded from the store's canonical form only when the current inventory's id changed
// (about 2 s at 1M resources), and the propagations built from the node reports of the
// open incidents (about 15 ms per open incident at 1M resources). The store is the
// truth: the state is rebuilt whenever the store's change counter moved, whoever wrote
// (this process, the CLI, another node). Snapshot() refreshes first, so every query
// sees every committed write.
//
// Thread-safety: every method is thread-safe. Readers get a shared_ptr<const
// GraphState>: immutable, valid while held, readable from any thread. A rebuild never
// touches a published snapshot; it swaps a new one in (mu_ guards the pointer), and
// rebuilds are serialized (refresh_mu_) so concurrent readers wait for one rebuild.
//
// Errors: InvalidArgument naming the field; NotFound for an unknown incident;
// FailedPrecondition when no inventory was imported yet.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/diff.h"
#include "graph/impact.h"
#include "graph/import.h"
#include "model/access.h"
#include "service/context.h"
#include "service/graph_state.h"

namespace phare::service {

// Most node reports one request may carry, and distinct nodes one incident may report.
inline constexpr size_t kMaxNodeReports = 200'000;
inline constexpr size_t kMaxNodesPerIncident = 2'000'000;

struct ImportRequest {
  std::string path;        // the file to read; when empty, `bytes`
  std::string_view bytes;  // the input in memory (an HTTP body); must outlive Import()
  graph::InventoryFormat format = graph::InventoryFormat::kAuto;
  std::string source_name;           // names the input in errors
  graph::ProgressCallback progress;  // raw bytes read of the total
  // Accept an inventory that removes more of the current one's nodes than the service's
  // `max_shrink` share, or all of them (see CheckShrink).
  bool allow_shrink = false;
};

// The share of the current inventory's nodes an import may remove by default.
inline constexpr double kDefaultMaxShrink = 0.25;

// Whether an import removing `removed` of the current inventory's `current` nodes may
// go ahead without allow_shrink: FailedPrecondition (field "allow_shrink") when it would
// remove all of them, or more than `max_shrink` (a share in [0, 1]) of them.
base::Status CheckShrink(int64_t current, int64_t removed, double max_shrink);

// A page-component status the graph gives after a change of node reports.
struct ComponentStatusChange {
  std::string component_id;
  model::ComponentStatus status = model::ComponentStatus::kOperational;
};

struct ImportReport {
  model::InventoryInfo info;  // the current inventory afterwards
  bool unchanged = false;     // the same canonical form as the current one: nothing written
  graph::InventoryDiff diff;  // against the previous inventory (everything added if none)
  graph::ImportStats stats;
  std::vector<std::string> warnings;  // reported nodes of open incidents the new one lacks
  // Page components whose status the open incidents' reports give differently over the
  // new inventory, set in the import's transaction (components under maintenance are
  // left alone); the open incidents' impact counts are recomputed too.
  std::vector<ComponentStatusChange> components;
};

// What a change of an incident's node reports means for the page's components.
struct GraphOutcome {
  // Statuses that changed in the graph's view (every open incident's reports combined).
  std::vector<ComponentStatusChange> changes;
  // Components the incident's own reports affect: it lists them (so closing another
  // incident leaves them alone).
  std::vector<std::string> affected;
};

// How an inventory component node maps to a page component: an explicit link
// (`phare inventory map`), else the page component with the same name.
struct ComponentMapping {
  std::string node_id;
  std::string name;
  std::string component_id;  // "" when unmapped
  std::string how;           // "link", "name" or ""
};

struct InventorySummary {
  model::InventoryInfo info;
  std::vector<std::pair<std::string, uint32_t>> kinds;     // node kind: count
  std::vector<std::pair<std::string, uint32_t>> products;  // product: resources
  std::vector<std::string> sites;
  std::vector<ComponentMapping> components;
};

struct ImpactQuery {
  uint32_t customers_cursor = 0;
  uint32_t resources_cursor = 0;
  uint32_t limit = 100;  // per list, at most kMaxImpactPage
  bool hit = false;      // list what was hit at some point, not only what is hit now
};
inline constexpr uint32_t kMaxImpactPage = 1000;

struct ReportedNode {
  std::string id;
  std::string kind;
  std::string name;
  model::NodeCondition condition = model::NodeCondition::kDown;
  model::NodeCondition worst = model::NodeCondition::kDown;
  base::Time reported_at{};
  std::string state;  // computed from the incident's reports: up, at_risk, degraded, down
};

struct CustomerImpact {
  std::string id;
  uint32_t resources = 0;  // all the customer's resources
  graph::StateCounts counts;
};

struct ResourceImpact {
  std::string id;
  std::string customer;
  std::string product;
  std::string site;
  std::string host;
  std::string state;
};

struct ImpactPage {
  std::string incident_id;
  int64_t inventory_id = 0;
  std::vector<model::ImpactCount> counts;
  size_t nodes_total = 0;
  std::vector<ReportedNode> nodes;  // the first `limit`, by id
  std::vector<std::string> unknown_nodes;
  std::vector<CustomerImpact> customers;
  std::optional<uint32_t> next_customers_cursor;
  std::vector<ResourceImpact> resources;
  std::optional<uint32_t> next_resources_cursor;
};

struct SpofQuery {
  uint32_t threshold = 0;
  uint32_t limit = 50;
  bool live = false;  // with the open incidents' reports, instead of the design alone
};

struct SpofEntry {
  std::string id;
  std::string kind;
  std::string name;
  std::string site;
  uint32_t resources_down = 0;
  uint32_t customers_down = 0;
  uint32_t resources_at_risk = 0;
  uint32_t groups_defeated = 0;
  std::vector<std::string> defeated;  // owners of the first groups it defeats
};

struct SpofResult {
  int64_t inventory_id = 0;
  SpofQuery query;
  uint32_t candidates = 0;
  uint64_t nodes_evaluated = 0;
  std::vector<SpofEntry> hard;
  std::vector<SpofEntry> hidden;
};

// An inventory node found by SearchNodes.
struct NodeMatch {
  std::string id;
  std::string kind;
  std::string name;
  std::string site;
};

inline constexpr size_t kMaxNodeSearchBytes = 100;
inline constexpr size_t kMaxNodeMatches = 100;

class InventoryService {
 public:
  // `max_shrink`: see ImportRequest::allow_shrink.
  explicit InventoryService(Context& ctx, graph::ComponentPolicy policy = {},
                            double max_shrink = kDefaultMaxShrink);
  ~InventoryService();

  // The current state, rebuilt first when the store changed.
  base::Result<std::shared_ptr<const GraphState>> Snapshot();
  // Rebuilds now when the store changed (the scheduler calls it, so queries rarely wait).
  base::Status Refresh() { return Snapshot().status(); }

  // Validates, stores and makes current a new inventory. On validation errors nothing is
  // written: InvalidArgument, with every error (first 100, then a count) in `errors`.
  // FailedPrecondition when it would remove too much of the current one (CheckShrink).
  base::Result<ImportReport> Import(const model::Actor& actor, const ImportRequest& request,
                                    graph::ErrorList* errors);
  // The same for an inventory already built (and so validated): a generated one.
  base::Result<ImportReport> Put(const model::Actor& actor,
                                 const std::shared_ptr<const graph::Inventory>& inventory,
                                 bool allow_shrink = true);
  // Makes the inventory before the current one current again, as a new import of its
  // content (so a second rollback returns to where the first started); the store keeps
  // store::kKeptInventories. FailedPrecondition when no previous inventory is kept.
  base::Result<ImportReport> Rollback(const model::Actor& actor);
  base::Result<InventorySummary> Summary();
  // Links an inventory component node to a page component ("" removes the link).
  base::Status MapComponent(const model::Actor& actor, const std::string& node_id,
                            const std::string& component_id);

  // Inside IncidentService's write transaction, before the incident is written
  // (`old_status` is nullopt for a new incident): records `reports` (node id and
  // condition; InvalidArgument naming `field`[i] for an unknown id), recomputes the
  // incident's impact counts (into `incident.impact_counts`), adds a progress sample for
  // the estimates when they moved, and returns what it means for the page's components
  // (an incident's reports stop counting when it closes). Cheap when nothing
  // graph-related changes.
  base::Result<GraphOutcome> ApplyToIncident(store::Tx& tx, model::Incident& incident,
                                             std::optional<model::IncidentStatus> old_status,
                                             const std::vector<model::NodeReport>& reports,
                                             const std::string& field, base::Time now);

  base::Result<ImpactPage> Impact(const std::string& incident_id, const ImpactQuery& query);
  base::Result<SpofResult> Spof(const SpofQuery& query);

  // Nodes whose id, name or site id contains `text` (ignoring ASCII case; at most
  // kMaxNodeSearchBytes, else InvalidArgument), exact ids first, at most `limit`
  // (≤ kMaxNodeMatches). FailedPrecondition without inventory.
  base::Result<std::vector<NodeMatch>> SearchNodes(std::string_view text, size_t limit);
  // What an incident reporting `reports` would hit, before anything is written: its
  // counts (total first, then products and sites), over the inventory's design alone.
  // Ids the inventory lacks are skipped and listed in `unknown` (the first few).
  base::Result<std::vector<model::ImpactCount>> PreviewImpact(
      const std::vector<model::NodeReport>& reports, std::vector<std::string>* unknown);

 private:
  base::Result<std::shared_ptr<const GraphState>> RefreshLocked();
  base::Result<std::shared_ptr<const GraphState>> Rebuild(int64_t counter);
  // Inventory `id` from its canonical form `body` (or as just imported).
  base::Result<std::shared_ptr<const graph::Inventory>> LoadInventory(int64_t id,
                                                                      std::string_view body);
  base::Result<std::shared_ptr<const graph::Propagation>> BaselineFor(store::Tx& tx,
                                                                      int64_t inventory_id);
  // The current inventory's baseline within `tx`; null when there is none and it is not
  // `required` (else FailedPrecondition naming `field`).
  base::Result<std::shared_ptr<const graph::Propagation>> TxBaseline(store::Tx& tx, bool required,
                                                                     const std::string& field);
  // Within the import's `tx`: re-applies the open incidents' reports over `next` (what
  // ImportReport::components says), `previous` being the state before the import.
  base::Result<std::vector<ComponentStatusChange>> ReapplyReports(
      store::Tx& tx, const GraphState& previous,
      const std::shared_ptr<const graph::Inventory>& next, base::Time now);
  void Install(std::shared_ptr<const GraphState> state);
  std::shared_ptr<const GraphState> Current() const;

  Context& ctx_;
  graph::ComponentPolicy policy_;
  double max_shrink_;
  mutable std::mutex mu_;
  std::shared_ptr<const GraphState> state_;  // GUARDED_BY(mu_)
  std::mutex refresh_mu_;                    // serializes rebuilds and imports
  // An inventory just imported, so that the rebuild after the import need not parse
  // the stored copy again. GUARDED_BY(refresh_mu_).
  std::pair<int64_t, std::shared_ptr<const graph::Inventory>> imported_;
  // Single points of failure take a second or two at a million resources: results are
  // kept per query for the state they were computed on, and computed one at a time.
  std::mutex spof_mu_;
  std::weak_ptr<const GraphState> spof_state_;                               // GUARDED_BY
  std::map<std::tuple<uint32_t, uint32_t, bool>, SpofResult> spof_results_;  // (spof_mu_)
};

// Page-component mapping of every component node of `inventory`.
std::vector<ComponentMapping> MapComponents(
    const graph::Inventory& inventory, const std::vector<model::Component>& components,
    const std::vector<std::pair<std::string, std::string>>& links);

}  // namespace phare::service
