#include "service/incidents.h"

#include <algorithm>
#include <set>

#include "base/random.h"
#include "service/audit.h"
#include "service/incident_rules.h"

namespace phare::service {
namespace {

using rules::ComponentTable;

base::Status ApplyFields(ComponentTable& table, const IncidentInput& in, model::Incident& i) {
  if (in.name) i.name = *in.name;
  if (in.impact_override) i.impact_override = *in.impact_override;
  if (in.scheduled_for) i.scheduled_for = *in.scheduled_for;
  if (in.scheduled_until) i.scheduled_until = *in.scheduled_until;
  if (i.scheduled_for && i.scheduled_until && *i.scheduled_until <= *i.scheduled_for) {
    return base::InvalidArgument("must be after scheduled_for", "incident.scheduled_until");
  }
  if (in.scheduled_remind_prior) i.scheduled_remind_prior = *in.scheduled_remind_prior;
  if (in.scheduled_auto_in_progress) i.scheduled_auto_in_progress = *in.scheduled_auto_in_progress;
  if (in.scheduled_auto_completed) i.scheduled_auto_completed = *in.scheduled_auto_completed;
  if (in.cause) i.cause = *in.cause;
  if (in.next_update_at) i.next_update_at = *in.next_update_at;
  if (in.started_at) i.started_at = *in.started_at;
  if (in.status) {
    if (model::KindOf(*in.status) != i.kind) {
      return base::InvalidArgument(
          "must be one of " + std::string(model::StatusNames(i.kind)) + " for " +
              std::string(model::ToString(i.kind) == "incident" ? "an incident"
                                                                : "scheduled maintenance"),
          "incident.status");
    }
    i.status = *in.status;
  }
  if (in.component_ids) {
    PHARE_RETURN_IF_ERROR(
        rules::CheckComponentIds(table, *in.component_ids, "incident.component_ids"));
    i.component_ids = *in.component_ids;
  }
  for (const auto& [id, status] : in.components) {
    if (std::find(i.component_ids.begin(), i.component_ids.end(), id) == i.component_ids.end()) {
      i.component_ids.push_back(id);
    }
  }
  for (const auto& [id, status] : in.components) {
    PHARE_RETURN_IF_ERROR(rules::CheckComponentId(table, id, "incident.components." + id));
  }
  return base::Status::Ok();
}

// Applies `in` to `i` (fields, component statuses, status side effects) and, when
// something public changed, appends an update. Writes the incident.
base::Status Change(store::Tx& tx, ComponentTable& table, model::Incident& i,
                    const IncidentInput& in, base::Time now, base::Random& random, bool create) {
  const model::IncidentStatus old_status = i.status;
  PHARE_RETURN_IF_ERROR(ApplyFields(table, in, i));
  std::vector<model::AffectedComponent> affected;
  std::set<std::string> explicit_ids;
  for (const auto& [id, status] : in.components) {
    explicit_ids.insert(id);
    PHARE_RETURN_IF_ERROR(table.Set(tx, id, status, now, affected));
  }
  PHARE_RETURN_IF_ERROR(
      rules::ApplyTransition(tx, table, i, create ? model::IncidentStatus::kScheduled : old_status,
                             explicit_ids, now, affected));
  rules::StampStatusTimes(i, now);
  i.impact = rules::ComputeImpact(i, table);
  i.updated_at = now;
  PHARE_RETURN_IF_ERROR(tx.PutIncident(i));

  const bool status_changed = create || i.status != old_status;
  if (!status_changed && !in.body && in.bodies.empty() && affected.empty()) {
    return base::Status::Ok();
  }
  model::IncidentUpdate u;
  u.id = base::NewId(random);
  u.incident_id = i.id;
  u.status = i.status;
  u.body = in.body.value_or(std::string(create ? "" : rules::AutomaticBody(i.status)));
  u.created_at = u.updated_at = u.display_at = now;
  if (!affected.empty()) u.affected_components = std::move(affected);
  u.deliver_notifications = in.deliver_notifications.value_or(true);
  u.bodies = in.bodies;
  u.next_update_at = i.next_update_at;
  if (!i.estimates.empty()) u.estimate = i.estimates.front();
  PHARE_RETURN_IF_ERROR(tx.InsertUpdate(u));
  i.updates.insert(i.updates.begin(), std::move(u));
  return base::Status::Ok();
}

}  // namespace

base::Result<std::vector<model::Incident>> IncidentService::List(const store::IncidentQuery& q) {
  std::vector<model::Incident> out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.ListIncidents(q));
    return base::Status::Ok();
  }));
  return out;
}

base::Result<model::Incident> IncidentService::Get(const std::string& id) {
  model::Incident out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.GetIncident(id));
    return base::Status::Ok();
  }));
  return out;
}

