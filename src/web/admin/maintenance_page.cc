// Scheduled maintenance (operator and up): the maintenance to come and under way, each
// with edit and cancel; a form to schedule one. Through IncidentService like the admin
// API: scheduling is Create with scheduled_for/until (POST /v1/.../incidents), editing
// is Update (PATCH), cancelling maintenance not yet begun is Delete (DELETE, as
// Statuspage), and cancelling maintenance under way completes it (PATCH status
// completed), which gives its components their status back. All audited by the service.
#include <algorithm>

#include "service/users.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

using model::IncidentStatus;

// The form's fields as entered (or as stored, when editing).
struct Entered {
  std::string id;  // empty: scheduling a new one
  std::string name, from, until, body;
  std::vector<std::string> components;
  bool auto_start = true, auto_end = true, notify = false;
  std::string error;
};

Entered FromIncident(const ConsoleDeps& deps, const model::Incident& i) {
  Entered e;
  e.id = i.id;
  e.name = i.name;
  if (i.scheduled_for) e.from = LocalInput(deps, *i.scheduled_for);
  if (i.scheduled_until) e.until = LocalInput(deps, *i.scheduled_until);
  e.components = i.component_ids;
  e.auto_start = i.scheduled_auto_in_progress;
  e.auto_end = i.scheduled_auto_completed;
  return e;
}

Entered FromForm(const Form& f, const std::string& id) {
  Entered e;
  e.id = id;
  e.name = f.Get("name");
  e.from = f.Get("from");
  e.until = f.Get("until");
  e.body = f.Get("body");
  e.components = f.All("component");
  e.auto_start = f.Get("auto_start") == "1";
  e.auto_end = f.Get("auto_end") == "1";
  e.notify = f.Get("notify") == "1";
  return e;
}

Data Row(const ConsoleDeps& deps, const Visit& v, const model::Incident& i) {
  Data row;
  row.set("id", i.id);
  row.set("name", i.name);
  row.set("window",
          v.words("dashboard.window",
                  {{"from", ShowTime(deps, i.scheduled_for.value_or(i.started_at))},
                   {"until", i.scheduled_until ? ShowTime(deps, *i.scheduled_until) : ""}}));
  row.set("state", v.words("maintenance.state_" + std::string(model::ToString(i.status))));
  row.set("csrf", v.who.session.csrf);
  return row;
}

// Open maintenance: scheduled, in progress or verifying (the API's upcoming and
// active_maintenance lists).
base::Result<Data> Rows(ConsoleDeps& deps, const Visit& v) {
  store::IncidentQuery q;
  q.kind = model::IncidentKind::kMaintenance;
  q.open_only = true;
  q.limit = 1000;
  PHARE_ASSIGN_OR_RETURN(auto list, deps.incidents.List(q));
  std::sort(list.begin(), list.end(), [](const model::Incident& a, const model::Incident& b) {
    return a.scheduled_for.value_or(a.started_at) < b.scheduled_for.value_or(b.started_at);
  });
  Data rows = Data::type::list;
  for (const auto& i : list) {
    if (model::IsUpcomingMaintenance(i) || model::IsActiveMaintenance(i)) {
      rows.push_back(Row(deps, v, i));
    }
  }
  return rows;
}

Data Components(ConsoleDeps& deps, const Entered& e) {
  Data list = Data::type::list;
  auto components = deps.components.List();
  if (!components.ok()) return list;
  for (const auto& c : *components) {
    if (c.group) continue;
    Data o;
    o.set("id", c.id);
    o.set("name", c.name);
    o.set("checked",
          std::find(e.components.begin(), e.components.end(), c.id) != e.components.end());
    list.push_back(o);
  }
  return list;
}

http::Response Render(ConsoleDeps& deps, const Visit& v, const Entered& e, int status,
                      const std::string& notice = {}) {
  const Words& w = v.words;
  Data d;
  SetWords(d, w, "maintenance",
           {"name_col", "title",      "list",   "none",      "name",       "window",
            "state",    "edit",       "cancel", "schedule",  "edit_title", "from",
            "until",    "components", "body",   "body_hint", "auto_start", "auto_end",
            "notify",   "submit",     "save",   "back"});
  if (e.id.empty()) {
    auto rows = Rows(deps, v);
    if (!rows.ok()) return FailedPage(w, &v.who, rows.status());
    d.set("rows", *rows);
    d.set("any", !rows->is_empty_list());
    d.set("listing", true);
    d.set("action", std::string("/admin/maintenance"));
  } else {
    d.set("action", "/admin/maintenance/" + e.id);
  }
  d.set("csrf", v.who.session.csrf);
  d.set("name", e.name);
  d.set("from", e.from);
  d.set("until", e.until);
  d.set("body", e.body);
  d.set("auto_start", e.auto_start);
  d.set("auto_end", e.auto_end);
  d.set("notify", e.notify);
  d.set("component_list", Components(deps, e));
  d.set("zone", deps.time_zone);
  if (!e.error.empty()) d.set("error", e.error);
  if (!notice.empty()) d.set("notice", notice);
  const std::string title = e.id.empty() ? w("maintenance.title") : w("maintenance.edit_title");
  return ShowScreen(v, title, "maintenance.mustache", d, "maintenance", status);
}

