// SqliteTx: the infrastructure inventory, node reports and impact counts of incidents,
// component nodes, customer links.
#include <algorithm>
#include <unordered_map>

#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {
namespace {

model::NodeCondition ParseCondition(const std::string& text) {
  return model::ParseNodeCondition(text).value_or(model::NodeCondition::kRestored);
}

base::Result<std::vector<model::NodeReport>> ReadReports(Statement& s) {
  std::vector<model::NodeReport> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    model::NodeReport r;
    r.incident_id = s.Text(0);
    r.node_id = s.Text(1);
    r.condition = ParseCondition(s.Text(2));
    r.worst = ParseCondition(s.Text(3));
    r.reported_at = base::FromMillis(s.Int(4));
    out.push_back(std::move(r));
  }
  return out;
}

model::CustomerLink ReadLink(const Statement& s) {
  model::CustomerLink l;
  l.id = s.Text(0);
  l.customer_id = s.Text(1);
  l.hash = s.Blob(2);
  l.created_at = base::FromMillis(s.Int(3));
  if (auto revoked = s.OptInt(4)) l.revoked_at = base::FromMillis(*revoked);
  return l;
}

constexpr std::string_view kReportColumns = "incident_id, node_id, condition, worst, reported_at";
constexpr std::string_view kLinkColumns = "id, customer_id, hash, created_at, revoked_at";
constexpr std::string_view kInventoryColumns =
    "id, created_at, actor, sha256, nodes, resources, customers, bytes";

}  // namespace

base::Result<int64_t> SqliteTx::AddInventory(const model::InventoryInfo& info,
                                             std::string_view body) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO inventories (created_at, actor, sha256, nodes, resources, "
                    "customers, bytes, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  s->Bind(1, base::ToMillis(info.created_at)).Bind(2, info.actor).Bind(3, info.sha256);
  s->Bind(4, info.nodes).Bind(5, info.resources).Bind(6, info.customers);
  s->Bind(7, static_cast<int64_t>(body.size())).BindBlob(8, body);
  PHARE_RETURN_IF_ERROR(s->Run());
  const int64_t id = conn_.LastInsertRowId();
  PHARE_ASSIGN_OR_RETURN(
      Statement * current,
      conn_.Prepare("INSERT INTO inventory_current (one, inventory_id) VALUES (1, ?1) "
                    "ON CONFLICT(one) DO UPDATE SET inventory_id = excluded.inventory_id"));
  current->Bind(1, id);
  PHARE_RETURN_IF_ERROR(current->Run());
  PHARE_ASSIGN_OR_RETURN(Statement * prune,
                         conn_.Prepare("DELETE FROM inventories WHERE id NOT IN "
                                       "(SELECT id FROM inventories ORDER BY id DESC LIMIT ?1)"));
  prune->Bind(1, kKeptInventories);
  PHARE_RETURN_IF_ERROR(prune->Run());
  return id;
}

namespace {

// The inventory row `s` (selecting kInventoryColumns) steps to; NotFound when none.
base::Result<model::InventoryInfo> InventoryRow(Statement& s) {
  PHARE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return base::NotFound("no inventory has been imported");
  model::InventoryInfo info;
  info.id = s.Int(0);
  info.created_at = base::FromMillis(s.Int(1));
  info.actor = s.Text(2);
  info.sha256 = s.Text(3);
  info.nodes = s.Int(4);
  info.resources = s.Int(5);
  info.customers = s.Int(6);
  info.bytes = s.Int(7);
  return info;
}

}  // namespace

base::Result<model::InventoryInfo> SqliteTx::CurrentInventory() {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT " + std::string(kInventoryColumns) +
                    " FROM inventories WHERE id = (SELECT inventory_id FROM inventory_current)"));
  return InventoryRow(*s);
}

base::Result<model::InventoryInfo> SqliteTx::PreviousInventory() {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT " + std::string(kInventoryColumns) +
                    " FROM inventories WHERE id < (SELECT inventory_id FROM inventory_current)"
                    " ORDER BY id DESC LIMIT 1"));
  return InventoryRow(*s);
}

base::Result<std::string> SqliteTx::InventoryBody(int64_t id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT body FROM inventories WHERE id = ?1"));
  s->Bind(1, id);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("inventory " + std::to_string(id) + " is not kept");
  std::string body = s->Blob(0);
  return body;
}

base::Status SqliteTx::PutNodeReports(const std::vector<model::NodeReport>& reports) {
  // 'worst' only ever gets worse: down > degraded > restored.
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare(
          "INSERT INTO incident_nodes (" + std::string(kReportColumns) +
          ") VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(incident_id, node_id) DO UPDATE SET "
          "condition = excluded.condition, reported_at = excluded.reported_at, "
          "worst = CASE WHEN excluded.condition = 'down' OR (excluded.condition = 'degraded' "
          "AND incident_nodes.worst = 'restored') THEN excluded.condition "
          "ELSE incident_nodes.worst END"));
  for (const auto& r : reports) {
    s->Bind(1, r.incident_id).Bind(2, r.node_id).Bind(3, model::ToString(r.condition));
    s->Bind(4, model::ToString(std::max(r.worst, r.condition)));
    s->Bind(5, base::ToMillis(r.reported_at));
    PHARE_RETURN_IF_ERROR(s->Run());
  }
  return base::Status::Ok();
}

base::Result<std::vector<model::NodeReport>> SqliteTx::ListNodeReports(
    std::string_view incident_id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kReportColumns) +
                                                      " FROM incident_nodes WHERE incident_id = ?1 "
                                                      "ORDER BY node_id"));
  s->Bind(1, incident_id);
  return ReadReports(*s);
}

