#include "api/admin_postmortems.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/admin_call.h"
#include "api/input_parse.h"
#include "api/postmortem_json.h"
#include "base/json.h"
#include "http/problem.h"

namespace phare::api {
namespace {

using http::Method;
using model::Scope;

http::Response Respond(AdminCall& call, int status, const base::Result<model::Postmortem>& pm,
                       const service::PostmortemReport* report) {
  if (!pm.ok()) {
    http::Response problem = http::ProblemFromStatus(pm.status());
    if (report && !report->findings.empty()) {
      auto body = boost::json::parse(problem.body);
      body.as_object()["findings"] = FindingsJson(report->findings);
      problem.body = boost::json::serialize(body);
    }
    return problem;
  }
  return Json(status, PostmortemJson(call.Render(), *pm, report));
}

http::Response Save(AdminCall& call, service::PostmortemService& postmortems) {
  auto obj = Wrapped(call.body, "postmortem");
  if (!obj.ok()) return http::ProblemFromStatus(obj.status());
  auto in = ParsePostmortemInput(**obj);
  if (!in.ok()) return http::ProblemFromStatus(in.status());
  service::PostmortemReport report;
  auto pm = postmortems.Save(call.actor, call.req.params[1], *in, &report);
  return Respond(call, 200, pm, &report);
}

http::Response Publish(AdminCall& call, service::PostmortemService& postmortems) {
  std::optional<bool> notify;
  if (call.body.is_object() && call.body.as_object().contains("postmortem")) {
    auto obj = Wrapped(call.body, "postmortem");
    if (!obj.ok()) return http::ProblemFromStatus(obj.status());
    base::JsonReader r(**obj, "postmortem");
    if (auto status = r.Bool("notify_subscribers", notify); !status.ok()) {
      return http::ProblemFromStatus(status);
    }
  }
  service::PostmortemReport report;
  auto pm = postmortems.Publish(call.actor, call.req.params[1], notify, &report);
  return Respond(call, 200, pm, &report);
}

}  // namespace

void RegisterPostmortemRoutes(http::Router& router, AdminDeps& deps,
                              service::InventoryService* inventory) {
  const std::string one = "/v1/pages/{}/incidents/{}/postmortem";
  auto with = [&deps, inventory](auto fn) {
    return [&deps, inventory, fn](AdminCall& call) {
      service::PostmortemService postmortems(deps.ctx, deps.incidents, inventory);
      return fn(call, postmortems);
    };
  };
  router.Add(Method::kGet, one,
             Admin(deps, Scope::kRead, Body::kNone,
                   with([](AdminCall& call, service::PostmortemService& p) {
                     return Respond(call, 200, p.Get(call.req.params[1]), nullptr);
                   })),
             {true, one});
  router.Add(Method::kPut, one, Admin(deps, Scope::kWrite, Body::kJson, with(Save)), {true, one});
  router.Add(Method::kPatch, one, Admin(deps, Scope::kWrite, Body::kJson, with(Save)), {true, one});
  router.Add(Method::kDelete, one,
             Admin(deps, Scope::kWrite, Body::kNone,
                   with([](AdminCall& call, service::PostmortemService& p) {
                     auto status = p.Delete(call.actor, call.req.params[1]);
                     if (!status.ok()) return http::ProblemFromStatus(status);
                     http::Response r;
                     r.status = 204;
                     return r;
                   })),
             {true, one});
  const std::string publish = one + "/publish";
  router.Add(Method::kPut, publish, Admin(deps, Scope::kWrite, Body::kOptionalJson, with(Publish)),
             {true, publish});
  const std::string revert = one + "/revert";
  router.Add(Method::kPut, revert,
             Admin(deps, Scope::kWrite, Body::kOptionalJson,
                   with([](AdminCall& call, service::PostmortemService& p) {
                     return Respond(call, 200, p.Revert(call.actor, call.req.params[1]), nullptr);
                   })),
             {true, revert});
}

}  // namespace phare::api
