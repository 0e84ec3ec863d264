#include "api/inventory_json.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "api/credits_json.h"
#include "api/impact_json.h"

namespace phare::api {
namespace {

boost::json::value Cursor(const std::optional<uint32_t>& cursor) {
  if (!cursor) return nullptr;
  return *cursor;
}

boost::json::array Strings(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

boost::json::object Pairs(const std::vector<std::pair<std::string, uint32_t>>& pairs) {
  boost::json::object out;
  for (const auto& [key, count] : pairs) out[key] = count;
  return out;
}

boost::json::object SpofEntryJson(const service::SpofEntry& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"name", e.name},
          {"site", e.site},
          {"resources_down", e.resources_down},
          {"customers_down", e.customers_down},
          {"resources_at_risk", e.resources_at_risk},
          {"groups_defeated", e.groups_defeated},
          {"defeated", Strings(e.defeated)}};
}

boost::json::object MyResourceJson(const service::MyResource& r) {
  return {{"id", r.id},
          {"product", r.product},
          {"site", r.site},
          {"state", r.state},
          {"restored", r.restored}};
}

}  // namespace

boost::json::object InventoryInfoJson(const model::InventoryInfo& info, const base::Zone& zone) {
  return {{"id", info.id},
          {"created_at", zone.FormatRfc3339(info.created_at)},
          {"actor", info.actor},
          {"sha256", info.sha256},
          {"nodes", info.nodes},
          {"resources", info.resources},
          {"customers", info.customers},
          {"bytes", info.bytes}};
}

boost::json::object ImportReportJson(const service::ImportReport& r, const base::Zone& zone) {
  const auto& d = r.diff;
  boost::json::array components;
  for (const auto& c : r.components) {
    components.emplace_back(
        boost::json::object{{"id", c.component_id}, {"status", model::ToString(c.status)}});
  }
  return {{"inventory", InventoryInfoJson(r.info, zone)},
          {"unchanged", r.unchanged},
          {"changes",
           {{"nodes_added", d.nodes_added},
            {"nodes_removed", d.nodes_removed},
            {"nodes_changed", d.nodes_changed},
            {"resources_added", d.resources_added},
            {"resources_removed", d.resources_removed},
            {"resources_changed", d.resources_changed},
            {"customers_added", d.customers_added},
            {"customers_removed", d.customers_removed},
            {"added", Strings(d.added_ids)},
            {"removed", Strings(d.removed_ids)},
            {"changed", Strings(d.changed_ids)}}},
          {"read", {{"lines", r.stats.lines}, {"bytes", r.stats.raw_bytes}}},
          {"components", std::move(components)},
          {"warnings", Strings(r.warnings)}};
}

boost::json::object ImportErrorsJson(const graph::ErrorList& errors) {
  boost::json::array list;
  for (const auto& e : errors.kept()) {
    list.emplace_back(boost::json::object{{"source", e.source},
                                          {"line", e.line},
                                          {"id", e.id},
                                          {"message", e.message},
                                          {"text", e.ToString()}});
  }
  return {{"error_count", errors.total()}, {"errors", std::move(list)}};
}

boost::json::object SummaryJson(const service::InventorySummary& s, const base::Zone& zone) {
  boost::json::array components;
  for (const auto& c : s.components) {
    components.emplace_back(boost::json::object{
        {"node", c.node_id},
        {"name", c.name},
        {"component_id",
         c.component_id.empty() ? boost::json::value(nullptr) : boost::json::value(c.component_id)},
        {"mapped_by", c.how.empty() ? boost::json::value(nullptr) : boost::json::value(c.how)}});
  }
  return {{"inventory", InventoryInfoJson(s.info, zone)},
          {"kinds", Pairs(s.kinds)},
          {"products", Pairs(s.products)},
          {"sites", Strings(s.sites)},
          {"components", std::move(components)}};
}

