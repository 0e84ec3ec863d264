// "Progress and nodes" of an incident (operator and up): the current estimate per scope
// and the impact counts; recording restored/total for a scope (IncidentService::AddProgress,
// as POST /v1/.../incidents/{id}/progress); reporting inventory nodes down, degraded or
// restored (IncidentService::Update with root_nodes, as POST /v1/.../incidents/{id}/nodes).
// Both are audited under the user by the service.
#include <sstream>

#include "service/inventory.h"
#include "service/users.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

constexpr size_t kMaxNodeIdBytes = 128;  // as the admin API
constexpr size_t kShownSamples = 50;

// What the forms held, shown again after a refusal.
struct Entered {
  std::string scope = {}, restored = {}, total = {}, nodes = {}, state = "down";
  std::string error = {}, notice = {};
};

Data Estimates(const ConsoleDeps& deps, const Words& w, const model::Incident& i) {
  Data list = Data::type::list;
  for (const auto& e : i.estimates) {
    Data row;
    row.set("scope", e.scope.empty() ? w("progress.whole") : e.scope);
    row.set("value", w("dashboard.estimate_value", {{"p10", ShowTime(deps, e.p10)},
                                                    {"p50", ShowTime(deps, e.p50)},
                                                    {"p90", ShowTime(deps, e.p90)}}));
    row.set("source", e.source);
    row.set("reason", e.reason);
    list.push_back(row);
  }
  return list;
}

Data Samples(const ConsoleDeps& deps, const Words& w,
             const std::vector<model::ProgressSample>& samples) {
  Data list = Data::type::list;
  size_t shown = 0;
  for (auto it = samples.rbegin(); it != samples.rend() && shown < kShownSamples; ++it, ++shown) {
    Data row;
    row.set("at", ShowTime(deps, it->at));
    row.set("scope", it->scope.empty() ? w("progress.whole") : it->scope);
    row.set("restored", std::to_string(it->restored));
    row.set("total", std::to_string(it->total));
    row.set("percent", std::to_string(it->total > 0 ? it->restored * 100 / it->total : 0));
    list.push_back(row);
  }
  return list;
}

Data Impact(const Words& w, const model::Incident& i) {
  Data d;
  if (const std::string hit = ImpactLine(w, i); !hit.empty()) d.set("hit", hit);
  return d;
}

Data States(const Words& w, const std::string& chosen) {
  Data list = Data::type::list;
  for (const char* state : {"down", "degraded", "restored"}) {
    Data o;
    o.set("value", std::string(state));
    o.set("label", w(std::string("progress.state_") + state));
    o.set("selected", chosen == state);
    list.push_back(o);
  }
  return list;
}

http::Response Render(ConsoleDeps& deps, const Visit& v, const model::Incident& i, const Entered& e,
                      int status) {
  const Words& w = v.words;
  auto samples = deps.incidents.Progress(i.id);
  if (!samples.ok()) return FailedPage(w, &v.who, samples.status());
  Data d;
  SetWords(d, w, "progress",
           {"title",         "estimates", "scope",       "estimate",   "source",
            "no_estimate",   "impact",    "no_impact",   "samples",    "at",
            "restored",      "total",     "no_samples",  "record",     "scope_hint",
            "record_submit", "nodes",     "nodes_label", "nodes_hint", "state",
            "nodes_submit"});
  d.set("id", i.id);
  d.set("name", i.name);
  d.set("csrf", v.who.session.csrf);
  d.set("estimates", Estimates(deps, w, i));
  d.set("any_estimate", !i.estimates.empty());
  d.set("impact", Impact(w, i));
  d.set("samples", Samples(deps, w, *samples));
  d.set("any_sample", !samples->empty());
  d.set("states", States(w, e.state));
  d.set("scope", e.scope);
  d.set("restored", e.restored);
  d.set("total", e.total);
  d.set("nodes", e.nodes);
  if (!e.error.empty()) d.set("error", e.error);
  if (!e.notice.empty()) d.set("notice", e.notice);
  d.set("zone_note", w("ui.time_zone", {{"zone", deps.time_zone}}));
  return ShowScreen(v, w("progress.title") + " — " + i.name, "progress.mustache", d, "", status);
}

