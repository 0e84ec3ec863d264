#include "service/postmortems.h"

#include <algorithm>

#include "comms/postmortem_draft.h"
#include "service/audit.h"
#include "service/graph_state.h"
#include "service/incidents.h"
#include "service/inventory.h"
#include "service/postmortem_state.h"

namespace phare::service {
namespace {

base::Zone PageZone(store::Tx& tx) {
  auto page = tx.GetPage();
  if (!page.ok()) return base::Zone::Utc();
  auto zone = base::Zone::Find(page->time_zone);
  return zone.ok() ? *zone : base::Zone::Utc();
}

// Replaces the body of the same audience and language, or adds it.
void PutBody(std::vector<model::LocalizedBody>& bodies, model::LocalizedBody body) {
  for (auto& b : bodies) {
    if (b.audience == body.audience && b.language == body.language) {
      b.body = std::move(body.body);
      return;
    }
  }
  bodies.push_back(std::move(body));
}

base::Status ValidateInput(const PostmortemInput& in) {
  if (in.bodies.size() > model::kMaxPostmortemBodies) {
    return base::InvalidArgument(
        "has more than " + std::to_string(model::kMaxPostmortemBodies) + " bodies",
        "postmortem.bodies");
  }
  for (size_t k = 0; k < in.bodies.size(); ++k) {
    const std::string field = "postmortem.bodies[" + std::to_string(k) + "]";
    if (!model::IsLanguageTag(in.bodies[k].language)) {
      return base::InvalidArgument("is not a language tag", field + ".language");
    }
    if (in.bodies[k].body.size() > model::kMaxBodyBytes) {
      return base::InvalidArgument("is too long", field + ".body");
    }
  }
  if (in.body && in.body->size() > model::kMaxBodyBytes) {
    return base::InvalidArgument("is too long", "postmortem.body");
  }
  if (in.facts) {
    PHARE_RETURN_IF_ERROR(comms::ValidatePostmortemFacts(*in.facts, comms::Catalogs::Builtin()));
  }
  return base::Status::Ok();
}

base::Result<model::Incident> IncidentFor(store::Tx& tx, const std::string& id) {
  PHARE_ASSIGN_OR_RETURN(auto i, tx.GetIncident(id));
  if (i.kind != model::IncidentKind::kIncident) {
    return base::Status(base::Code::kFailedPrecondition, "scheduled maintenance has no post-mortem",
                        "incident_id");
  }
  return i;
}

// The impact counts over the worst state the incident's reports reached: their
// customers_affected are the customers hit. Empty without an inventory.
std::vector<model::ImpactCount> HitCounts(const std::shared_ptr<const GraphState>& graph,
                                          const std::vector<model::NodeReport>& reports) {
  if (!graph || !graph->has_inventory() || !graph->baseline || reports.empty()) return {};
  const auto hit = Propagate(*graph->baseline, reports, /*worst=*/true);
  return ImpactCounts(*hit, *hit);
}

// Drafts every body `given` lacks into `pm`.
base::Status Redraft(store::Tx& tx, const model::Incident& i, model::Postmortem& pm,
                     const std::vector<model::LocalizedBody>& given,
                     const std::shared_ptr<const GraphState>& graph, base::Time now,
                     PostmortemReport& report) {
  PHARE_ASSIGN_OR_RETURN(auto components, tx.ListComponents());
  PHARE_ASSIGN_OR_RETURN(auto reports, tx.ListNodeReports(i.id));
  PHARE_ASSIGN_OR_RETURN(auto progress, tx.ListProgress(i.id));
  const auto state =
      PostmortemStateOf(i, components, reports, progress, HitCounts(graph, reports), now, pm.facts);
  auto drafts = comms::DraftPostmortem(state);
  if (!drafts.ok()) {
    return base::InvalidArgument(drafts.status().message(), "postmortem.facts");
  }
  for (auto& draft : drafts->bodies) {
    const bool mine = std::any_of(given.begin(), given.end(), [&](const auto& b) {
      return b.audience == draft.audience && b.language == draft.language;
    });
    if (!mine) PutBody(pm.bodies, std::move(draft));
  }
  for (auto& note : drafts->notes) report.notes.push_back("draft: " + note);
  return base::Status::Ok();
}

}  // namespace

base::Result<std::vector<BodyFinding>> CheckPostmortem(const model::Incident& incident,
                                                       const model::Postmortem& postmortem,
                                                       const Policies& policies,
                                                       const base::Zone& zone) {
  comms::CheckContext ctx;
  ctx.kind = incident.kind;
  ctx.status = model::IncidentStatus::kPostmortem;
  ctx.postmortem = true;
  ctx.zone = zone;
  ctx.reference = postmortem.published_at ? postmortem.published_at : incident.resolved_at;
  std::vector<BodyFinding> out;
  for (const auto& b : postmortem.bodies) {
    if (b.body.empty()) continue;
    PHARE_ASSIGN_OR_RETURN(auto findings,
                           comms::Checker::Builtin().Check(b, ctx, policies.checker));
    for (auto& f : findings) out.push_back({b.audience, b.language, std::move(f)});
  }
  return out;
}

base::Status ApplyPostmortemFields(store::PostmortemTx& tx, model::Incident& incident,
                                   const PostmortemFields& fields, const Policies& policies,
                                   base::Time now) {
  if (fields.empty()) return base::Status::Ok();
  if (fields.body && fields.body->size() > model::kMaxBodyBytes) {
    return base::InvalidArgument("is too long", "incident.postmortem_body");
  }
  model::Postmortem pm;
  auto existing = tx.GetPostmortem(incident.id);
  if (existing.ok()) {
    pm = std::move(existing).value();
  } else if (existing.status().code() == base::Code::kNotFound) {
    pm.incident_id = incident.id;
    pm.created_at = now;
  } else {
    return existing.status();
  }
  if (fields.body) {
    PutBody(pm.bodies, {policies.default_audience, policies.default_language, *fields.body});
    pm.body_updated_at = now;
  }
  if (fields.notify_subscribers) pm.notify_subscribers = *fields.notify_subscribers;
  if (fields.notify_twitter) pm.notify_twitter = *fields.notify_twitter;
  if (fields.promised_by) pm.promised_by = fields.promised_by;
  PHARE_RETURN_IF_ERROR(tx.PutPostmortem(pm));
  incident.postmortem = std::move(pm);
  return base::Status::Ok();
}

base::Result<model::Postmortem> PostmortemService::Get(const std::string& incident_id) {
  model::Postmortem out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.GetPostmortem(incident_id));
    return base::Status::Ok();
  }));
  return out;
}

