// phare component ..., phare incident ..., phare maintenance ...: the admin API's
// operations for scripts, through the same service functions. Objects are printed as
// the API returns them.
#include <boost/json.hpp>

#include <iostream>
#include "api/json_render.h"

#include "app/cli.h"

namespace phare::app {
namespace {

// Prints `value` rendered against the runtime's page and current components.
template <class Fn>
int Print(Runtime& rt, Fn render) {
  auto components = rt.components().List();
  if (!components.ok()) return Fail(components.status());
  auto zone = base::Zone::Find(rt.page().time_zone);
  const base::Zone z = zone.ok() ? *zone : base::Zone::Utc();
  comms::Readers readers(z);
  api::RenderContext ctx{rt.page(), z, *components, &readers, rt.ctx().policies.default_language};
  return PrintJson(render(ctx));
}

// --name-in LANG=TEXT (repeatable): the names in other languages; given, they replace the
// stored ones. Tags and lengths are checked by the service.
base::Result<std::optional<model::LocalizedNames>> NamesFrom(const std::vector<std::string>& specs,
                                                             const char* flag = "--name-in") {
  if (specs.empty()) return std::optional<model::LocalizedNames>();
  model::LocalizedNames names;
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
      return base::InvalidArgument("'" + spec + "' is not LANG=TEXT (fr=Serveurs dédiés)", flag);
    }
    names.push_back({spec.substr(0, eq), spec.substr(eq + 1)});
  }
  return std::optional<model::LocalizedNames>(std::move(names));
}

constexpr const char* kNameInHelp =
    "the name in another language: LANG=TEXT, e.g. fr=Serveurs dédiés (repeatable; given, "
    "replaces every other-language name)";

struct ComponentFlags {
  CommonOptions common;
  std::string id;
  std::vector<std::string> names, descriptions;  // LANG=TEXT
  std::optional<std::string> name, description, status, group;
  std::optional<int64_t> position;
  std::optional<bool> only_if_degraded;
  std::vector<std::string> members;
};

void AddComponentFields(CLI::App* cmd, ComponentFlags& f) {
  cmd->add_option("--name", f.name, "display name, in the page's default language");
  cmd->add_option("--name-in", f.names, kNameInHelp);
  cmd->add_option("--description", f.description, "one line shown under the name");
  cmd->add_option("--description-in", f.descriptions,
                  "the description in another language: LANG=TEXT (repeatable, like --name-in)");
  cmd->add_option("--status", f.status,
                  "operational, degraded_performance, partial_outage, major_outage, "
                  "under_maintenance");
  cmd->add_option("--group", f.group, "id of the group it belongs to ('' to detach)");
  cmd->add_option("--position", f.position, "display order");
  cmd->add_option("--only-show-if-degraded", f.only_if_degraded, "true or false");
}

base::Result<service::ComponentInput> ComponentInputFrom(const ComponentFlags& f) {
  service::ComponentInput in;
  in.name = f.name;
  PHARE_ASSIGN_OR_RETURN(in.names, NamesFrom(f.names));
  PHARE_ASSIGN_OR_RETURN(in.descriptions, NamesFrom(f.descriptions, "--description-in"));
  if (f.description) in.description = std::optional<std::string>(*f.description);
  if (f.status) {
    in.status = model::ParseComponentStatus(*f.status);
    if (!in.status) {
      return base::InvalidArgument(
          "'" + *f.status + "' is not one of " + std::string(model::ComponentStatusNames()),
          "--status");
    }
  }
  if (f.group) {
    in.group_id =
        f.group->empty() ? std::optional<std::string>() : std::optional<std::string>(*f.group);
  }
  in.position = f.position;
  in.only_show_if_degraded = f.only_if_degraded;
  return in;
}

// Adds `name` as a subcommand whose action runs `fn(flags, runtime)`.
template <class Flags, class Fn>
CLI::App* Command(CLI::App* parent, Action& action, const std::string& name,
                  const std::string& help, std::shared_ptr<Flags> flags, Fn fn) {
  auto* cmd = parent->add_subcommand(name, help);
  AddCommonOptions(cmd, flags->common);
  cmd->callback([flags, fn, &action] {
    action = [flags, fn] {
      auto rt = OpenRuntime(flags->common);
      if (!rt.ok()) return Fail(rt.status());
      return fn(*flags, **rt);
    };
  });
  return cmd;
}

}  // namespace

