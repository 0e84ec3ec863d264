// "Declare an incident" (operator and up), one screen: a template (power loss at a site,
// network unreachable, degraded performance, blank, or maintenance, which opens the
// scheduling form with the name and components chosen) sets the cause and the status the
// chosen components take; the bodies are drafted by phare (as the API's `phare.draft`),
// then refined with "Write an update". Goes through IncidentService::Create like the API.
#include "comms/catalog.h"
#include "service/users.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

struct Template {
  const char* id;
  const char* cause;  // "" : none
  model::ComponentStatus status;
};

constexpr Template kTemplates[] = {
    {"power", "power", model::ComponentStatus::kMajorOutage},
    {"network", "network", model::ComponentStatus::kMajorOutage},
    {"degraded", "", model::ComponentStatus::kDegradedPerformance},
    {"blank", "", model::ComponentStatus::kPartialOutage},
    // Not an incident: hands the name and components over to the scheduling form.
    {"maintenance", "", model::ComponentStatus::kUnderMaintenance},
};

const Template* FindTemplate(const std::string& id) {
  for (const auto& t : kTemplates) {
    if (id == t.id) return &t;
  }
  return nullptr;
}

http::Response Render(ConsoleDeps& deps, const Visit& v, const std::string& chosen,
                      const std::string& name, const std::string& error, int status) {
  const Words& w = v.words;
  auto components = deps.components.List();
  Data d;
  for (const char* key : {"title", "template", "name", "components", "notify", "submit", "intro"}) {
    d.set(std::string("t_") + key, w(std::string("declare.") + key));
  }
  Data templates = Data::type::list;
  for (const auto& t : kTemplates) {
    Data e;
    e.set("id", std::string(t.id));
    e.set("label", w(std::string("declare.t_") + t.id));
    e.set("checked", chosen == t.id || (chosen.empty() && std::string(t.id) == "blank"));
    templates.push_back(e);
  }
  d.set("templates", templates);
  Data list = Data::type::list;
  if (components.ok()) {
    for (const auto& c : *components) {
      if (c.group) continue;
      Data e;
      e.set("id", c.id);
      e.set("name", c.name);
      list.push_back(e);
    }
  }
  d.set("component_list", list);
  d.set("incident_name", name);
  d.set("csrf", v.who.session.csrf);
  if (!error.empty()) d.set("error", error);
  Chrome c;
  c.title = w("declare.title");
  c.content = RenderPart("declare.mustache", d);
  c.who = &v.who;
  c.active = "declare";
  return HtmlPage(status, RenderLayout(w, c));
}

}  // namespace

http::Response DeclarePage(ConsoleDeps& deps, const Visit& v) {
  return Render(deps, v, "", "", "", 200);
}

http::Response DeclareSubmit(ConsoleDeps& deps, const Visit& v) {
  const Form& f = v.form;
  const std::string chosen = f.Get("template");
  const Template* t = FindTemplate(chosen);
  const std::string name = f.Get("name");
  if (!t) return Render(deps, v, chosen, name, "template: unknown", 422);
  if (std::string_view(t->id) == "maintenance") {
    return MaintenanceForm(deps, v, name, f.All("component"));  // both need an operator
  }
  service::IncidentInput in;
  in.name = name;
  in.status = model::IncidentStatus::kInvestigating;
  if (*t->cause) in.cause = std::string(t->cause);
  for (const auto& id : f.All("component")) in.components.emplace_back(id, t->status);
  in.draft = true;
  in.deliver_notifications = f.Get("notify") == "1";
  service::PublishReport report;
  auto made = deps.incidents.Create(service::ActorOf(v.who.user), in, &report);
  if (!made.ok()) {
    return Render(deps, v, chosen, name, made.status().field() + ": " + made.status().message(),
                  made.status().code() == base::Code::kNotFound ? 404 : 422);
  }
  return SeeOther("/admin/incidents/" + made->id + "/update");
}

}  // namespace phare::web::admin