// The IncidentInput an API client would send for the form; InvalidArgument naming the
// field for unreadable times.
base::Result<service::IncidentInput> InputOf(ConsoleDeps& deps, const Entered& e) {
  service::IncidentInput in;
  in.name = e.name;
  if (!e.from.empty()) {
    PHARE_ASSIGN_OR_RETURN(in.scheduled_for, ReadLocalTime(deps, e.from, "from"));
  }
  if (!e.until.empty()) {
    PHARE_ASSIGN_OR_RETURN(in.scheduled_until, ReadLocalTime(deps, e.until, "until"));
  }
  if (!e.body.empty()) in.body = e.body;
  in.component_ids = e.components;
  in.scheduled_auto_in_progress = e.auto_start;
  in.scheduled_auto_completed = e.auto_end;
  in.deliver_notifications = e.notify;
  return in;
}

http::Response NotFound(const Visit& v) {
  return MessagePage(404, v.words, &v.who, v.words("error.not_found_title"),
                     v.words("error.not_found"));
}

base::Result<model::Incident> GetMaintenance(ConsoleDeps& deps, const std::string& id) {
  PHARE_ASSIGN_OR_RETURN(auto i, deps.incidents.Get(id));
  if (i.kind != model::IncidentKind::kMaintenance) {
    return base::Status(base::Code::kNotFound, "no such maintenance", "id");
  }
  return i;
}

}  // namespace

http::Response MaintenancePage(ConsoleDeps& deps, http::Request& req, const Visit& v) {
  const auto done = req.Query("done").value_or("");
  const bool known = done == "scheduled" || done == "saved" || done == "cancelled";
  return Render(deps, v, Entered{}, 200, known ? v.words("maintenance.done_" + done) : "");
}

http::Response MaintenanceForm(ConsoleDeps& deps, const Visit& v, std::string name,
                               std::vector<std::string> components) {
  Entered e;
  e.name = std::move(name);
  e.components = std::move(components);
  return Render(deps, v, e, 200);
}

http::Response MaintenanceCreate(ConsoleDeps& deps, const Visit& v) {
  Entered e = FromForm(v.form, "");
  auto in = InputOf(deps, e);
  if (in.ok()) {
    in->status = IncidentStatus::kScheduled;
    if (!in->scheduled_for)
      in = base::InvalidArgument("is required", "from");
    else if (!in->scheduled_until)
      in = base::InvalidArgument("is required", "until");
  }
  auto made = in.ok() ? deps.incidents.Create(service::ActorOf(v.who.user), *in)
                      : base::Result<model::Incident>(in.status());
  if (!made.ok()) {
    e.error = Problem(made.status());
    return Render(deps, v, e, StatusFor(made.status()));
  }
  return SeeOther("/admin/maintenance?done=scheduled");
}

http::Response MaintenanceEditPage(ConsoleDeps& deps, const std::string& id, const Visit& v) {
  auto i = GetMaintenance(deps, id);
  if (!i.ok()) return NotFound(v);
  return Render(deps, v, FromIncident(deps, *i), 200);
}

http::Response MaintenanceEdit(ConsoleDeps& deps, const std::string& id, const Visit& v) {
  auto i = GetMaintenance(deps, id);
  if (!i.ok()) return NotFound(v);
  Entered e = FromForm(v.form, id);
  auto in = InputOf(deps, e);
  auto saved = in.ok() ? deps.incidents.Update(service::ActorOf(v.who.user), id, *in)
                       : base::Result<model::Incident>(in.status());
  if (!saved.ok()) {
    e.error = Problem(saved.status());
    return Render(deps, v, e, StatusFor(saved.status()));
  }
  return SeeOther("/admin/maintenance?done=saved");
}

http::Response MaintenanceCancel(ConsoleDeps& deps, const std::string& id, const Visit& v) {
  auto i = GetMaintenance(deps, id);
  if (!i.ok()) return NotFound(v);
  const auto actor = service::ActorOf(v.who.user);
  base::Status done;
  if (i->status == IncidentStatus::kScheduled) {
    done = deps.incidents.Delete(actor, id);
  } else {
    service::IncidentInput in;
    in.status = IncidentStatus::kCompleted;
    done = deps.incidents.Update(actor, id, in).status();
  }
  if (!done.ok()) {
    Entered e;
    e.error = Problem(done);
    return Render(deps, v, e, StatusFor(done));
  }
  return SeeOther("/admin/maintenance?done=cancelled");
}

}  // namespace phare::web::admin
