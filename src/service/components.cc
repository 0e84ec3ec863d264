#include "service/components.h"

#include <algorithm>

#include "base/random.h"
#include "service/audit.h"
#include "service/notifications.h"
#include "service/page.h"

namespace phare::service {
namespace {

base::Status ValidateName(const std::string& name, const char* field) {
  if (name.empty() || name.size() > model::kMaxComponentNameBytes ||
      name.find_first_not_of(" \t\r\n") == std::string::npos) {
    return base::InvalidArgument(
        "must be 1 to " + std::to_string(model::kMaxComponentNameBytes) + " bytes of text", field);
  }
  return base::Status::Ok();
}

base::Status ValidateDescription(const std::optional<std::optional<std::string>>& d,
                                 const char* field) {
  if (d && *d && (*d)->size() > model::kMaxDescriptionBytes) {
    return base::InvalidArgument(
        "is longer than " + std::to_string(model::kMaxDescriptionBytes) + " bytes", field);
  }
  return base::Status::Ok();
}

// Validates and normalizes `names` into `out` when given.
base::Status ApplyNames(const std::optional<model::LocalizedNames>& names, const char* field,
                        model::LocalizedNames& out,
                        size_t max_bytes = model::kMaxComponentNameBytes) {
  if (!names) return base::Status::Ok();
  model::LocalizedNames normalized = *names;
  PHARE_RETURN_IF_ERROR(model::NormalizeNames(normalized, field, max_bytes));
  out = std::move(normalized);
  return base::Status::Ok();
}

int32_t NextPosition(const std::vector<model::Component>& all) {
  int32_t max = 0;
  for (const auto& c : all) max = std::max(max, c.position);
  return max + 1;
}

}  // namespace

std::vector<const model::Component*> ChildrenOf(const std::vector<model::Component>& all,
                                                const std::string& group_id) {
  std::vector<const model::Component*> out;
  for (const auto& c : all) {
    if (c.group_id && *c.group_id == group_id) out.push_back(&c);
  }
  return out;
}

base::Result<std::vector<model::Component>> ComponentService::List() {
  std::vector<model::Component> out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.ListComponents());
    return base::Status::Ok();
  }));
  return out;
}

base::Result<ComponentHistory> ComponentService::History(const std::string& id, base::Time since) {
  ComponentHistory out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out.component, tx.GetComponent(id));
    if (out.component.group) return base::NotFound("'" + id + "' is a group, not a component");
    PHARE_ASSIGN_OR_RETURN(auto page, tx.GetPage());
    out.time_zone = page.time_zone;
    PHARE_ASSIGN_OR_RETURN(auto changes, tx.ListStatusChanges(since));
    for (auto& c : changes) {
      if (c.component_id == id) out.changes.push_back(std::move(c));
    }
    store::IncidentQuery q;
    q.kind = model::IncidentKind::kIncident;
    q.updated_since = since;
    q.limit = 5000;
    PHARE_ASSIGN_OR_RETURN(auto incidents, tx.ListIncidents(q));
    for (auto& i : incidents) {
      if (std::find(i.component_ids.begin(), i.component_ids.end(), id) != i.component_ids.end()) {
        out.incidents.push_back(std::move(i));
      }
    }
    return base::Status::Ok();
  }));
  return out;
}

base::Result<model::Component> ComponentService::Get(const std::string& id) {
  model::Component out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.GetComponent(id));
    return base::Status::Ok();
  }));
  return out;
}