void AddComponentCommands(CLI::App& app, Action& action) {
  auto* component = app.add_subcommand("component", "Manage components and component groups");
  component->require_subcommand(1);
  auto f = std::make_shared<ComponentFlags>();

  Command(component, action, "list", "List every component, groups included", f,
          [](ComponentFlags&, Runtime& rt) {
            return Print(rt, [](const api::RenderContext& c) { return api::ComponentsJson(c); });
          });
  Command(component, action, "show", "Show one component", f,
          [](ComponentFlags& f, Runtime& rt) {
            auto c = rt.components().Get(f.id);
            if (!c.ok()) return Fail(c.status());
            return Print(
                rt, [&](const api::RenderContext& ctx) { return api::ComponentJson(ctx, *c); });
          })
      ->add_option("id", f->id, "component id")
      ->required();

  auto* create = Command(
      component, action, "create", "Create a component", f, [](ComponentFlags& f, Runtime& rt) {
        auto in = ComponentInputFrom(f);
        if (!in.ok()) return Fail(in.status());
        auto c = rt.components().Create(CliActor(), *in);
        if (!c.ok()) return Fail(c.status());
        return Print(rt,
                     [&](const api::RenderContext& ctx) { return api::ComponentJson(ctx, *c); });
      });
  AddComponentFields(create, *f);

  auto* update = Command(
      component, action, "update", "Change a component", f, [](ComponentFlags& f, Runtime& rt) {
        auto in = ComponentInputFrom(f);
        if (!in.ok()) return Fail(in.status());
        auto c = rt.components().Update(CliActor(), f.id, *in);
        if (!c.ok()) return Fail(c.status());
        return Print(rt,
                     [&](const api::RenderContext& ctx) { return api::ComponentJson(ctx, *c); });
      });
  update->add_option("id", f->id, "component id")->required();
  AddComponentFields(update, *f);

  Command(component, action, "delete", "Delete a component (a group's children are detached)", f,
          [](ComponentFlags& f, Runtime& rt) {
            auto status = rt.components().Delete(CliActor(), f.id);
            return status.ok() ? 0 : Fail(status);
          })
      ->add_option("id", f->id, "component id")
      ->required();

  auto* group = Command(
      component, action, "create-group", "Create a component group", f,
      [](ComponentFlags& f, Runtime& rt) {
        service::GroupInput in;
        in.name = f.name;
        auto names = NamesFrom(f.names);
        if (!names.ok()) return Fail(names.status());
        in.names = *names;
        if (f.description) in.description = std::optional<std::string>(*f.description);
        if (!f.members.empty()) in.components = f.members;
        auto g = rt.components().CreateGroup(CliActor(), in);
        if (!g.ok()) return Fail(g.status());
        return Print(rt, [&](const api::RenderContext& ctx) { return api::GroupJson(ctx, *g); });
      });
  group->add_option("--name", f->name, "group name, in the page's default language")->required();
  group->add_option("--name-in", f->names, kNameInHelp);
  group->add_option("--description", f->description, "one line shown under the name");
  group->add_option("--member", f->members, "id of a component in the group (repeatable)");
}

