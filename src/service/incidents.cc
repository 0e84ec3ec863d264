#include "service/incidents.h"

#include <algorithm>
#include <set>

#include "base/random.h"
#include "service/audit.h"
#include "service/estimates.h"
#include "service/incident_rules.h"
#include "service/inventory.h"
#include "service/notifications.h"

namespace phare::service {
namespace {

using rules::ComponentTable;

base::Status ApplyFields(ComponentTable& table, const IncidentInput& in, model::Incident& i) {
  if (in.name) i.name = *in.name;
  if (in.names) {  // validated by rules::ValidateInput
    i.names = *in.names;
    PHARE_RETURN_IF_ERROR(
        model::NormalizeNames(i.names, "incident.phare.names", model::kMaxIncidentNameBytes));
  }
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

// Everything one write needs besides the incident and its input.
struct ChangeEnv {
  store::Tx& tx;
  ComponentTable& table;
  base::Time now;
  base::Random& random;
  const Policies& policies;
  PublishReport& report;
  bool enforce_checker = true;  // automatic updates (the scheduler's) are never blocked
  InventoryService* inventory = nullptr;
};

// Applies the component statuses the inventory graph gives after the node reports of
// `in` (and the incident opening or closing); explicit statuses and maintenance win.
base::Status ApplyGraph(ChangeEnv& env, model::Incident& i, const IncidentInput& in,
                        std::optional<model::IncidentStatus> old_status,
                        const std::set<std::string>& explicit_ids,
                        std::vector<model::AffectedComponent>& affected) {
  if (!env.inventory) {
    if (in.root_nodes.empty()) return base::Status::Ok();
    return {base::Code::kFailedPrecondition, "node reports need the inventory",
            in.root_nodes_field};
  }
  PHARE_ASSIGN_OR_RETURN(auto graph,
                         env.inventory->ApplyToIncident(env.tx, i, old_status, in.root_nodes,
                                                        in.root_nodes_field, env.now));
  for (const auto& [id, status] : graph.changes) {
    const model::Component* c = env.table.Find(id);
    if (explicit_ids.count(id) || !c || c->status == model::ComponentStatus::kUnderMaintenance) {
      continue;
    }
    PHARE_RETURN_IF_ERROR(env.table.Set(env.tx, id, status, env.now, affected));
  }
  for (const auto& id : graph.affected) {
    if (std::find(i.component_ids.begin(), i.component_ids.end(), id) == i.component_ids.end()) {
      i.component_ids.push_back(id);
    }
  }
  return base::Status::Ok();
}

// The promise of the next update: the operator's, else the cadence's for open
// incidents; none once closed or for maintenance.
void PromiseNextUpdate(model::Incident& i, const IncidentInput& in, base::Time now,
                       const Policies& policies) {
  if (model::IsClosed(i.status) || i.kind != model::IncidentKind::kIncident) {
    i.next_update_at.reset();
  } else if (!in.next_update_at) {
    i.next_update_at = comms::NextUpdateDue(now, policies.cadence);
  }
}

// The bodies of the new update: the operator's, plus drafts when asked; the default
// `body` falls back to the draft in the page's default audience and language.
base::Status ComposeBodies(ChangeEnv& env, const model::Incident& i, const IncidentInput& in,
                           const EarlierMessages& earlier, model::IncidentUpdate& u) {
  u.bodies = in.bodies;
  if (!in.draft) return base::Status::Ok();
  // The operator's own `body` is their text for the page's default audience and language:
  // a draft must not take its place there.
  const auto is_default = [&](const model::LocalizedBody& b) {
    return b.audience == env.policies.default_audience &&
           b.language == env.policies.default_language;
  };
  if (!u.body.empty() && std::none_of(u.bodies.begin(), u.bodies.end(), is_default)) {
    u.bodies.push_back({env.policies.default_audience, env.policies.default_language, u.body});
  }
  auto drafts =
      comms::DraftUpdate(DraftState(i, env.table.all(), in.draft_facts, env.now, earlier));
  if (!drafts.ok()) {
    return base::InvalidArgument(drafts.status().message(), "incident.phare.draft");
  }
  MergeDrafts(*drafts, u.bodies);
  for (auto& note : drafts->notes) env.report.warnings.push_back("draft: " + note);
  if (u.body.empty()) {
    for (const auto& b : u.bodies) {
      if (is_default(b)) u.body = b.body;
    }
  }
  return base::Status::Ok();
}

// Runs the checker; fails (and so writes nothing) when a finding blocks publishing.
base::Status CheckUpdate(ChangeEnv& env, const model::Incident& i, const model::IncidentUpdate& u,
                         const EarlierMessages& earlier) {
  PHARE_ASSIGN_OR_RETURN(auto page, env.tx.GetPage());
  auto zone = base::Zone::Find(page.time_zone);
  PHARE_ASSIGN_OR_RETURN(auto findings,
                         CheckBodies(i, env.table.all(), u.body, u.bodies, earlier, env.now,
                                     env.policies, zone.ok() ? *zone : base::Zone::Utc()));
  std::string blocking;
  for (const auto& f : findings) {
    if (!f.finding.blocking) continue;
    if (!blocking.empty()) blocking += ", ";
    blocking +=
        f.finding.rule + " (" + std::string(model::ToString(f.audience)) + "/" + f.language + ")";
  }
  env.report.findings = std::move(findings);
  if (!blocking.empty() && env.enforce_checker) {
    return base::InvalidArgument("the message checker blocks publishing: " + blocking,
                                 "incident.body");
  }
  return base::Status::Ok();
}

// Applies `in` to `i` (fields, component statuses, status side effects, the promised
// next update, estimates) and, when something public changed, appends a checked update.
// Writes the incident.
base::Status Change(ChangeEnv& env, model::Incident& i, const IncidentInput& in, bool create) {
  const model::IncidentStatus old_status = i.status;
  PHARE_RETURN_IF_ERROR(ApplyFields(env.table, in, i));
  std::vector<model::AffectedComponent> affected;
  std::set<std::string> explicit_ids;
  for (const auto& [id, status] : in.components) {
    explicit_ids.insert(id);
    PHARE_RETURN_IF_ERROR(env.table.Set(env.tx, id, status, env.now, affected));
  }
  PHARE_RETURN_IF_ERROR(rules::ApplyTransition(
      env.tx, env.table, i, create ? model::IncidentStatus::kScheduled : old_status, explicit_ids,
      env.now, affected));
  const bool operator_changes = !affected.empty();  // the graph's alone publish nothing
  PHARE_RETURN_IF_ERROR(ApplyGraph(env, i, in, create ? std::nullopt : std::optional(old_status),
                                   explicit_ids, affected));
  rules::StampStatusTimes(i, env.now);
  i.impact = rules::ComputeImpact(i, env.table);
  i.updated_at = env.now;

  const bool status_changed = create || i.status != old_status;
  const bool publishes = status_changed || in.body || !in.bodies.empty() || operator_changes ||
                         in.draft || in.operator_estimate;
  if (publishes) PromiseNextUpdate(i, in, env.now, env.policies);
  if (in.operator_estimate) {
    model::OperatorEstimate stated = *in.operator_estimate;
    stated.stated_at = env.now;
    PHARE_RETURN_IF_ERROR(env.tx.PutIncident(i));  // a new incident's row must exist first
    PHARE_RETURN_IF_ERROR(env.tx.AddOperatorEstimate(i.id, stated));
  }
  PHARE_ASSIGN_OR_RETURN(auto warnings, RecomputeEstimates(env.tx, i, env.now, env.policies.eta));
  for (auto& w : warnings) env.report.warnings.push_back(std::move(w));
  PHARE_RETURN_IF_ERROR(env.tx.PutIncident(i));
  PostmortemFields postmortem = in.postmortem;
  if (!postmortem.promised_by) postmortem.promised_by = in.draft_facts.postmortem_by;
  PHARE_RETURN_IF_ERROR(ApplyPostmortemFields(env.tx, i, postmortem, env.policies, env.now));
  if (!publishes) return base::Status::Ok();

  model::IncidentUpdate u;
  u.id = base::NewId(env.random);
  u.incident_id = i.id;
  u.status = i.status;
  u.body = in.body.value_or(std::string(create ? "" : rules::AutomaticBody(i.status)));
  u.created_at = u.updated_at = u.display_at = env.now;
  if (!affected.empty()) u.affected_components = std::move(affected);
  u.deliver_notifications = in.deliver_notifications.value_or(true);
  // i.updates holds the earlier updates until this one is inserted below.
  const EarlierMessages earlier = EarlierMessagesOf(i.updates, env.policies);
  PHARE_RETURN_IF_ERROR(ComposeBodies(env, i, in, earlier, u));
  PHARE_RETURN_IF_ERROR(CheckUpdate(env, i, u, earlier));
  u.next_update_at = i.next_update_at;
  if (!i.estimates.empty()) u.estimate = i.estimates.front();
  PHARE_RETURN_IF_ERROR(env.tx.InsertUpdate(u));
  // The notification's fan-out job commits (or rolls back) with the update itself.
  PHARE_RETURN_IF_ERROR(QueueNotifications(env.tx, i, u, old_status, create, env.now));
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
                                                      const IncidentInput& in,
                                                      PublishReport* report) {
  PHARE_RETURN_IF_ERROR(rules::ValidateInput(in, /*create=*/true));
  const auto now = ctx_.clock.Now();
  model::Incident i;
  PublishReport local;
  PublishReport& out = report ? *report : local;
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
    ChangeEnv env{tx, table, now, ctx_.random, ctx_.policies, out};
    env.inventory = inventory_;
    PHARE_RETURN_IF_ERROR(Change(env, i, in, /*create=*/true));
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
                                                      const IncidentInput& in,
                                                      PublishReport* report) {
  PHARE_RETURN_IF_ERROR(rules::ValidateInput(in, /*create=*/false));
  if (in.kind) {
    return base::InvalidArgument("cannot change once created", "incident.phare.kind");
  }
  const auto now = ctx_.clock.Now();
  model::Incident i;
  PublishReport local;
  PublishReport& out = report ? *report : local;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(i, tx.GetIncident(id));
    PHARE_ASSIGN_OR_RETURN(auto table, ComponentTable::Load(tx));
    ChangeEnv env{tx, table, now, ctx_.random, ctx_.policies, out};
    env.inventory = inventory_;
    PHARE_RETURN_IF_ERROR(Change(env, i, in, /*create=*/false));
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
      PublishReport report;
      ChangeEnv env{tx, table, now, ctx_.random, ctx_.policies, report, false};
      PHARE_RETURN_IF_ERROR(Change(env, i, in, /*create=*/false));
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