base::Status ComponentService::Apply(store::Tx& tx, const ComponentInput& in, model::Component& c) {
  if (in.name) {
    PHARE_RETURN_IF_ERROR(ValidateName(*in.name, "component.name"));
    c.name = *in.name;
  }
  PHARE_RETURN_IF_ERROR(ApplyNames(in.names, "component.phare.names", c.names));
  PHARE_RETURN_IF_ERROR(ApplyNames(in.descriptions, "component.phare.descriptions", c.descriptions,
                                   model::kMaxDescriptionBytes));
  PHARE_RETURN_IF_ERROR(ValidateDescription(in.description, "component.description"));
  if (in.description) c.description = *in.description;
  if (in.status) {
    if (c.group)
      return base::InvalidArgument("a group's status follows its children", "component.status");
    c.status = *in.status;
  }
  if (in.position) {
    if (*in.position < 0 || *in.position > 100000) {
      return base::InvalidArgument("must be between 0 and 100000", "component.position");
    }
    c.position = static_cast<int32_t>(*in.position);
  }
  if (in.product) {
    if (in.product->size() > 64 ||
        in.product->find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
      return base::InvalidArgument("must be a product code such as dedicated_servers",
                                   "component.phare.product");
    }
    c.product = *in.product;
  }
  if (in.location) {
    if (in.location->size() > 100) {
      return base::InvalidArgument("is longer than 100 bytes", "component.phare.location");
    }
    c.location = *in.location;
  }
  if (in.showcase) c.showcase = *in.showcase;
  if (in.only_show_if_degraded) c.only_show_if_degraded = *in.only_show_if_degraded;
  if (in.start_date) {
    c.start_date.reset();
    if (*in.start_date) {
      auto date = base::ValidateDate(**in.start_date);
      if (!date.ok()) return base::InvalidArgument(date.status().message(), "component.start_date");
      c.start_date = *date;
    }
  }
  if (in.group_id) {
    c.group_id.reset();
    if (*in.group_id) {
      if (c.group) {
        return {base::Code::kFailedPrecondition, "a group cannot belong to another group",
                "component.group_id"};
      }
      auto group = tx.GetComponent(**in.group_id);
      if (!group.ok() || !group->group) {
        return base::InvalidArgument("'" + **in.group_id + "' is not a component group",
                                     "component.group_id");
      }
      c.group_id = **in.group_id;
    }
  }
  return base::Status::Ok();
}

base::Result<model::Component> ComponentService::Create(const model::Actor& actor,
                                                        const ComponentInput& input) {
  if (!input.name) return base::InvalidArgument("is required", "component.name");
  model::Component c;
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto page, tx.GetPage());
    PHARE_ASSIGN_OR_RETURN(auto all, tx.ListComponents());
    if (all.size() >= model::kMaxComponents) {
      return base::Status(
          base::Code::kResourceExhausted,
          "a page holds at most " + std::to_string(model::kMaxComponents) + " components");
    }
    c.id = base::NewId(ctx_.random);
    c.page_id = page.id;
    c.position = NextPosition(all);
    c.created_at = c.updated_at = now;
    PHARE_RETURN_IF_ERROR(Apply(tx, input, c));
    PHARE_RETURN_IF_ERROR(tx.InsertComponent(c));
    return RecordAudit(tx, actor, now, "component.create", "component", c.id);
  }));
  ctx_.on_change();
  return c;
}

base::Result<model::Component> ComponentService::Update(const model::Actor& actor,
                                                        const std::string& id,
                                                        const ComponentInput& input) {
  model::Component c;
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(c, tx.GetComponent(id));
    const model::ComponentStatus previous = c.status;
    PHARE_RETURN_IF_ERROR(Apply(tx, input, c));
    c.updated_at = now;
    PHARE_RETURN_IF_ERROR(tx.UpdateComponent(c));
    if (c.status != previous && !c.group) {
      PHARE_RETURN_IF_ERROR(
          QueueComponentNotification(tx, c, previous, base::NewId(ctx_.random), now));
    }
    return RecordAudit(tx, actor, now, "component.update", "component", c.id);
  }));
  ctx_.on_change();
  return c;
}

