// /v1/pages/{page_id}/incidents: incidents and scheduled maintenance.
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/admin_call.h"
#include "api/input_parse.h"
#include "http/problem.h"

namespace phare::api {
namespace {

using http::Method;
using model::IncidentKind;
using model::IncidentStatus;
using model::Scope;

boost::json::array Strings(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

// Renders after the components were (possibly) changed by the write. Admin responses
// add what publishing found: the checker's findings and the operator's warnings.
http::Response IncidentResponse(AdminCall& call, int status, const base::Result<model::Incident>& i,
                                const service::PublishReport* report = nullptr) {
  if (!i.ok()) {
    http::Response problem = http::ProblemFromStatus(i.status());
    if (report && !report->findings.empty()) {
      auto body = boost::json::parse(problem.body);
      body.as_object()["findings"] = FindingsJson(report->findings);
      problem.body = boost::json::serialize(body);
    }
    return problem;
  }
  AdminCall fresh = call.Fresh();
  auto o = IncidentJson(fresh.Render(), *i);
  if (report) {
    auto& ext = o["phare"].as_object();
    ext["findings"] = FindingsJson(report->findings);
    ext["warnings"] = Strings(report->warnings);
  }
  return Json(status, o);
}

// Lists incidents matching `keep` among the query's results.
http::Response ListResponse(AdminCall& call, const store::IncidentQuery& q,
                            const std::function<bool(const model::Incident&)>& keep) {
  auto list = call.deps.incidents.List(q);
  if (!list.ok()) return http::ProblemFromStatus(list.status());
  boost::json::array out;
  const auto ctx = call.Render();
  for (const auto& i : *list) {
    if (keep(i)) out.emplace_back(IncidentJson(ctx, i));
  }
  return Json(200, out);
}

void RegisterLists(http::Router& router, AdminDeps& deps, const std::string& base) {
  router.Add(Method::kGet, base,
             Admin(deps, Scope::kRead, Body::kNone,
                   [](AdminCall& call) {
                     store::IncidentQuery q;
                     q.limit = static_cast<size_t>(QueryInt(call.req, "limit", 100, 1, 1000));
                     q.offset = q.limit *
                                static_cast<size_t>(QueryInt(call.req, "page", 1, 1, 100000) - 1);
                     q.text = call.req.Query("q").value_or("").substr(0, 200);
                     return ListResponse(call, q, [](const auto&) { return true; });
                   }),
             {true, base});
  struct Named {
    const char* suffix;
    IncidentKind kind;
    std::function<bool(const model::Incident&)> keep;
  };
  const std::vector<Named> named = {
      {"/unresolved", IncidentKind::kIncident,
       [](const model::Incident& i) { return !model::IsClosed(i.status); }},
      {"/upcoming", IncidentKind::kMaintenance,
       [](const model::Incident& i) { return i.status == IncidentStatus::kScheduled; }},
      {"/scheduled", IncidentKind::kMaintenance,
       [](const model::Incident& i) { return i.status == IncidentStatus::kScheduled; }},
      {"/active_maintenance", IncidentKind::kMaintenance,
       [](const model::Incident& i) {
         return i.status == IncidentStatus::kInProgress || i.status == IncidentStatus::kVerifying;
       }},
  };
  for (const auto& n : named) {
    const std::string path = base + n.suffix;
    router.Add(Method::kGet, path,
               Admin(deps, Scope::kRead, Body::kNone,
                     [n](AdminCall& call) {
                       store::IncidentQuery q;
                       q.kind = n.kind;
                       q.open_only = true;
                       q.limit = 1000;
                       return ListResponse(call, q, n.keep);
                     }),
               {true, path});
  }
}

void RegisterOne(http::Router& router, AdminDeps& deps, const std::string& base) {
  router.Add(Method::kPost, base,
             Admin(deps, Scope::kWrite, Body::kJson,
                   [](AdminCall& call) {
                     auto obj = Wrapped(call.body, "incident");
                     if (!obj.ok()) return http::ProblemFromStatus(obj.status());
                     auto in = ParseIncidentInput(**obj);
                     if (!in.ok()) return http::ProblemFromStatus(in.status());
                     service::PublishReport report;
                     auto created = call.deps.incidents.Create(call.actor, *in, &report);
                     return IncidentResponse(call, 201, created, &report);
                   }),
             {true, base});
  const std::string one = base + "/{}";
  router.Add(Method::kGet, one,
             Admin(deps, Scope::kRead, Body::kNone,
                   [](AdminCall& call) {
                     return IncidentResponse(call, 200,
                                             call.deps.incidents.Get(call.req.params[1]));
                   }),
             {true, one});
  auto update = [](AdminCall& call) {
    auto obj = Wrapped(call.body, "incident");
    if (!obj.ok()) return http::ProblemFromStatus(obj.status());
    auto in = ParseIncidentInput(**obj);
    if (!in.ok()) return http::ProblemFromStatus(in.status());
    service::PublishReport report;
    auto updated = call.deps.incidents.Update(call.actor, call.req.params[1], *in, &report);
    return IncidentResponse(call, 200, updated, &report);
  };
  router.Add(Method::kPatch, one, Admin(deps, Scope::kWrite, Body::kJson, update), {true, one});
  router.Add(Method::kPut, one, Admin(deps, Scope::kWrite, Body::kJson, update), {true, one});
  router.Add(Method::kDelete, one,
             Admin(deps, Scope::kWrite, Body::kNone,
                   [](AdminCall& call) {
                     auto i = call.deps.incidents.Get(call.req.params[1]);
                     if (!i.ok()) return http::ProblemFromStatus(i.status());
                     auto rendered = IncidentJson(call.Render(), *i);
                     auto status = call.deps.incidents.Delete(call.actor, i->id);
                     if (!status.ok()) return http::ProblemFromStatus(status);
                     return Json(200, rendered);
                   }),
             {true, one});
  const std::string update_path = one + "/incident_updates/{}";
  router.Add(Method::kPatch, update_path,
             Admin(deps, Scope::kWrite, Body::kJson,
                   [](AdminCall& call) {
                     auto obj = Wrapped(call.body, "incident_update");
                     if (!obj.ok()) return http::ProblemFromStatus(obj.status());
                     auto edit = ParseUpdateEdit(**obj);
                     if (!edit.ok()) return http::ProblemFromStatus(edit.status());
                     auto i = call.deps.incidents.EditUpdate(call.actor, call.req.params[1],
                                                             call.req.params[2], *edit);
                     if (!i.ok()) return http::ProblemFromStatus(i.status());
                     for (const auto& u : i->updates) {
                       if (u.id == call.req.params[2])
                         return Json(200, UpdateJson(call.Render(), u));
                     }
                     return http::Problem(404, "not-found", "incident update vanished");
                   }),
             {true, update_path});
}

// POST .../incidents/{id}/drafts: drafts and their findings, nothing published.
http::Response Drafts(AdminCall& call) {
  service::DraftFacts facts;
  std::optional<model::IncidentStatus> status;
  if (call.body.is_object() && call.body.as_object().contains("draft")) {
    auto obj = Wrapped(call.body, "draft");
    if (!obj.ok()) return http::ProblemFromStatus(obj.status());
    auto parsed = ParseDraftFacts(**obj, "draft");
    if (!parsed.ok()) return http::ProblemFromStatus(parsed.status());
    facts = std::move(parsed).value();
    if (const auto* s = (*obj)->if_contains("status"); s && s->is_string()) {
      status = model::ParseIncidentStatus(std::string(s->get_string()));
      if (!status) return http::Problem(422, "invalid-field", "unknown status", "draft.status");
    }
  }
  service::PublishReport report;
  auto drafts = call.deps.incidents.Draft(call.req.params[1], status, facts, &report);
  if (!drafts.ok()) return http::ProblemFromStatus(drafts.status());
  return Json(200, DraftsJson(*drafts, report.findings));
}

// POST .../incidents/{id}/check: what publishing would report (the checker's findings,
// the data disagreeing with a stated estimate), nothing written.
http::Response Check(AdminCall& call) {
  auto obj = Wrapped(call.body, "check");
  if (!obj.ok()) return http::ProblemFromStatus(obj.status());
  // The same shape as an update: {"status", "body", "phare": {"bodies": [...]}}.
  auto in = ParseIncidentInput(**obj);
  if (!in.ok()) return http::ProblemFromStatus(in.status());
  auto report = call.deps.incidents.Check(call.req.params[1], *in);
  if (!report.ok()) return http::ProblemFromStatus(report.status());
  return Json(200, boost::json::object{{"findings", FindingsJson(report->findings)},
                                       {"warnings", Strings(report->warnings)}});
}

http::Response AddProgress(AdminCall& call) {
  auto obj = Wrapped(call.body, "progress");
  if (!obj.ok()) return http::ProblemFromStatus(obj.status());
  auto sample = ParseProgress(**obj);
  if (!sample.ok()) return http::ProblemFromStatus(sample.status());
  service::PublishReport report;
  auto i = call.deps.incidents.AddProgress(call.actor, call.req.params[1], *sample, &report);
  return IncidentResponse(call, 201, i, &report);
}

http::Response ListProgress(AdminCall& call) {
  auto samples = call.deps.incidents.Progress(call.req.params[1]);
  if (!samples.ok()) return http::ProblemFromStatus(samples.status());
  boost::json::array out;
  for (const auto& s : *samples) {
    out.emplace_back(boost::json::object{{"scope", s.scope},
                                         {"at", call.zone.FormatRfc3339(s.at)},
                                         {"restored", s.restored},
                                         {"total", s.total}});
  }
  return Json(200, out);
}

}  // namespace

void RegisterIncidentRoutes(http::Router& router, AdminDeps& deps) {
  const std::string base = "/v1/pages/{}/incidents";
  RegisterLists(router, deps, base);  // before "/incidents/{}", which would shadow them
  RegisterOne(router, deps, base);
  const std::string drafts = base + "/{}/drafts";
  router.Add(Method::kPost, drafts, Admin(deps, Scope::kRead, Body::kOptionalJson, Drafts),
             {true, drafts});
  const std::string check = base + "/{}/check";
  router.Add(Method::kPost, check, Admin(deps, Scope::kRead, Body::kJson, Check), {true, check});
  const std::string progress = base + "/{}/progress";
  router.Add(Method::kPost, progress, Admin(deps, Scope::kWrite, Body::kJson, AddProgress),
             {true, progress});
  router.Add(Method::kGet, progress, Admin(deps, Scope::kRead, Body::kNone, ListProgress),
             {true, progress});
}

}  // namespace phare::api
