// InventoryService: the live state (snapshots, rebuilds), imports, the summary and
// component links. Node reports are in inventory_incidents.cc, queries in
// inventory_queries.cc.
#include "service/inventory.h"

#include <openssl/evp.h>
#include <cmath>

#include <map>

#include "base/crypto.h"
#include "graph/export.h"
#include "service/audit.h"

namespace phare::service {
namespace {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    return "";
  }
  return base::HexEncode(std::string_view(reinterpret_cast<const char*>(digest), size));
}

std::string DiffJson(const model::InventoryInfo& info, const graph::InventoryDiff& d) {
  return "{\"inventory_id\":" + std::to_string(info.id) +
         ",\"nodes\":" + std::to_string(info.nodes) +
         ",\"resources\":" + std::to_string(info.resources) +
         ",\"customers\":" + std::to_string(info.customers) +
         ",\"nodes_added\":" + std::to_string(d.nodes_added) +
         ",\"nodes_removed\":" + std::to_string(d.nodes_removed) +
         ",\"nodes_changed\":" + std::to_string(d.nodes_changed) + "}";
}

// Reported nodes of open incidents that `next` lacks: their reports stop counting.
std::vector<std::string> VanishedReports(const GraphState& state, const graph::Inventory& next) {
  std::vector<std::string> out;
  for (const auto& g : state.incidents) {
    for (const auto& r : g.reports) {
      if (next.Find(r.node_id)) continue;
      out.push_back("incident " + g.incident_id + ": node '" + r.node_id +
                    "' is not in the new inventory; its report no longer counts");
    }
  }
  return out;
}

// The graphs of the open incidents with reports.
void AddIncidents(GraphState& state, std::vector<model::NodeReport> reports,
                  const std::vector<model::Incident>& open) {
  std::map<std::string, std::vector<model::NodeReport>> by_incident;
  for (auto& r : reports) by_incident[r.incident_id].push_back(std::move(r));
  for (const auto& i : open) {
    auto it = by_incident.find(i.id);
    if (it == by_incident.end()) continue;
    state.incidents.push_back(BuildIncidentGraph(*state.baseline, i, std::move(it->second)));
  }
}

}  // namespace

base::Status CheckShrink(int64_t current, int64_t removed, double max_shrink) {
  if (current <= 0 || removed <= 0) return base::Status::Ok();
  const double share = static_cast<double>(removed) / static_cast<double>(current);
  if (removed < current && share <= max_shrink) return base::Status::Ok();
  const long percent = std::lround(share * 100);
  return base::Status(
      base::Code::kFailedPrecondition,
      "this inventory would remove " + std::to_string(removed) + " of the current " +
          std::to_string(current) + " nodes (" + std::to_string(percent) + "%), more than the " +
          std::to_string(std::lround(max_shrink * 100)) +
          "% an import may remove; check the input, or import it again with allow_shrink "
          "(?allow_shrink=true, --allow-shrink)",
      "allow_shrink");
}

InventoryService::InventoryService(Context& ctx, graph::ComponentPolicy policy, double max_shrink)
    : ctx_(ctx), policy_(policy), max_shrink_(max_shrink) {}

InventoryService::~InventoryService() = default;

std::shared_ptr<const GraphState> InventoryService::Current() const {
  std::lock_guard lock(mu_);
  return state_;
}

void InventoryService::Install(std::shared_ptr<const GraphState> state) {
  std::lock_guard lock(mu_);
  state_ = std::move(state);
}

base::Result<std::shared_ptr<const GraphState>> InventoryService::Snapshot() {
  PHARE_ASSIGN_OR_RETURN(int64_t counter, ctx_.store.ChangeCounter());
  if (auto current = Current(); current && current->change_counter == counter) return current;
  std::lock_guard lock(refresh_mu_);
  return RefreshLocked();
}

base::Result<std::shared_ptr<const GraphState>> InventoryService::RefreshLocked() {
  // The counter is read before the data, so a write in between only causes one more
  // rebuild, never a stale state that looks current.
  PHARE_ASSIGN_OR_RETURN(int64_t counter, ctx_.store.ChangeCounter());
  if (auto current = Current(); current && current->change_counter == counter) return current;
  PHARE_ASSIGN_OR_RETURN(auto state, Rebuild(counter));
  Install(state);
  return state;
}

