#include "service/incident_rules.h"

#include <algorithm>

namespace phare::service::rules {
namespace {

bool IsLanguageTag(const std::string& tag) {
  if (tag.size() < 2 || tag.size() > 16) return false;
  return std::all_of(tag.begin(), tag.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

base::Status ValidateBodies(const IncidentInput& in) {
  if (in.body && in.body->size() > model::kMaxBodyBytes) {
    return base::InvalidArgument(
        "is longer than " + std::to_string(model::kMaxBodyBytes) + " bytes", "incident.body");
  }
  if (in.bodies.size() > model::kMaxBodiesPerUpdate) {
    return base::InvalidArgument(
        "has more than " + std::to_string(model::kMaxBodiesPerUpdate) + " bodies",
        "incident.phare.bodies");
  }
  for (size_t i = 0; i < in.bodies.size(); ++i) {
    const std::string field = "incident.phare.bodies[" + std::to_string(i) + "]";
    if (!IsLanguageTag(in.bodies[i].language)) {
      return base::InvalidArgument("language must be a tag such as 'en' or 'fr'",
                                   field + ".language");
    }
    if (in.bodies[i].body.size() > model::kMaxBodyBytes) {
      return base::InvalidArgument(
          "is longer than " + std::to_string(model::kMaxBodyBytes) + " bytes", field + ".body");
    }
  }
  return base::Status::Ok();
}

}  // namespace

model::IncidentKind KindFor(const IncidentInput& in) {
  if (in.kind) return *in.kind;
  if (in.status) return model::KindOf(*in.status);
  return in.scheduled_for ? model::IncidentKind::kMaintenance : model::IncidentKind::kIncident;
}

base::Status ValidateInput(const IncidentInput& in, bool create) {
  if (create && !in.name) return base::InvalidArgument("is required", "incident.name");
  if (in.name && (in.name->empty() || in.name->size() > model::kMaxIncidentNameBytes ||
                  in.name->find_first_not_of(" \t\r\n") == std::string::npos)) {
    return base::InvalidArgument(
        "must be 1 to " + std::to_string(model::kMaxIncidentNameBytes) + " bytes of text",
        "incident.name");
  }
  PHARE_RETURN_IF_ERROR(ValidateBodies(in));
  if (in.names) {
    model::LocalizedNames names = *in.names;
    PHARE_RETURN_IF_ERROR(
        model::NormalizeNames(names, "incident.phare.names", model::kMaxIncidentNameBytes));
  }
  if (in.cause && in.cause->size() > model::kMaxCauseBytes) {
    return base::InvalidArgument(
        "is longer than " + std::to_string(model::kMaxCauseBytes) + " bytes",
        "incident.phare.cause");
  }
  const size_t referenced =
      (in.component_ids ? in.component_ids->size() : 0) + in.components.size();
  if (referenced > model::kMaxComponentsPerIncident) {
    return base::InvalidArgument("an incident affects at most " +
                                     std::to_string(model::kMaxComponentsPerIncident) +
                                     " components",
                                 "incident.components");
  }
  if (in.scheduled_for && in.scheduled_until && *in.scheduled_until <= *in.scheduled_for) {
    return base::InvalidArgument("must be after scheduled_for", "incident.scheduled_until");
  }
  if (create && KindFor(in) == model::IncidentKind::kMaintenance) {
    if (!in.scheduled_for) {
      return base::InvalidArgument("is required for scheduled maintenance",
                                   "incident.scheduled_for");
    }
    if (!in.scheduled_until) {
      return base::InvalidArgument("is required for scheduled maintenance",
                                   "incident.scheduled_until");
    }
  }
  return base::Status::Ok();
}

base::Result<ComponentTable> ComponentTable::Load(store::Tx& tx) {
  ComponentTable table;
  PHARE_ASSIGN_OR_RETURN(table.all_, tx.ListComponents());
  return table;
}

model::Component* ComponentTable::Find(const std::string& id) {
  auto it = std::find_if(all_.begin(), all_.end(), [&](const auto& c) { return c.id == id; });
  return it == all_.end() ? nullptr : &*it;
}

base::Status ComponentTable::Set(store::Tx& tx, const std::string& id,
                                 model::ComponentStatus status, base::Time now,
                                 std::vector<model::AffectedComponent>& affected) {
  model::Component* c = Find(id);
  if (!c) return base::InvalidArgument("unknown component '" + id + "'", "incident.components");
  if (c->status == status) return base::Status::Ok();
  affected.push_back({c->id, c->name, c->status, status});
  c->status = status;
  c->updated_at = now;
  return tx.UpdateComponent(*c);
}

base::Status CheckComponentId(ComponentTable& table, const std::string& id,
                              const std::string& field) {
  const model::Component* c = table.Find(id);
  if (!c) return base::InvalidArgument("unknown component '" + id + "'", field);
  if (c->group) {
    return base::InvalidArgument("'" + id + "' is a component group; name its components instead",
                                 field);
  }
  return base::Status::Ok();
}

base::Status CheckComponentIds(ComponentTable& table, const std::vector<std::string>& ids,
                               const char* field) {
  for (size_t i = 0; i < ids.size(); ++i) {
    PHARE_RETURN_IF_ERROR(
        CheckComponentId(table, ids[i], std::string(field) + "[" + std::to_string(i) + "]"));
  }
  return base::Status::Ok();
}

namespace {

// Components that another open incident (not `self`) lists.
base::Result<std::set<std::string>> HeldByOthers(store::Tx& tx, const std::string& self) {
  store::IncidentQuery q;
  q.open_only = true;
  q.limit = 10000;
  PHARE_ASSIGN_OR_RETURN(auto open, tx.ListIncidents(q));
  std::set<std::string> held;
  for (const auto& other : open) {
    if (other.id == self || other.kind != model::IncidentKind::kIncident) continue;
    held.insert(other.component_ids.begin(), other.component_ids.end());
  }
  return held;
}

}  // namespace

base::Status ApplyTransition(store::Tx& tx, ComponentTable& table, const model::Incident& i,
                             model::IncidentStatus old_status,
                             const std::set<std::string>& explicit_ids, base::Time now,
                             std::vector<model::AffectedComponent>& affected) {
  using S = model::IncidentStatus;
  const bool was_active = old_status == S::kInProgress || old_status == S::kVerifying;
  const bool is_active = i.status == S::kInProgress || i.status == S::kVerifying;
  if (i.kind == model::IncidentKind::kMaintenance && !was_active && is_active) {
    for (const auto& id : i.component_ids) {
      if (explicit_ids.count(id)) continue;
      const model::Component* c = table.Find(id);
      if (!c || c->status == model::ComponentStatus::kUnderMaintenance) continue;
      PHARE_RETURN_IF_ERROR(tx.SaveComponentStatus(i.id, id, c->status));
      PHARE_RETURN_IF_ERROR(
          table.Set(tx, id, model::ComponentStatus::kUnderMaintenance, now, affected));
    }
    return base::Status::Ok();
  }
  if (i.kind == model::IncidentKind::kMaintenance && i.status == S::kCompleted &&
      old_status != S::kCompleted) {
    PHARE_ASSIGN_OR_RETURN(auto saved, tx.SavedComponentStatuses(i.id));
    for (const auto& [id, status] : saved) {
      const model::Component* c = table.Find(id);
      if (explicit_ids.count(id) || !c || c->status != model::ComponentStatus::kUnderMaintenance) {
        continue;
      }
      PHARE_RETURN_IF_ERROR(table.Set(tx, id, status, now, affected));
      PHARE_RETURN_IF_ERROR(tx.SaveComponentStatus(i.id, id, std::nullopt));
    }
    return base::Status::Ok();
  }
  if (i.kind == model::IncidentKind::kIncident && model::IsClosed(i.status) &&
      !model::IsClosed(old_status)) {
    PHARE_ASSIGN_OR_RETURN(auto held, HeldByOthers(tx, i.id));
    for (const auto& id : i.component_ids) {
      const model::Component* c = table.Find(id);
      if (explicit_ids.count(id) || held.count(id) || !c ||
          c->status == model::ComponentStatus::kUnderMaintenance) {
        continue;
      }
      PHARE_RETURN_IF_ERROR(table.Set(tx, id, model::ComponentStatus::kOperational, now, affected));
    }
  }
  return base::Status::Ok();
}

void StampStatusTimes(model::Incident& i, base::Time now) {
  using S = model::IncidentStatus;
  switch (i.status) {
    case S::kIdentified:
      if (!i.identified_at) i.identified_at = now;
      break;
    case S::kMonitoring:
    case S::kVerifying:
      if (!i.monitoring_at) i.monitoring_at = now;
      break;
    case S::kResolved:
    case S::kPostmortem:
    case S::kCompleted:
      if (!i.resolved_at) i.resolved_at = now;
      break;
    default:
      break;
  }
  if (!model::IsClosed(i.status)) i.resolved_at.reset();
}

model::Impact ComputeImpact(const model::Incident& i, ComponentTable& table) {
  if (i.impact_override) return *i.impact_override;
  if (i.kind == model::IncidentKind::kMaintenance) return model::Impact::kNone;
  model::Impact worst = i.impact;
  for (const auto& id : i.component_ids) {
    if (const model::Component* c = table.Find(id)) {
      worst = std::max(worst, model::ImpactOf(c->status));
    }
  }
  return worst;
}

std::string_view AutomaticBody(model::IncidentStatus status) {
  switch (status) {
    case model::IncidentStatus::kInProgress:
      return "Scheduled maintenance is currently in progress. We will provide updates as "
             "necessary.";
    case model::IncidentStatus::kCompleted:
      return "The scheduled maintenance has been completed.";
    default:
      return "";
  }
}

}  // namespace phare::service::rules
