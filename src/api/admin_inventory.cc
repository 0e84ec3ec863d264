#include "api/admin_inventory.h"

#include "api/admin_call.h"
#include "api/inventory_json.h"
#include "api/node_input.h"
#include "http/problem.h"

namespace phare::api {
namespace {

using http::Method;
using model::Scope;

// The media type without parameters, lower case.
std::string MediaType(std::string_view header) {
  std::string out(header.substr(0, header.find(';')));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

http::Response Import(AdminCall& call, service::InventoryService& inventory) {
  const std::string encoding = MediaType(call.req.Header("Content-Encoding"));
  if (!encoding.empty() && encoding != "gzip" && encoding != "identity") {
    return http::Problem(415, "unsupported-media-type",
                         "inventory uploads may be gzip-compressed, not '" + encoding + "'");
  }
  service::ImportRequest request;
  request.path = std::string(call.req.body_file);  // the route spools its body
  request.bytes = call.req.body;
  request.source_name = "request body";
  request.allow_shrink = call.req.Query("allow_shrink").value_or("") == "true";
  const std::string type = MediaType(call.req.Header("Content-Type"));
  if (type == "text/csv") {
    request.format = graph::InventoryFormat::kCsv;
  } else if (type == "application/x-ndjson" || type == "application/jsonl" ||
             type == "application/x-jsonlines" || type == "application/json-lines") {
    request.format = graph::InventoryFormat::kJsonLines;
  }
  graph::ErrorList errors;
  auto report = inventory.Import(call.actor, request, &errors);
  if (report.ok()) return Json(200, ImportReportJson(*report, call.zone));
  if (report.status().code() != base::Code::kInvalidArgument || errors.empty()) {
    return http::ProblemFromStatus(report.status());
  }
  // A problem document (RFC 9457) with every error kept.
  boost::json::object body = ImportErrorsJson(errors);
  body["type"] = "urn:phare:problem:invalid-inventory";
  body["title"] = http::ReasonPhrase(422);
  body["status"] = 422;
  body["detail"] = report.status().message();
  http::Response out = Json(422, body);
  out.content_type = "application/problem+json";
  return out;
}

http::Response ImpactOf(AdminCall& call, service::InventoryService& inventory) {
  service::ImpactQuery q;
  q.limit = static_cast<uint32_t>(QueryInt(call.req, "limit", 100, 1, service::kMaxImpactPage));
  q.customers_cursor =
      static_cast<uint32_t>(QueryInt(call.req, "customers_cursor", 0, 0, UINT32_MAX));
  q.resources_cursor =
      static_cast<uint32_t>(QueryInt(call.req, "resources_cursor", 0, 0, UINT32_MAX));
  q.hit = call.req.Query("hit").value_or("") == "true";
  auto page = inventory.Impact(call.req.params[1], q);
  if (!page.ok()) return http::ProblemFromStatus(page.status());
  return Json(200, ImpactPageJson(*page, call.zone));
}

http::Response ReportNodes(AdminCall& call) {
  service::IncidentInput in;
  in.root_nodes_field = "nodes";
  const auto* nodes = call.body.is_object() ? call.body.get_object().if_contains("nodes") : nullptr;
  if (!nodes) return http::Problem(422, "invalid-field", "nodes: is required", "nodes");
  if (auto s = ParseNodeReports(nodes, "nodes", in.root_nodes); !s.ok()) {
    return http::ProblemFromStatus(s);
  }
  if (in.root_nodes.empty()) {
    return http::Problem(422, "invalid-field", "nodes: name at least one node", "nodes");
  }
  auto incident = call.deps.incidents.Update(call.actor, call.req.params[1], in);
  if (!incident.ok()) return http::ProblemFromStatus(incident.status());
  AdminCall fresh = call.Fresh();
  return Json(200, IncidentJson(fresh.Render(), *incident));
}

}  // namespace

void RegisterInventoryRoutes(http::Router& router, AdminDeps& deps,
                             service::InventoryService& inventory, uint64_t max_upload_bytes) {
  const std::string base = "/v1/pages/{}/inventory";
  router.Add(Method::kPut, base,
             Admin(deps, Scope::kAdmin, Body::kNone,
                   [&inventory](AdminCall& call) { return Import(call, inventory); }),
             {.blocking = true,
              .name = base,
              .max_body_bytes = static_cast<size_t>(max_upload_bytes),
              .spool_body = true,
              .admit = AdmitAdmin(deps, Scope::kAdmin)});
  router.Add(Method::kPost, base + "/rollback",
             Admin(deps, Scope::kAdmin, Body::kNone,
                   [&inventory](AdminCall& call) {
                     auto report = inventory.Rollback(call.actor);
                     if (!report.ok()) return http::ProblemFromStatus(report.status());
                     return Json(200, ImportReportJson(*report, call.zone));
                   }),
             {true, base + "/rollback"});
  router.Add(Method::kGet, base,
             Admin(deps, Scope::kRead, Body::kNone,
                   [&inventory](AdminCall& call) {
                     auto summary = inventory.Summary();
                     if (!summary.ok()) return http::ProblemFromStatus(summary.status());
                     return Json(200, SummaryJson(*summary, call.zone));
                   }),
             {true, base});
  router.Add(Method::kGet, base + "/spof",
             Admin(deps, Scope::kRead, Body::kNone,
                   [&inventory](AdminCall& call) {
                     service::SpofQuery q;
                     q.threshold =
                         static_cast<uint32_t>(QueryInt(call.req, "threshold", 0, 0, UINT32_MAX));
                     q.limit = static_cast<uint32_t>(QueryInt(call.req, "limit", 50, 1, 1000));
                     q.live = call.req.Query("live").value_or("") == "true";
                     auto result = inventory.Spof(q);
                     if (!result.ok()) return http::ProblemFromStatus(result.status());
                     return Json(200, SpofJson(*result));
                   }),
             {true, base + "/spof"});
  const std::string incident = "/v1/pages/{}/incidents/{}";
  router.Add(Method::kGet, incident + "/impact",
             Admin(deps, Scope::kRead, Body::kNone,
                   [&inventory](AdminCall& call) { return ImpactOf(call, inventory); }),
             {true, incident + "/impact"});
  router.Add(
      Method::kPost, incident + "/nodes",
      Admin(deps, Scope::kWrite, Body::kJson, [](AdminCall& call) { return ReportNodes(call); }),
      {true, incident + "/nodes"});
}

}  // namespace phare::api
