// /v1/pages/{page_id}/components and /component-groups.
#include <boost/json/array.hpp>

#include "api/admin_call.h"
#include "api/input_parse.h"
#include "api/uptime_json.h"
#include "http/problem.h"

namespace phare::api {
namespace {

using http::Method;
using model::Scope;

http::Response ComponentResponse(AdminCall& call, int status,
                                 const base::Result<model::Component>& c) {
  if (!c.ok()) return http::ProblemFromStatus(c.status());
  return Json(status, ComponentJson(call.Render(), *c));
}

base::Result<model::Component> FindGroup(AdminCall& call, const std::string& id) {
  for (const auto& c : call.Components()) {
    if (c.id == id && c.group) return c;
  }
  return base::NotFound("component group '" + id + "' does not exist");
}

void RegisterComponents(http::Router& router, AdminDeps& deps) {
  const std::string base = "/v1/pages/{}/components";
  router.Add(Method::kGet, base,
             Admin(deps, Scope::kRead, Body::kNone,
                   [](AdminCall& call) { return Json(200, ComponentsJson(call.Render())); }),
             {true, base});
  router.Add(Method::kPost, base,
             Admin(deps, Scope::kWrite, Body::kJson,
                   [](AdminCall& call) {
                     auto obj = Wrapped(call.body, "component");
                     if (!obj.ok()) return http::ProblemFromStatus(obj.status());
                     auto in = ParseComponentInput(**obj);
                     if (!in.ok()) return http::ProblemFromStatus(in.status());
                     return ComponentResponse(call, 201,
                                              call.deps.components.Create(call.actor, *in));
                   }),
             {true, base});
  const std::string one = base + "/{}";
  router.Add(Method::kGet, one,
             Admin(deps, Scope::kRead, Body::kNone,
                   [](AdminCall& call) {
                     return ComponentResponse(call, 200,
                                              call.deps.components.Get(call.req.params[1]));
                   }),
             {true, one});
  const std::string uptime = one + "/uptime";
  router.Add(Method::kGet, uptime,
             Admin(deps, Scope::kRead, Body::kNone,
                   [](AdminCall& call) {
                     const base::Time now = call.deps.ctx.clock.Now();
                     auto range = ParseUptimeRange(call.page.time_zone, now,
                                                   call.req.Query("start"), call.req.Query("end"));
                     if (!range.ok()) return http::ProblemFromStatus(range.status());
                     auto history = call.deps.components.History(call.req.params[1], range->since);
                     if (!history.ok()) return http::ProblemFromStatus(history.status());
                     return Json(200, StatuspageUptimeJson(*history, *range));
                   }),
             {true, uptime});
  auto update = [](AdminCall& call) {
    auto obj = Wrapped(call.body, "component");
    if (!obj.ok()) return http::ProblemFromStatus(obj.status());
    auto in = ParseComponentInput(**obj);
    if (!in.ok()) return http::ProblemFromStatus(in.status());
    return ComponentResponse(call, 200,
                             call.deps.components.Update(call.actor, call.req.params[1], *in));
  };
  router.Add(Method::kPatch, one, Admin(deps, Scope::kWrite, Body::kJson, update), {true, one});
  router.Add(Method::kPut, one, Admin(deps, Scope::kWrite, Body::kJson, update), {true, one});
  router.Add(Method::kDelete, one,
             Admin(deps, Scope::kWrite, Body::kNone,
                   [](AdminCall& call) {
                     auto c = call.deps.components.Get(call.req.params[1]);
                     if (!c.ok()) return http::ProblemFromStatus(c.status());
                     auto rendered = ComponentJson(call.Render(), *c);
                     auto status = call.deps.components.Delete(call.actor, c->id);
                     if (!status.ok()) return http::ProblemFromStatus(status);
                     return Json(200, rendered);
                   }),
             {true, one});
}

void RegisterGroups(http::Router& router, AdminDeps& deps) {
  const std::string base = "/v1/pages/{}/component-groups";
  router.Add(Method::kGet, base,
             Admin(deps, Scope::kRead, Body::kNone,
                   [](AdminCall& call) {
                     boost::json::array groups;
                     for (const auto& c : call.Components()) {
                       if (c.group) groups.emplace_back(GroupJson(call.Render(), c));
                     }
                     return Json(200, groups);
                   }),
             {true, base});
  router.Add(Method::kPost, base,
             Admin(deps, Scope::kWrite, Body::kJson,
                   [](AdminCall& call) {
                     auto obj = Wrapped(call.body, "component_group");
                     if (!obj.ok()) return http::ProblemFromStatus(obj.status());
                     auto in = ParseGroupInput(**obj);
                     if (!in.ok()) return http::ProblemFromStatus(in.status());
                     auto g = call.deps.components.CreateGroup(call.actor, *in);
                     if (!g.ok()) return http::ProblemFromStatus(g.status());
                     AdminCall fresh = call.Fresh();
                     return Json(201, GroupJson(fresh.Render(), *g));
                   }),
             {true, base});
  const std::string one = base + "/{}";
  router.Add(Method::kGet, one,
             Admin(deps, Scope::kRead, Body::kNone,
                   [](AdminCall& call) {
                     auto g = FindGroup(call, call.req.params[1]);
                     if (!g.ok()) return http::ProblemFromStatus(g.status());
                     return Json(200, GroupJson(call.Render(), *g));
                   }),
             {true, one});
  auto update = [](AdminCall& call) {
    auto obj = Wrapped(call.body, "component_group");
    if (!obj.ok()) return http::ProblemFromStatus(obj.status());
    auto in = ParseGroupInput(**obj);
    if (!in.ok()) return http::ProblemFromStatus(in.status());
    auto g = call.deps.components.UpdateGroup(call.actor, call.req.params[1], *in);
    if (!g.ok()) return http::ProblemFromStatus(g.status());
    AdminCall fresh = call.Fresh();
    return Json(200, GroupJson(fresh.Render(), *g));
  };
  router.Add(Method::kPatch, one, Admin(deps, Scope::kWrite, Body::kJson, update), {true, one});
  router.Add(Method::kPut, one, Admin(deps, Scope::kWrite, Body::kJson, update), {true, one});
  router.Add(Method::kDelete, one,
             Admin(deps, Scope::kWrite, Body::kNone,
                   [](AdminCall& call) {
                     auto g = FindGroup(call, call.req.params[1]);
                     if (!g.ok()) return http::ProblemFromStatus(g.status());
                     auto rendered = GroupJson(call.Render(), *g);
                     auto status = call.deps.components.Delete(call.actor, g->id);
                     if (!status.ok()) return http::ProblemFromStatus(status);
                     return Json(200, rendered);
                   }),
             {true, one});
}

}  // namespace

void RegisterComponentRoutes(http::Router& router, AdminDeps& deps) {
  RegisterComponents(router, deps);
  RegisterGroups(router, deps);
}

}  // namespace phare::api