base::Result<model::Incident> IncidentService::Create(const model::Actor& actor,
                                                      const IncidentInput& in) {
  PHARE_RETURN_IF_ERROR(rules::ValidateInput(in, /*create=*/true));
  const auto now = ctx_.clock.Now();
  model::Incident i;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto page, tx.GetPage());
    PHARE_ASSIGN_OR_RETURN(auto table, ComponentTable::Load(tx));
    i.id = base::NewId(ctx_.random);
    i.page_id = page.id;
    i.kind = rules::KindFor(in);
    i.status = i.kind == model::IncidentKind::kIncident ? model::IncidentStatus::kInvestigating
                                                        : model::IncidentStatus::kScheduled;
    i.created_at = now;
    i.started_at =
        in.scheduled_for && i.kind == model::IncidentKind::kMaintenance ? *in.scheduled_for : now;
    PHARE_RETURN_IF_ERROR(Change(tx, table, i, in, now, ctx_.random, /*create=*/true));
    return RecordAudit(
        tx, actor, now,
        i.kind == model::IncidentKind::kIncident ? "incident.create" : "maintenance.create",
        "incident", i.id);
  }));
  ctx_.on_change();
  return i;
}

base::Result<model::Incident> IncidentService::Update(const model::Actor& actor,
                                                      const std::string& id,
                                                      const IncidentInput& in) {
  PHARE_RETURN_IF_ERROR(rules::ValidateInput(in, /*create=*/false));
  if (in.kind) {
    return base::InvalidArgument("cannot change once created", "incident.phare.kind");
  }
  const auto now = ctx_.clock.Now();
  model::Incident i;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(i, tx.GetIncident(id));
    PHARE_ASSIGN_OR_RETURN(auto table, ComponentTable::Load(tx));
    PHARE_RETURN_IF_ERROR(Change(tx, table, i, in, now, ctx_.random, /*create=*/false));
    return RecordAudit(tx, actor, now, "incident.update", "incident", i.id);
  }));
  ctx_.on_change();
  return i;
}

base::Result<model::Incident> IncidentService::EditUpdate(const model::Actor& actor,
                                                          const std::string& id,
                                                          const std::string& update_id,
                                                          const UpdateEdit& edit) {
  if (edit.body && edit.body->size() > model::kMaxBodyBytes) {
    return base::InvalidArgument("is too long", "incident_update.body");
  }
  const auto now = ctx_.clock.Now();
  model::Incident i;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(i, tx.GetIncident(id));
    auto it = std::find_if(i.updates.begin(), i.updates.end(),
                           [&](const auto& u) { return u.id == update_id; });
    if (it == i.updates.end()) {
      return base::NotFound("incident update '" + update_id + "' does not exist");
    }
    if (edit.body) it->body = *edit.body;
    if (edit.display_at) it->display_at = *edit.display_at;
    if (edit.deliver_notifications) it->deliver_notifications = *edit.deliver_notifications;
    it->updated_at = now;
    PHARE_RETURN_IF_ERROR(tx.UpdateUpdate(*it));
    return RecordAudit(tx, actor, now, "incident_update.update", "incident_update", update_id);
  }));
  ctx_.on_change();
  return Get(id);
}

base::Status IncidentService::Delete(const model::Actor& actor, const std::string& id) {
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.DeleteIncident(id));
    return RecordAudit(tx, actor, now, "incident.delete", "incident", id);
  }));
  ctx_.on_change();
  return base::Status::Ok();
}

base::Result<int> IncidentService::AdvanceMaintenance() {
  const auto now = ctx_.clock.Now();
  int changed = 0;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto due, tx.DueMaintenance(now));
    if (due.empty()) return base::Status::Ok();
    PHARE_ASSIGN_OR_RETURN(auto table, ComponentTable::Load(tx));
    for (const auto& id : due) {
      PHARE_ASSIGN_OR_RETURN(auto i, tx.GetIncident(id));
      IncidentInput in;
      const bool ended = i.scheduled_until && *i.scheduled_until <= now;
      if (i.status == model::IncidentStatus::kScheduled && !(ended && i.scheduled_auto_completed)) {
        in.status = model::IncidentStatus::kInProgress;
      } else {
        in.status = model::IncidentStatus::kCompleted;
      }
      in.body = std::string(rules::AutomaticBody(*in.status));
      PHARE_RETURN_IF_ERROR(Change(tx, table, i, in, now, ctx_.random, /*create=*/false));
      PHARE_RETURN_IF_ERROR(RecordAudit(tx, model::Actor{"scheduler"}, now,
                                        "maintenance." + std::string(model::ToString(i.status)),
                                        "incident", i.id));
      ++changed;
    }
    return base::Status::Ok();
  }));
  if (changed) ctx_.on_change();
  return changed;
}

}  // namespace phare::service