base::Result<std::shared_ptr<const GraphState>> InventoryService::Rebuild(int64_t counter) {
  const auto old = Current();
  auto state = std::make_shared<GraphState>();
  state->change_counter = counter;
  std::string body;  // the canonical form, read only when the inventory changed
  std::vector<model::NodeReport> reports;
  std::vector<model::Incident> open;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(state->page, tx.GetPage());
    auto info = tx.CurrentInventory();
    if (!info.ok())
      return info.status().code() == base::Code::kNotFound ? base::Status::Ok() : info.status();
    state->info = *info;
    const bool known = (old && old->info.id == info->id) || imported_.first == info->id;
    if (!known) {
      PHARE_ASSIGN_OR_RETURN(body, tx.InventoryBody(info->id));
    }
    PHARE_ASSIGN_OR_RETURN(reports, tx.ListOpenNodeReports());
    if (reports.empty()) return base::Status::Ok();
    store::IncidentQuery q;
    q.open_only = true;
    q.limit = 10000;
    PHARE_ASSIGN_OR_RETURN(open, tx.ListIncidents(q));
    return base::Status::Ok();
  }));
  if (state->info.id == 0) return std::shared_ptr<const GraphState>(std::move(state));
  if (old && old->info.id == state->info.id) {
    state->inventory = old->inventory;
    state->baseline = old->baseline;
  } else {
    PHARE_ASSIGN_OR_RETURN(state->inventory, LoadInventory(state->info.id, body));
    state->baseline = std::make_shared<graph::Propagation>(state->inventory);
  }
  imported_ = {};
  state->combined = Combine(*state->baseline, reports);
  AddIncidents(*state, std::move(reports), open);
  return std::shared_ptr<const GraphState>(std::move(state));
}

base::Result<std::shared_ptr<const graph::Inventory>> InventoryService::LoadInventory(
    int64_t id, std::string_view body) {
  if (imported_.first == id) return imported_.second;
  auto inventory = graph::DeserializeInventory(body);
  if (!inventory.ok()) {
    return base::Internal("stored inventory " + std::to_string(id) +
                          " does not load: " + inventory.status().message());
  }
  return std::move(inventory).value();
}

base::Result<ImportReport> InventoryService::Import(const model::Actor& actor,
                                                    const ImportRequest& request,
                                                    graph::ErrorList* errors) {
  graph::ImportOptions options;
  options.format = request.format;
  options.source_name = request.source_name;
  options.progress = request.progress;
  graph::ImportResult result;
  if (!request.path.empty()) {
    PHARE_ASSIGN_OR_RETURN(result, graph::ImportInventoryFile(request.path, options));
  } else {
    PHARE_ASSIGN_OR_RETURN(result, graph::ImportInventoryBytes(request.bytes, options));
  }
  if (!result.ok()) {
    const size_t total = result.errors.total();
    std::string first = result.errors.kept().empty() ? "" : result.errors.kept()[0].ToString();
    if (errors) *errors = std::move(result.errors);
    return base::InvalidArgument(std::to_string(total) + " error" + (total == 1 ? "" : "s") +
                                 " in the inventory, nothing was imported; the first: " + first);
  }
  PHARE_ASSIGN_OR_RETURN(ImportReport report, Put(actor, result.inventory, request.allow_shrink));
  report.stats = result.stats;
  return report;
}

base::Result<ImportReport> InventoryService::Put(
    const model::Actor& actor, const std::shared_ptr<const graph::Inventory>& next,
    bool allow_shrink) {
  std::lock_guard lock(refresh_mu_);
  PHARE_ASSIGN_OR_RETURN(auto current, RefreshLocked());
  ImportReport report;
  const std::string body = graph::SerializeInventory(*next);
  model::InventoryInfo info;
  info.created_at = ctx_.clock.Now();
  info.actor = actor.name;
  info.sha256 = Sha256Hex(body);
  info.nodes = next->node_count();
  info.resources = next->resource_count();
  info.customers = next->customer_count();
  info.bytes = static_cast<int64_t>(body.size());
  if (current->has_inventory() && current->info.sha256 == info.sha256) {
    report.info = current->info;
    report.unchanged = true;
    return report;
  }
  report.diff = current->has_inventory() ? graph::DiffInventories(*current->inventory, *next)
                                         : graph::DiffInventories(graph::Inventory(), *next);
  if (!allow_shrink && current->has_inventory()) {
    PHARE_RETURN_IF_ERROR(CheckShrink(
        current->info.nodes, static_cast<int64_t>(report.diff.nodes_removed), max_shrink_));
  }
  report.warnings = VanishedReports(*current, *next);
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(info.id, tx.AddInventory(info, body));
    PHARE_ASSIGN_OR_RETURN(report.components, ReapplyReports(tx, *current, next, info.created_at));
    return RecordAudit(tx, actor, info.created_at, "inventory.import", "inventory",
                       std::to_string(info.id), DiffJson(info, report.diff));
  }));
  report.info = info;
  imported_ = {info.id, next};
  PHARE_RETURN_IF_ERROR(RefreshLocked().status());
  ctx_.on_change();
  return report;
}