base::Result<std::vector<model::NodeReport>> SqliteTx::ListOpenNodeReports() {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT n.incident_id, n.node_id, n.condition, n.worst, n.reported_at "
                    "FROM incident_nodes n JOIN incidents i ON i.id = n.incident_id "
                    "WHERE i.closed = 0 ORDER BY n.incident_id, n.node_id"));
  return ReadReports(*s);
}

base::Status SqliteTx::PutImpactCounts(std::string_view incident_id,
                                       const std::vector<model::ImpactCount>& counts) {
  PHARE_ASSIGN_OR_RETURN(Statement * del,
                         conn_.Prepare("DELETE FROM incident_impact WHERE incident_id = ?1"));
  del->Bind(1, incident_id);
  PHARE_RETURN_IF_ERROR(del->Run());
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO incident_impact (incident_id, position, dimension, key, "
                    "resources, down, degraded, at_risk, affected, customers_down, "
                    "customers_degraded, customers_at_risk, customers_affected, hit, restored) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"));
  int64_t position = 0;
  for (const auto& c : counts) {
    s->Bind(1, incident_id).Bind(2, position++).Bind(3, c.dimension).Bind(4, c.key);
    s->Bind(5, c.resources).Bind(6, c.down).Bind(7, c.degraded).Bind(8, c.at_risk);
    s->Bind(9, c.affected).Bind(10, c.customers_down).Bind(11, c.customers_degraded);
    s->Bind(12, c.customers_at_risk).Bind(13, c.customers_affected).Bind(14, c.hit);
    s->Bind(15, c.restored);
    PHARE_RETURN_IF_ERROR(s->Run());
  }
  return base::Status::Ok();
}

base::Status SqliteTx::LoadImpactCounts(std::vector<model::Incident>& incidents) {
  std::unordered_map<std::string, model::Incident*> by_id;
  for (auto& i : incidents) by_id.emplace(i.id, &i);
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT c.incident_id, dimension, key, resources, down, degraded, at_risk, "
                    "affected, customers_down, customers_degraded, customers_at_risk, "
                    "customers_affected, hit, restored FROM incident_impact c "
                    "JOIN temp.want_incidents w ON w.id = c.incident_id ORDER BY c.position"));
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    auto it = by_id.find(s->Text(0));
    if (it == by_id.end()) continue;
    model::ImpactCount c;
    c.dimension = s->Text(1);
    c.key = s->Text(2);
    c.resources = s->Int(3);
    c.down = s->Int(4);
    c.degraded = s->Int(5);
    c.at_risk = s->Int(6);
    c.affected = s->Int(7);
    c.customers_down = s->Int(8);
    c.customers_degraded = s->Int(9);
    c.customers_at_risk = s->Int(10);
    c.customers_affected = s->Int(11);
    c.hit = s->Int(12);
    c.restored = s->Int(13);
    it->second->impact_counts.push_back(std::move(c));
  }
  return base::Status::Ok();
}

base::Result<std::vector<std::pair<std::string, std::string>>> SqliteTx::ListComponentNodes() {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT node_id, component_id FROM component_nodes ORDER BY node_id"));
  std::vector<std::pair<std::string, std::string>> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.emplace_back(s->Text(0), s->Text(1));
  }
  return out;
}

base::Status SqliteTx::PutComponentNode(std::string_view node_id, std::string_view component_id) {
  if (component_id.empty()) {
    PHARE_ASSIGN_OR_RETURN(Statement * s,
                           conn_.Prepare("DELETE FROM component_nodes WHERE node_id = ?1"));
    s->Bind(1, node_id);
    return s->Run();
  }
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO component_nodes (node_id, component_id) VALUES (?1, ?2) "
                    "ON CONFLICT(node_id) DO UPDATE SET component_id = excluded.component_id"));
  s->Bind(1, node_id).Bind(2, component_id);
  return s->Run();
}

base::Status SqliteTx::InsertCustomerLink(const model::CustomerLink& l) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("INSERT INTO customer_links (" + std::string(kLinkColumns) +
                                       ") VALUES (?1, ?2, ?3, ?4, NULL)"));
  s->Bind(1, l.id).Bind(2, l.customer_id).BindBlob(3, l.hash);
  s->Bind(4, base::ToMillis(l.created_at));
  return s->Run();
}

base::Result<model::CustomerLink> SqliteTx::FindCustomerLinkByHash(std::string_view hash) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kLinkColumns) +
                                                      " FROM customer_links WHERE hash = ?1"));
  s->BindBlob(1, hash);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("no such link");
  model::CustomerLink link = ReadLink(*s);
  return link;
}

base::Result<std::vector<model::CustomerLink>> SqliteTx::ListCustomerLinks(
    std::string_view customer_id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kLinkColumns) +
                                                      " FROM customer_links WHERE customer_id = ?1 "
                                                      "ORDER BY created_at, id"));
  s->Bind(1, customer_id);
  std::vector<model::CustomerLink> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(ReadLink(*s));
  }
  return out;
}

base::Result<int64_t> SqliteTx::RevokeCustomerLinks(std::string_view customer_id,
                                                    std::string_view link_id, base::Time at) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("UPDATE customer_links SET revoked_at = ?3 WHERE customer_id = ?1 AND "
                    "(?2 = '' OR id = ?2) AND revoked_at IS NULL"));
  s->Bind(1, customer_id).Bind(2, link_id).Bind(3, base::ToMillis(at));
  PHARE_RETURN_IF_ERROR(s->Run());
  return s->Changes();
}

}  // namespace phare::store::sqlite