boost::json::object ImpactPageJson(const service::ImpactPage& p, const base::Zone& zone) {
  boost::json::array nodes, customers, resources;
  for (const auto& n : p.nodes) {
    nodes.emplace_back(boost::json::object{{"id", n.id},
                                           {"kind", n.kind},
                                           {"name", n.name},
                                           {"reported", model::ToString(n.condition)},
                                           {"worst", model::ToString(n.worst)},
                                           {"reported_at", zone.FormatRfc3339(n.reported_at)},
                                           {"state", n.state}});
  }
  for (const auto& c : p.customers) {
    customers.emplace_back(boost::json::object{{"id", c.id},
                                               {"resources", c.resources},
                                               {"down", c.counts.down},
                                               {"degraded", c.counts.degraded},
                                               {"at_risk", c.counts.at_risk},
                                               {"affected", c.counts.affected}});
  }
  for (const auto& r : p.resources) {
    resources.emplace_back(boost::json::object{{"id", r.id},
                                               {"customer", r.customer},
                                               {"product", r.product},
                                               {"site", r.site},
                                               {"host", r.host},
                                               {"state", r.state}});
  }
  return {{"incident_id", p.incident_id},
          {"inventory_id", p.inventory_id},
          {"impact", ImpactJson(p.counts)},
          {"nodes", {{"total", p.nodes_total}, {"items", std::move(nodes)}}},
          {"unknown_nodes", Strings(p.unknown_nodes)},
          {"customers",
           {{"items", std::move(customers)}, {"next_cursor", Cursor(p.next_customers_cursor)}}},
          {"resources",
           {{"items", std::move(resources)}, {"next_cursor", Cursor(p.next_resources_cursor)}}}};
}

boost::json::object SpofJson(const service::SpofResult& r) {
  boost::json::array hard, hidden;
  for (const auto& e : r.hard) hard.emplace_back(SpofEntryJson(e));
  for (const auto& e : r.hidden) hidden.emplace_back(SpofEntryJson(e));
  return {{"inventory_id", r.inventory_id},
          {"threshold", r.query.threshold},
          {"live", r.query.live},
          {"candidates", r.candidates},
          {"nodes_evaluated", r.nodes_evaluated},
          {"hard", std::move(hard)},
          {"hidden", std::move(hidden)}};
}

std::string MyServicesJson(const service::MyServices& v) {
  const auto zone_found = base::Zone::Find(v.page.time_zone);
  const base::Zone zone = zone_found.ok() ? *zone_found : base::Zone::Utc();
  boost::json::array resources, incidents;
  for (const auto& r : v.resources) resources.emplace_back(MyResourceJson(r));
  for (const auto& i : v.incidents) {
    boost::json::array hit;
    for (const auto& r : i.resources) hit.emplace_back(MyResourceJson(r));
    boost::json::value estimate = nullptr;
    if (i.estimate) {
      // At the time of the request: a passed promise is null, and late.
      const bool passed = i.estimate->expected_by <= v.generated_at;
      estimate = boost::json::object{
          {"p10", zone.FormatRfc3339(i.estimate->p10)},
          {"p50", zone.FormatRfc3339(i.estimate->p50)},
          {"p90", zone.FormatRfc3339(i.estimate->p90)},
          {"expected_by", passed ? boost::json::value(nullptr)
                                 : boost::json::value(zone.FormatRfc3339(i.estimate->expected_by))},
          {"late", i.estimate->late || passed},
          {"source", i.estimate->source}};
    }
    incidents.emplace_back(boost::json::object{{"id", i.id},
                                               {"name", i.name},
                                               {"status", model::ToString(i.status)},
                                               {"impact", model::ToString(i.impact)},
                                               {"shortlink", v.page.url + "/incidents/" + i.id},
                                               {"started_at", zone.FormatRfc3339(i.started_at)},
                                               {"updated_at", zone.FormatRfc3339(i.updated_at)},
                                               {"estimate", std::move(estimate)},
                                               {"resources", std::move(hit)},
                                               {"restored", i.restored}});
  }
  boost::json::object out{{"page", {{"name", v.page.name}, {"url", v.page.url}}},
                          {"customer", v.customer_id},
                          {"generated_at", zone.FormatRfc3339(v.generated_at)},
                          {"resources_total", v.resources_total},
                          {"resources", std::move(resources)},
                          {"resources_truncated", v.truncated},
                          {"incidents", std::move(incidents)}};
  boost::json::array credits;
  for (const auto& statement : v.credits) credits.emplace_back(CustomerStatementJson(statement));
  out["credits"] = std::move(credits);
  return boost::json::serialize(out);
}

}  // namespace phare::api
