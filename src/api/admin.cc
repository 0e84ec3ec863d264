#include "api/admin.h"

#include <boost/json/array.hpp>

#include "api/admin_call.h"
#include "http/problem.h"
#include "service/audit.h"

namespace phare::api {

void RegisterComponentRoutes(http::Router& router, AdminDeps& deps);
void RegisterIncidentRoutes(http::Router& router, AdminDeps& deps);
void RegisterFeedbackRoutes(http::Router& router, AdminDeps& deps);

namespace {

using http::Method;
using model::Scope;

boost::json::object PageObject(AdminCall& call) {
  auto page = PageJson(call.Render(), call.page.updated_at);
  page["created_at"] = call.zone.FormatRfc3339(call.page.created_at);
  return page;
}

void RegisterPages(http::Router& router, AdminDeps& deps) {
  router.Add(Method::kGet, "/v1/pages",
             Admin(deps, Scope::kRead, Body::kNone,
                   [](AdminCall& call) { return Json(200, boost::json::array{PageObject(call)}); }),
             {true, "/v1/pages"});
  router.Add(Method::kGet, "/v1/pages/{}",
             Admin(deps, Scope::kRead, Body::kNone,
                   [](AdminCall& call) { return Json(200, PageObject(call)); }),
             {true, "/v1/pages/{}"});
  const std::string audit = "/v1/pages/{}/audit-log";
  router.Add(Method::kGet, audit,
             Admin(deps, Scope::kAdmin, Body::kNone,
                   [](AdminCall& call) {
                     auto entries = service::ListAudit(
                         call.deps.ctx.store, QueryInt(call.req, "limit", 100, 1, 500),
                         QueryInt(call.req, "before", 0, 0, INT64_MAX));
                     if (!entries.ok()) return http::ProblemFromStatus(entries.status());
                     boost::json::array out;
                     for (const auto& e : *entries) {
                       out.emplace_back(boost::json::object{{"id", e.id},
                                                            {"at", call.zone.FormatRfc3339(e.at)},
                                                            {"actor", e.actor},
                                                            {"action", e.action},
                                                            {"target_type", e.target_type},
                                                            {"target_id", e.target_id}});
                     }
                     return Json(200, out);
                   }),
             {true, audit});
}

}  // namespace

void RegisterAdminRoutes(http::Router& router, AdminDeps& deps) {
  RegisterPages(router, deps);
  RegisterComponentRoutes(router, deps);
  RegisterIncidentRoutes(router, deps);
  RegisterFeedbackRoutes(router, deps);
}

void AdmitAdminBodies(http::Router& router, AdminDeps& deps) {
  for (auto& route : router.routes()) {
    if (route.method == Method::kGet || route.method == Method::kHead) continue;
    if (route.pattern.rfind("/v1/", 0) != 0 || route.options.admit) continue;
    route.options.admit = AdmitAdmin(deps, Scope::kRead);
  }
}

}  // namespace phare::api