http::Response NotFound(const Visit& v) {
  return MessagePage(404, v.words, &v.who, v.words("error.not_found_title"),
                     v.words("error.not_found"));
}

// The node ids of the textarea: one a line (or separated by spaces or commas).
base::Status ReadNodes(const std::string& text, model::NodeCondition condition,
                       std::vector<model::NodeReport>& out) {
  std::string flat = text;
  for (char& c : flat) {
    if (c == ',' || c == '\r' || c == '\n' || c == '\t') c = ' ';
  }
  std::istringstream words(flat);
  for (std::string id; words >> id;) {
    if (id.size() > kMaxNodeIdBytes)
      return base::InvalidArgument("must be 1 to 128 bytes", "nodes");
    if (out.size() >= service::kMaxNodeReports) {
      return base::InvalidArgument("too many nodes", "nodes");
    }
    model::NodeReport report;
    report.node_id = std::move(id);
    report.condition = condition;
    out.push_back(std::move(report));
  }
  if (out.empty()) return base::InvalidArgument("name at least one node", "nodes");
  return base::Status::Ok();
}

}  // namespace

http::Response ProgressPage(ConsoleDeps& deps, http::Request& req, const std::string& id,
                            const Visit& v) {
  auto incident = deps.incidents.Get(id);
  if (!incident.ok()) return NotFound(v);
  Entered e;
  const auto done = req.Query("done").value_or("");
  if (done == "progress" || done == "nodes") e.notice = v.words("progress.done_" + done);
  return Render(deps, v, *incident, e, 200);
}

http::Response ProgressSubmit(ConsoleDeps& deps, const std::string& id, const Visit& v) {
  auto incident = deps.incidents.Get(id);
  if (!incident.ok()) return NotFound(v);
  Entered e{v.form.Get("scope"), v.form.Get("restored"), v.form.Get("total")};
  const auto restored = ReadInt(e.restored);
  const auto total = ReadInt(e.total);
  if (!restored || !total) {
    e.error = v.words("progress.numbers");
    return Render(deps, v, *incident, e, 422);
  }
  model::ProgressSample sample;
  sample.scope = e.scope;
  sample.restored = *restored;
  sample.total = *total;
  auto added = deps.incidents.AddProgress(service::ActorOf(v.who.user), id, sample);
  if (!added.ok()) {
    e.error = Problem(added.status());
    return Render(deps, v, *incident, e, StatusFor(added.status()));
  }
  return SeeOther("/admin/incidents/" + id + "/progress?done=progress");
}

http::Response NodesSubmit(ConsoleDeps& deps, const std::string& id, const Visit& v) {
  auto incident = deps.incidents.Get(id);
  if (!incident.ok()) return NotFound(v);
  Entered e;
  e.nodes = v.form.Get("nodes");
  e.state = v.form.Get("state");
  service::IncidentInput in;
  in.root_nodes_field = "nodes";
  const auto condition = model::ParseNodeCondition(e.state);
  auto read = condition ? ReadNodes(e.nodes, *condition, in.root_nodes)
                        : base::InvalidArgument("is not one of down, degraded, restored", "state");
  if (!read.ok()) {
    e.error = Problem(read);
    return Render(deps, v, *incident, e, 422);
  }
  auto updated = deps.incidents.Update(service::ActorOf(v.who.user), id, in);
  if (!updated.ok()) {
    e.error = Problem(updated.status());
    return Render(deps, v, *incident, e, StatusFor(updated.status()));
  }
  return SeeOther("/admin/incidents/" + id + "/progress?done=nodes");
}

}  // namespace phare::web::admin
