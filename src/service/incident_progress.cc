// IncidentService: restoration progress and drafts.
#include <algorithm>

#include "service/audit.h"
#include "service/estimates.h"
#include "service/incident_rules.h"
#include "service/incidents.h"

namespace phare::service {
namespace {

base::Status ValidateSample(const model::ProgressSample& s, const model::Incident& i,
                            base::Time now) {
  if (s.total <= 0) return base::InvalidArgument("must be at least 1", "progress.total");
  if (s.restored < 0 || s.restored > s.total) {
    return base::InvalidArgument("must be between 0 and total", "progress.restored");
  }
  if (s.scope.size() > 64)
    return base::InvalidArgument("is longer than 64 bytes", "progress.scope");
  if (s.at > now + std::chrono::minutes(5)) {
    return base::InvalidArgument("is in the future", "progress.at");
  }
  if (s.at < i.started_at - std::chrono::hours(1)) {
    return base::InvalidArgument("is before the incident began", "progress.at");
  }
  if (model::IsClosed(i.status)) {
    return {base::Code::kFailedPrecondition, "the incident is closed; reopen it first", "progress"};
  }
  return base::Status::Ok();
}

}  // namespace

base::Result<model::Incident> IncidentService::AddProgress(const model::Actor& actor,
                                                           const std::string& id,
                                                           model::ProgressSample sample,
                                                           PublishReport* report) {
  const auto now = ctx_.clock.Now();
  if (sample.at == base::Time{}) sample.at = now;
  model::Incident i;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(i, tx.GetIncident(id));
    PHARE_RETURN_IF_ERROR(ValidateSample(sample, i, now));
    PHARE_ASSIGN_OR_RETURN(auto samples, tx.ListProgress(id));
    if (samples.size() >= eta::kMaxProgressSamples) {
      return base::Status(base::Code::kResourceExhausted,
                          "an incident keeps at most " + std::to_string(eta::kMaxProgressSamples) +
                              " progress samples",
                          "progress");
    }
    PHARE_RETURN_IF_ERROR(tx.AddProgress(id, sample));
    PHARE_ASSIGN_OR_RETURN(auto warnings, RecomputeEstimates(tx, i, now, ctx_.policies.eta));
    if (report) report->warnings = std::move(warnings);
    i.updated_at = now;
    PHARE_RETURN_IF_ERROR(tx.PutIncident(i));
    return RecordAudit(tx, actor, now, "incident.progress", "incident", id,
                       "{\"restored\":" + std::to_string(sample.restored) +
                           ",\"total\":" + std::to_string(sample.total) + "}");
  }));
  ctx_.on_change();
  return i;
}

base::Result<std::vector<model::ProgressSample>> IncidentService::Progress(const std::string& id) {
  std::vector<model::ProgressSample> out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.GetIncident(id).status());
    PHARE_ASSIGN_OR_RETURN(out, tx.ListProgress(id));
    return base::Status::Ok();
  }));
  return out;
}

base::Result<PublishReport> IncidentService::Check(const std::string& id, const IncidentInput& in) {
  const auto now = ctx_.clock.Now();
  PublishReport report;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto i, tx.GetIncident(id));
    PHARE_ASSIGN_OR_RETURN(auto components, tx.ListComponents());
    PHARE_ASSIGN_OR_RETURN(auto page, tx.GetPage());
    if (in.status) {
      if (model::KindOf(*in.status) != i.kind) {
        return base::InvalidArgument(
            "is not a status of this " + std::string(model::ToString(i.kind)), "check.status");
      }
      i.status = *in.status;
    }
    if (in.operator_estimate) {
      model::OperatorEstimate proposed = *in.operator_estimate;
      proposed.stated_at = now;
      PHARE_ASSIGN_OR_RETURN(report.warnings,
                             RecomputeEstimates(tx, i, now, ctx_.policies.eta, proposed));
    }
    auto zone = base::Zone::Find(page.time_zone);
    // The update checked is the first one when the incident has at most that one;
    // otherwise it follows them all.
    const EarlierMessages earlier =
        i.updates.size() <= 1 ? EarlierMessages{} : EarlierMessagesOf(i.updates, ctx_.policies);
    PHARE_ASSIGN_OR_RETURN(report.findings,
                           CheckBodies(i, components, in.body.value_or(""), in.bodies, earlier, now,
                                       ctx_.policies, zone.ok() ? *zone : base::Zone::Utc()));
    return base::Status::Ok();
  }));
  return report;
}

base::Result<comms::Drafts> IncidentService::Draft(const std::string& id,
                                                   std::optional<model::IncidentStatus> status,
                                                   const DraftFacts& facts, PublishReport* report) {
  const auto now = ctx_.clock.Now();
  model::Incident i;
  std::vector<model::Component> components;
  model::Page page;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(i, tx.GetIncident(id));
    PHARE_ASSIGN_OR_RETURN(components, tx.ListComponents());
    PHARE_ASSIGN_OR_RETURN(page, tx.GetPage());
    // The estimate as publishing now would set it (a stored one may have gone stale).
    return RecomputeEstimates(tx, i, now, ctx_.policies.eta).status();
  }));
  if (status) {
    if (model::KindOf(*status) != i.kind) {
      return base::InvalidArgument(
          "is not a status of this " + std::string(model::ToString(i.kind)), "draft.status");
    }
    i.status = *status;
  }
  if (model::IsClosed(i.status)) {
    i.resolved_at = i.resolved_at.value_or(now);
    i.next_update_at.reset();
  } else if (i.kind == model::IncidentKind::kIncident) {
    i.next_update_at = comms::NextUpdateDue(now, ctx_.policies.cadence);
  }
  const EarlierMessages earlier = EarlierMessagesOf(i.updates, ctx_.policies);
  PHARE_ASSIGN_OR_RETURN(auto drafts,
                         comms::DraftUpdate(DraftState(i, components, facts, now, earlier)));
  if (report) {
    auto zone = base::Zone::Find(page.time_zone);
    PHARE_ASSIGN_OR_RETURN(
        report->findings, CheckBodies(i, components, "", drafts.bodies, earlier, now, ctx_.policies,
                                      zone.ok() ? *zone : base::Zone::Utc()));
    report->warnings = drafts.notes;
  }
  return drafts;
}

}  // namespace phare::service