namespace {

struct IncidentFlags {
  CommonOptions common;
  std::string id;
  std::optional<std::string> name, status, impact, body, cause, from, until;
  std::vector<std::string> components;     // ID=STATUS
  std::vector<std::string> component_ids;  // ID
  std::vector<std::string> bodies;         // AUDIENCE:LANG=TEXT
  std::vector<std::string> names;          // LANG=TEXT
  bool open_only = false;
  bool no_auto_start = false, no_auto_complete = false;
  bool draft = false;
  std::optional<std::string> eta_from, eta_to, scope;
  int64_t restored = 0, total = 0;
  int limit = 50;
  std::optional<std::string> query;
};

void AddIncidentFields(CLI::App* cmd, IncidentFlags& f, bool maintenance) {
  cmd->add_option("--name", f.name, "title shown on the page, in its default language");
  cmd->add_option("--name-in", f.names, kNameInHelp);
  cmd->add_option("--status", f.status,
                  maintenance ? "scheduled, in_progress, verifying, completed"
                              : "investigating, identified, monitoring, resolved, postmortem");
  cmd->add_option("--body", f.body, "the update's text (Markdown)");
  cmd->add_option("--body-for", f.bodies,
                  "a body for one audience and language: general:fr=TEXT (repeatable)");
  cmd->add_option("--component", f.components, "set a component's status: ID=STATUS (repeatable)");
  cmd->add_option("--component-id", f.component_ids, "an affected component (repeatable)");
  if (maintenance) {
    cmd->add_option("--from", f.from, "window start: RFC 3339 or local 'YYYY-MM-DD HH:MM'");
    cmd->add_option("--until", f.until, "window end, same formats");
    cmd->add_flag("--no-auto-start", f.no_auto_start, "do not start the window automatically");
    cmd->add_flag("--no-auto-complete", f.no_auto_complete,
                  "do not complete the window automatically");
  } else {
    cmd->add_option("--impact", f.impact, "override the impact: none, minor, major, critical");
    cmd->add_option("--cause", f.cause, "cause category (power, network, software...)");
    cmd->add_flag("--draft", f.draft,
                  "draft the bodies not given (general and technical, every shipped language)");
    cmd->add_option("--eta-to", f.eta_to,
                    "your restoration estimate: a time, or the end of an interval");
    cmd->add_option("--eta-from", f.eta_from, "the start of your estimated interval");
  }
}

base::Result<service::IncidentInput> IncidentInputFrom(const IncidentFlags& f, const Runtime& rt,
                                                       bool create, bool maintenance) {
  service::IncidentInput in;
  if (create)
    in.kind = maintenance ? model::IncidentKind::kMaintenance : model::IncidentKind::kIncident;
  in.name = f.name;
  PHARE_ASSIGN_OR_RETURN(in.names, NamesFrom(f.names));
  in.body = f.body;
  in.cause = f.cause;
  if (f.status) {
    in.status = model::ParseIncidentStatus(*f.status);
    if (!in.status) return base::InvalidArgument("'" + *f.status + "' is not a status", "--status");
  }
  if (f.impact) {
    auto impact = model::ParseImpact(*f.impact);
    if (!impact) {
      return base::InvalidArgument(
          "'" + *f.impact + "' is not one of " + std::string(model::ImpactNames()), "--impact");
    }
    in.impact_override = impact;
  }
  for (const auto& spec : f.components) {
    const auto eq = spec.find('=');
    const auto status =
        eq == std::string::npos ? std::nullopt : model::ParseComponentStatus(spec.substr(eq + 1));
    if (!status) return base::InvalidArgument("'" + spec + "' is not ID=STATUS", "--component");
    in.components.emplace_back(spec.substr(0, eq), *status);
  }
  if (!f.component_ids.empty()) in.component_ids = f.component_ids;
  for (const auto& spec : f.bodies) {
    const auto colon = spec.find(':');
    const auto eq = spec.find('=');
    if (colon == std::string::npos || eq == std::string::npos || eq < colon) {
      return base::InvalidArgument("'" + spec + "' is not AUDIENCE:LANG=TEXT", "--body-for");
    }
    auto audience = model::ParseAudience(spec.substr(0, colon));
    if (!audience)
      return base::InvalidArgument("audience must be general or technical", "--body-for");
    in.bodies.push_back({*audience, spec.substr(colon + 1, eq - colon - 1), spec.substr(eq + 1)});
  }
  if (f.from) {
    PHARE_ASSIGN_OR_RETURN(in.scheduled_for, ParseCliTime(*f.from, rt.page().time_zone));
  }
  if (f.until) {
    PHARE_ASSIGN_OR_RETURN(in.scheduled_until, ParseCliTime(*f.until, rt.page().time_zone));
  }
  if (maintenance && create) {
    in.scheduled_auto_in_progress = !f.no_auto_start;
    in.scheduled_auto_completed = !f.no_auto_complete;
  }
  in.draft = f.draft;
  if (f.eta_from && !f.eta_to) return base::InvalidArgument("needs --eta-to", "--eta-from");
  if (f.eta_to) {
    model::OperatorEstimate stated;
    PHARE_ASSIGN_OR_RETURN(stated.to, ParseCliTime(*f.eta_to, rt.page().time_zone));
    if (f.eta_from) {
      PHARE_ASSIGN_OR_RETURN(stated.from, ParseCliTime(*f.eta_from, rt.page().time_zone));
    }
    in.operator_estimate = stated;
  }
  return in;
}

int PrintIncident(Runtime& rt, const base::Result<model::Incident>& i,
                  const service::PublishReport* report = nullptr) {
  if (report) {
    for (const auto& w : report->warnings) std::cerr << "phare: warning: " << w << "\n";
    for (const auto& f : report->findings) {
      std::cerr << "phare: checker: " << f.finding.rule << " (" << model::ToString(f.audience)
                << "/" << f.language << "): " << f.finding.message
                << (f.finding.suggestion.empty() ? "" : " — try: " + f.finding.suggestion) << "\n";
    }
  }
  if (!i.ok()) return Fail(i.status());
  return Print(rt, [&](const api::RenderContext& ctx) { return api::IncidentJson(ctx, *i); });
}

void AddKind(CLI::App& app, Action& action, bool maintenance) {
  const std::string noun = maintenance ? "maintenance" : "incident";
  auto* cmd = app.add_subcommand(
      noun, maintenance ? "Manage scheduled maintenance" : "Declare and update incidents");
  cmd->require_subcommand(1);
  auto f = std::make_shared<IncidentFlags>();

  auto* list = Command(
      cmd, action, "list", "List, newest first", f, [maintenance](IncidentFlags& f, Runtime& rt) {
        store::IncidentQuery q;
        q.kind = maintenance ? model::IncidentKind::kMaintenance : model::IncidentKind::kIncident;
        q.open_only = f.open_only;
        q.limit = static_cast<size_t>(f.limit);
        q.text = f.query.value_or("");
        auto list = rt.incidents().List(q);
        if (!list.ok()) return Fail(list.status());
        return Print(rt, [&](const api::RenderContext& ctx) {
          boost::json::array out;
          for (const auto& i : *list) out.emplace_back(api::IncidentJson(ctx, i));
          return out;
        });
      });
  list->add_flag("--open", f->open_only, "only those not resolved/completed");
  list->add_option("--limit", f->limit, "at most this many")->check(CLI::Range(1, 1000));
  list->add_option("--query", f->query, "text in the name");

  Command(cmd, action, "show", "Show one with its updates", f,
          [](IncidentFlags& f, Runtime& rt) { return PrintIncident(rt, rt.incidents().Get(f.id)); })
      ->add_option("id", f->id, "id")
      ->required();

  auto* create =
      Command(cmd, action, "create", maintenance ? "Schedule maintenance" : "Declare an incident",
              f, [maintenance](IncidentFlags& f, Runtime& rt) {
                auto in = IncidentInputFrom(f, rt, true, maintenance);
                if (!in.ok()) return Fail(in.status());
                return PrintIncident(rt, rt.incidents().Create(CliActor(), *in));
              });
  AddIncidentFields(create, *f, maintenance);

  auto* update = Command(cmd, action, "update", "Post an update or change fields", f,
                         [maintenance](IncidentFlags& f, Runtime& rt) {
                           auto in = IncidentInputFrom(f, rt, false, maintenance);
                           if (!in.ok()) return Fail(in.status());
                           service::PublishReport report;
                           auto updated = rt.incidents().Update(CliActor(), f.id, *in, &report);
                           return PrintIncident(rt, updated, &report);
                         });
  update->add_option("id", f->id, "id")->required();
  AddIncidentFields(update, *f, maintenance);

  Command(cmd, action, "delete", "Delete, with its updates", f,
          [](IncidentFlags& f, Runtime& rt) {
            auto status = rt.incidents().Delete(CliActor(), f.id);
            return status.ok() ? 0 : Fail(status);
          })
      ->add_option("id", f->id, "id")
      ->required();
}

}  // namespace

void AddIncidentCommands(CLI::App& app, Action& action) {
  AddKind(app, action, /*maintenance=*/false);
  AddKind(app, action, /*maintenance=*/true);
}

}  // namespace phare::app