base::Status ComponentService::Delete(const model::Actor& actor, const std::string& id) {
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto c, tx.GetComponent(id));
    if (c.group) {
      PHARE_ASSIGN_OR_RETURN(auto all, tx.ListComponents());
      for (const auto* child : ChildrenOf(all, id)) {
        model::Component detached = *child;
        detached.group_id.reset();
        detached.updated_at = now;
        PHARE_RETURN_IF_ERROR(tx.UpdateComponent(detached));
      }
    }
    PHARE_RETURN_IF_ERROR(tx.DeleteComponent(id));
    return RecordAudit(tx, actor, now, c.group ? "component_group.delete" : "component.delete",
                       "component", id);
  }));
  ctx_.on_change();
  return base::Status::Ok();
}

base::Status ComponentService::SetChildren(store::Tx& tx, const model::Component& group,
                                           const std::vector<std::string>& children) {
  PHARE_ASSIGN_OR_RETURN(auto all, tx.ListComponents());
  for (size_t i = 0; i < children.size(); ++i) {
    auto it =
        std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.id == children[i]; });
    const std::string field = "component_group.components[" + std::to_string(i) + "]";
    if (it == all.end())
      return base::InvalidArgument("unknown component '" + children[i] + "'", field);
    if (it->group) return base::InvalidArgument("'" + children[i] + "' is itself a group", field);
  }
  for (auto& c : all) {
    const bool wanted = std::find(children.begin(), children.end(), c.id) != children.end();
    const bool member = c.group_id && *c.group_id == group.id;
    if (wanted == member) continue;
    if (wanted) {
      c.group_id = group.id;
    } else {
      c.group_id.reset();
    }
    c.updated_at = group.updated_at;
    PHARE_RETURN_IF_ERROR(tx.UpdateComponent(c));
  }
  return base::Status::Ok();
}

base::Result<model::Component> ComponentService::CreateGroup(const model::Actor& actor,
                                                             const GroupInput& input) {
  if (!input.name) return base::InvalidArgument("is required", "component_group.name");
  PHARE_RETURN_IF_ERROR(ValidateName(*input.name, "component_group.name"));
  PHARE_RETURN_IF_ERROR(ValidateDescription(input.description, "component_group.description"));
  model::Component g;
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto page, tx.GetPage());
    PHARE_ASSIGN_OR_RETURN(auto all, tx.ListComponents());
    g.id = base::NewId(ctx_.random);
    g.page_id = page.id;
    g.group = true;
    g.name = *input.name;
    PHARE_RETURN_IF_ERROR(ApplyNames(input.names, "component_group.phare.names", g.names));
    if (input.description) g.description = *input.description;
    g.position = input.position ? static_cast<int32_t>(*input.position) : NextPosition(all);
    g.created_at = g.updated_at = now;
    PHARE_RETURN_IF_ERROR(tx.InsertComponent(g));
    if (input.components) PHARE_RETURN_IF_ERROR(SetChildren(tx, g, *input.components));
    return RecordAudit(tx, actor, now, "component_group.create", "component", g.id);
  }));
  ctx_.on_change();
  return g;
}

base::Result<model::Component> ComponentService::UpdateGroup(const model::Actor& actor,
                                                             const std::string& id,
                                                             const GroupInput& input) {
  model::Component g;
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(g, tx.GetComponent(id));
    if (!g.group) return base::NotFound("component group '" + id + "' does not exist");
    if (input.name) {
      PHARE_RETURN_IF_ERROR(ValidateName(*input.name, "component_group.name"));
      g.name = *input.name;
    }
    PHARE_RETURN_IF_ERROR(ApplyNames(input.names, "component_group.phare.names", g.names));
    PHARE_RETURN_IF_ERROR(ValidateDescription(input.description, "component_group.description"));
    if (input.description) g.description = *input.description;
    if (input.position) g.position = static_cast<int32_t>(*input.position);
    g.updated_at = now;
    PHARE_RETURN_IF_ERROR(tx.UpdateComponent(g));
    if (input.components) PHARE_RETURN_IF_ERROR(SetChildren(tx, g, *input.components));
    return RecordAudit(tx, actor, now, "component_group.update", "component", g.id);
  }));
  ctx_.on_change();
  return g;
}

}  // namespace phare::service