base::Result<ImportReport> InventoryService::Rollback(const model::Actor& actor) {
  int64_t id = 0;
  std::string body;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    auto previous = tx.PreviousInventory();
    if (!previous.ok()) {
      if (previous.status().code() != base::Code::kNotFound) return previous.status();
      return base::Status(base::Code::kFailedPrecondition,
                          "there is no previous inventory to roll back to");
    }
    id = previous->id;
    PHARE_ASSIGN_OR_RETURN(body, tx.InventoryBody(id));
    return base::Status::Ok();
  }));
  auto inventory = graph::DeserializeInventory(body);
  if (!inventory.ok()) {
    return base::Internal("stored inventory " + std::to_string(id) +
                          " does not load: " + inventory.status().message());
  }
  return Put(actor, std::move(inventory).value(), /*allow_shrink=*/true);
}

std::vector<ComponentMapping> MapComponents(
    const graph::Inventory& inventory, const std::vector<model::Component>& components,
    const std::vector<std::pair<std::string, std::string>>& links) {
  std::map<std::string_view, std::string_view> linked(links.begin(), links.end());
  std::map<std::string_view, std::string_view> by_name;
  for (const auto& c : components) {
    if (!c.group) by_name.emplace(c.name, c.id);
  }
  std::vector<ComponentMapping> out;
  for (graph::NodeIndex n : inventory.components()) {
    ComponentMapping m;
    m.node_id = std::string(inventory.id(n));
    m.name = std::string(inventory.name(n));
    if (auto it = linked.find(m.node_id); it != linked.end()) {
      m.component_id = std::string(it->second);
      m.how = "link";
    } else if (auto named = by_name.find(m.name); named != by_name.end()) {
      m.component_id = std::string(named->second);
      m.how = "name";
    }
    out.push_back(std::move(m));
  }
  return out;
}

base::Result<InventorySummary> InventoryService::Summary() {
  PHARE_ASSIGN_OR_RETURN(auto state, Snapshot());
  if (!state->has_inventory()) {
    return base::Status(base::Code::kFailedPrecondition, "no inventory has been imported");
  }
  const graph::Inventory& inv = *state->inventory;
  InventorySummary out;
  out.info = state->info;
  std::map<std::string, uint32_t> kinds;
  for (graph::NodeIndex n = 0; n < inv.node_count(); ++n)
    ++kinds[std::string(ToString(inv.kind(n)))];
  out.kinds.assign(kinds.begin(), kinds.end());
  std::vector<uint32_t> per_product(inv.product_count(), 0);
  for (graph::ResourceIndex r = 0; r < inv.resource_count(); ++r) {
    ++per_product[inv.resource_product(r)];
  }
  for (uint32_t p = 0; p < inv.product_count(); ++p) {
    out.products.emplace_back(std::string(inv.product_name(static_cast<graph::ProductIndex>(p))),
                              per_product[p]);
  }
  for (uint32_t s = 1; s < inv.site_count(); ++s) {
    out.sites.emplace_back(inv.site_id(static_cast<graph::SiteIndex>(s)));
  }
  std::vector<model::Component> components;
  std::vector<std::pair<std::string, std::string>> links;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(components, tx.ListComponents());
    PHARE_ASSIGN_OR_RETURN(links, tx.ListComponentNodes());
    return base::Status::Ok();
  }));
  out.components = MapComponents(inv, components, links);
  return out;
}

base::Status InventoryService::MapComponent(const model::Actor& actor, const std::string& node_id,
                                            const std::string& component_id) {
  PHARE_ASSIGN_OR_RETURN(auto state, Snapshot());
  if (!state->has_inventory()) {
    return base::Status(base::Code::kFailedPrecondition, "no inventory has been imported");
  }
  const auto node = state->inventory->Find(node_id);
  if (!node || state->inventory->kind(*node) != graph::NodeKind::kComponent) {
    return base::InvalidArgument("'" + node_id + "' is not a component node of the inventory",
                                 "node");
  }
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    if (!component_id.empty()) {
      auto c = tx.GetComponent(component_id);
      if (!c.ok() || c->group) {
        return base::InvalidArgument("'" + component_id + "' is not a component", "component");
      }
    }
    PHARE_RETURN_IF_ERROR(tx.PutComponentNode(node_id, component_id));
    return RecordAudit(tx, actor, now, "inventory.map", "inventory_node", node_id,
                       "{\"component\":\"" + component_id + "\"}");
  }));
  ctx_.on_change();
  return base::Status::Ok();
}

}  // namespace phare::service