base::Result<model::Postmortem> PostmortemService::Save(const model::Actor& actor,
                                                        const std::string& incident_id,
                                                        const PostmortemInput& in,
                                                        PostmortemReport* report) {
  PHARE_RETURN_IF_ERROR(ValidateInput(in));
  std::shared_ptr<const GraphState> graph;
  if (in.draft && inventory_) {
    auto snapshot = inventory_->Snapshot();
    if (snapshot.ok()) graph = std::move(snapshot).value();
  }
  PostmortemReport local;
  PostmortemReport& out = report ? *report : local;
  const auto now = ctx_.clock.Now();
  model::Postmortem pm;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto i, IncidentFor(tx, incident_id));
    if (i.postmortem) {
      pm = *i.postmortem;
    } else {
      pm.incident_id = i.id;
      pm.created_at = now;
    }
    if (in.facts) pm.facts = *in.facts;
    const auto before = pm.bodies;
    if (in.draft) PHARE_RETURN_IF_ERROR(Redraft(tx, i, pm, in.bodies, graph, now, out));
    for (const auto& b : in.bodies) PutBody(pm.bodies, b);
    if (in.body) {
      PutBody(pm.bodies,
              {ctx_.policies.default_audience, ctx_.policies.default_language, *in.body});
    }
    if (in.notify_subscribers) pm.notify_subscribers = *in.notify_subscribers;
    if (in.notify_twitter) pm.notify_twitter = *in.notify_twitter;
    const bool changed = before.size() != pm.bodies.size() ||
                         !std::equal(before.begin(), before.end(), pm.bodies.begin(),
                                     [](const auto& a, const auto& b) { return a.body == b.body; });
    if (changed) pm.body_updated_at = now;
    PHARE_ASSIGN_OR_RETURN(out.findings, CheckPostmortem(i, pm, ctx_.policies, PageZone(tx)));
    PHARE_RETURN_IF_ERROR(tx.PutPostmortem(pm));
    return RecordAudit(tx, actor, now, pm.published_at ? "postmortem.revise" : "postmortem.draft",
                       "incident", i.id);
  }));
  ctx_.on_change();
  return pm;
}

