// "Declare an incident" (operator and up), one screen: a template (power loss at a site,
// network unreachable, degraded performance, blank, or maintenance, which opens the
// scheduling form with the name and components chosen) sets the cause and the status the
// chosen components take. With an inventory, nodes are found by id, name or site and
// checked, and "Preview impact" shows what they would hit (resources, customers, per
// product and site) before anything is public; they are reported down (degraded for the
// degraded template). Search and preview re-show the screen with what was chosen. The
// bodies are drafted by phare (as the API's `phare.draft`), then refined with "Write an
// update". Goes through IncidentService::Create like the API.
#include <algorithm>

#include "comms/catalog.h"
#include "service/graph_state.h"
#include "service/inventory.h"
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

// What the screen shows again after a search or a preview: what was chosen so far.
struct Choice {
  std::string chosen;  // template id
  std::string name;
  std::string query;                    // the node search
  std::vector<std::string> components;  // checked
  std::vector<std::string> nodes;       // checked inventory nodes
  bool notify = true;
  std::string error;
};

Choice ChoiceFrom(const Form& f) {
  Choice c;
  c.chosen = f.Get("template");
  c.name = f.Get("name");
  c.query = f.Get("q");
  c.components = f.All("component");
  c.nodes = f.All("node");
  if (c.nodes.size() > service::kMaxNodeMatches) c.nodes.resize(service::kMaxNodeMatches);
  c.notify = f.Get("notify") == "1";
  return c;
}

bool Has(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

Data NodeEntry(const std::string& id, const std::string& label, bool checked) {
  Data e;
  e.set("id", id);
  e.set("label", label);
  e.set("checked", checked);
  return e;
}

// The inventory part: the chosen nodes, what the search found, and the impact preview.
void AddNodes(ConsoleDeps& deps, const Words& w, const Choice& c, bool preview, Data& d) {
  if (!deps.inventory) return;
  auto state = deps.inventory->Snapshot();
  if (!state.ok() || !(*state)->has_inventory()) return;  // nothing to search
  for (const char* key : {"nodes", "search", "search_button", "preview_button"}) {
    d.set(std::string("t_") + key, w(std::string("declare.") + key));
  }
  d.set("query", c.query);
  Data list = Data::type::list;
  for (const auto& id : c.nodes) list.push_back(NodeEntry(id, id, true));
  if (!c.query.empty()) {
    auto found = deps.inventory->SearchNodes(c.query, 20);
    if (!found.ok()) {
      d.set("search_note", found.status().message());
    } else if (found->empty()) {
      d.set("search_note", w("declare.no_match"));
    }
    for (const auto& n : found.ok() ? *found : std::vector<service::NodeMatch>{}) {
      if (Has(c.nodes, n.id)) continue;
      std::string label = n.id + " — " + n.kind;
      if (!n.name.empty() && n.name != n.id) label += ", " + n.name;
      if (!n.site.empty() && n.site != n.id) label += " (" + n.site + ")";
      list.push_back(NodeEntry(n.id, label, false));
    }
  }
  d.set("node_list", list);
  if (!preview) return;
  if (c.nodes.empty()) {
    d.set("preview", w("declare.preview_pick"));
    return;
  }
  std::vector<model::NodeReport> reports;
  for (const auto& id : c.nodes) {
    model::NodeReport r;
    r.node_id = id;
    reports.push_back(std::move(r));
  }
  std::vector<std::string> unknown;
  auto counts = deps.inventory->PreviewImpact(reports, &unknown);
  if (!unknown.empty()) {
    std::string list;
    for (const auto& id : unknown) list += (list.empty() ? "" : ", ") + id;
    d.set("preview_unknown", w("declare.preview_unknown", {{"nodes", list}}));
  }
  if (!counts.ok()) {
    d.set("preview", counts.status().message());
    return;
  }
  if (counts->empty() || counts->front().affected == 0) {
    d.set("preview", w("declare.preview_none"));
    return;
  }
  const auto& t = counts->front();
  d.set("preview", w("declare.preview_value", {{"down", t.down},
                                               {"degraded", t.degraded},
                                               {"at_risk", t.at_risk},
                                               {"customers", t.customers_affected}}));
  Data slices = Data::type::list;
  for (const auto& count : *counts) {
    if (count.dimension == "total" || count.affected == 0) continue;
    Data e;
    e.set("slice", count.key);
    e.set("value", w("declare.preview_slice",
                     {{"affected", count.affected}, {"customers", count.customers_affected}}));
    slices.push_back(e);
  }
  d.set("has_slices", !slices.is_empty_list());
  d.set("preview_slices", slices);
}

http::Response Render(ConsoleDeps& deps, const Visit& v, const Choice& c, bool preview,
                      int status) {
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
    e.set("checked", c.chosen == t.id || (c.chosen.empty() && std::string(t.id) == "blank"));
    templates.push_back(e);
  }
  d.set("templates", templates);
  Data list = Data::type::list;
  if (components.ok()) {
    for (const auto& component : *components) {
      if (component.group) continue;
      Data e;
      e.set("id", component.id);
      e.set("name", component.name);
      e.set("checked", Has(c.components, component.id));
      list.push_back(e);
    }
  }
  d.set("component_list", list);
  AddNodes(deps, w, c, preview, d);
  d.set("incident_name", c.name);
  d.set("notify", c.notify);
  d.set("csrf", v.who.session.csrf);
  if (!c.error.empty()) d.set("error", c.error);
  Chrome chrome;
  chrome.title = w("declare.title");
  chrome.content = RenderPart("declare.mustache", d);
  chrome.who = &v.who;
  chrome.active = "declare";
  return HtmlPage(status, RenderLayout(w, chrome));
}

}  // namespace

http::Response DeclarePage(ConsoleDeps& deps, const Visit& v) {
  return Render(deps, v, Choice{}, false, 200);
}

http::Response DeclareSubmit(ConsoleDeps& deps, const Visit& v) {
  const Form& f = v.form;
  Choice c = ChoiceFrom(f);
  const std::string action = f.Get("action");
  if (action == "search" || action == "preview")
    return Render(deps, v, c, action == "preview", 200);
  const Template* t = FindTemplate(c.chosen);
  if (!t) {
    c.error = "template: unknown";
    return Render(deps, v, c, false, 422);
  }
  if (std::string_view(t->id) == "maintenance") {
    return MaintenanceForm(deps, v, c.name, c.components);  // both need an operator
  }
  service::IncidentInput in;
  in.name = c.name;
  in.status = model::IncidentStatus::kInvestigating;
  if (*t->cause) in.cause = std::string(t->cause);
  for (const auto& id : c.components) in.components.emplace_back(id, t->status);
  const auto condition = t->status == model::ComponentStatus::kDegradedPerformance
                             ? model::NodeCondition::kDegraded
                             : model::NodeCondition::kDown;
  for (const auto& id : c.nodes) {
    model::NodeReport r;
    r.node_id = id;
    r.condition = r.worst = condition;
    in.root_nodes.push_back(std::move(r));
  }
  in.root_nodes_field = "node";
  in.draft = true;
  in.deliver_notifications = c.notify;
  service::PublishReport report;
  auto made = deps.incidents.Create(service::ActorOf(v.who.user), in, &report);
  if (!made.ok()) {
    c.error = made.status().field() + ": " + made.status().message();
    return Render(deps, v, c, false, made.status().code() == base::Code::kNotFound ? 404 : 422);
  }
  return SeeOther("/admin/incidents/" + made->id + "/update");
}

}  // namespace phare::web::admin
