#include "api/admin_credits.h"

#include "api/admin_call.h"
#include "api/credits_json.h"
#include "http/problem.h"
#include "service/credits.h"

namespace phare::api {

void RegisterCreditsRoutes(http::Router& router, AdminDeps& deps,
                           service::InventoryService& inventory) {
  const std::string path = "/v1/pages/{}/credits";
  router.Add(http::Method::kGet, path,
             Admin(deps, model::Scope::kAdmin, Body::kNone,
                   [&inventory](AdminCall& call) {
                     service::CreditQuery q;
                     q.month = call.req.Query("month").value_or("");
                     q.customer_id = call.req.Query("customer").value_or("");
                     if (q.month.empty()) {
                       return http::Problem(422, "invalid-field",
                                            "month: is required (YYYY-MM, e.g. 2017-11)", "month");
                     }
                     auto report = service::ComputeCredits(
                         call.deps.ctx.store, call.deps.ctx.policies.sla_plans, q,
                         call.deps.ctx.clock.Now(), [&inventory] { return inventory.Snapshot(); });
                     if (!report.ok()) return http::ProblemFromStatus(report.status());
                     return Json(200, CreditReportJson(*report));
                   }),
             {true, path});
}

}  // namespace phare::api