base::Result<model::Postmortem> PostmortemService::Publish(const model::Actor& actor,
                                                           const std::string& incident_id,
                                                           std::optional<bool> notify,
                                                           PostmortemReport* report) {
  PostmortemReport local;
  PostmortemReport& out = report ? *report : local;
  model::Incident incident;
  std::string url;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(incident, IncidentFor(tx, incident_id));
    PHARE_ASSIGN_OR_RETURN(auto page, tx.GetPage());
    url = page.url + "/incidents/" + incident.id;
    if (!incident.postmortem || incident.postmortem->bodies.empty()) {
      return base::Status(base::Code::kFailedPrecondition,
                          "the incident has no post-mortem to publish: draft it first",
                          "postmortem");
    }
    PHARE_ASSIGN_OR_RETURN(
        out.findings, CheckPostmortem(incident, *incident.postmortem, ctx_.policies, PageZone(tx)));
    return base::Status::Ok();
  }));
  model::Postmortem pm = *incident.postmortem;
  if (pm.published_at) return pm;
  if (incident.status != model::IncidentStatus::kResolved &&
      incident.status != model::IncidentStatus::kPostmortem) {
    return base::Status(base::Code::kFailedPrecondition,
                        "publish the post-mortem once the incident is resolved", "incident.status");
  }
  std::string blocking;
  for (const auto& f : out.findings) {
    if (!f.finding.blocking) continue;
    blocking += (blocking.empty() ? "" : ", ") + f.finding.rule + " (" +
                std::string(model::ToString(f.audience)) + "/" + f.language + ")";
  }
  if (!blocking.empty()) {
    return base::InvalidArgument("the message checker blocks publishing: " + blocking,
                                 "postmortem.bodies");
  }
  PHARE_ASSIGN_OR_RETURN(auto notice, comms::DraftPostmortemNotice(pm.facts, url));
  IncidentInput in;
  in.status = model::IncidentStatus::kPostmortem;
  for (const auto& b : notice.bodies) {
    if (b.audience == ctx_.policies.default_audience &&
        b.language == ctx_.policies.default_language) {
      in.body = b.body;  // Statuspage's body: the page's default audience and language
    }
  }
  in.bodies = std::move(notice.bodies);
  in.deliver_notifications = notify.value_or(pm.notify_subscribers);
  PHARE_RETURN_IF_ERROR(incidents_.Update(actor, incident_id, in).status());
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(pm, tx.GetPostmortem(incident_id));
    pm.published_at = now;
    pm.notify_subscribers = in.deliver_notifications.value_or(true);
    PHARE_RETURN_IF_ERROR(tx.PutPostmortem(pm));
    return RecordAudit(tx, actor, now, "postmortem.publish", "incident", incident_id);
  }));
  ctx_.on_change();
  return pm;
}

base::Result<model::Postmortem> PostmortemService::Revert(const model::Actor& actor,
                                                          const std::string& incident_id) {
  const auto now = ctx_.clock.Now();
  model::Postmortem pm;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(pm, tx.GetPostmortem(incident_id));
    pm.published_at.reset();
    PHARE_RETURN_IF_ERROR(tx.PutPostmortem(pm));
    return RecordAudit(tx, actor, now, "postmortem.revert", "incident", incident_id);
  }));
  ctx_.on_change();
  return pm;
}

base::Status PostmortemService::Delete(const model::Actor& actor, const std::string& incident_id) {
  const auto now = ctx_.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.DeletePostmortem(incident_id));
    return RecordAudit(tx, actor, now, "postmortem.delete", "incident", incident_id);
  }));
  ctx_.on_change();
  return base::Status::Ok();
}

}  // namespace phare::service
