#include "service/estimates.h"

#include "eta/cause.h"

namespace phare::service {
namespace {

// The page's incidents as the history prior sees them (durations, censored when open).
base::Result<std::vector<eta::PastIncident>> PastIncidents(store::Tx& tx, const std::string& self) {
  store::IncidentQuery q;
  q.kind = model::IncidentKind::kIncident;
  q.limit = 5000;
  q.with_details = false;
  PHARE_ASSIGN_OR_RETURN(auto incidents, tx.ListIncidents(q));
  std::vector<eta::PastIncident> out;
  out.reserve(incidents.size());
  for (const auto& i : incidents) {
    if (i.id == self) continue;
    eta::PastIncident p;
    p.id = i.id;
    p.cause = eta::NormalizeCause(i.cause, i.name);
    p.impact = i.impact;
    p.kind = i.kind;
    p.started_at = i.started_at;
    if (model::IsClosed(i.status)) p.resolved_at = i.resolved_at.value_or(i.updated_at);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

base::Result<std::vector<std::string>> RecomputeEstimates(
    store::Tx& tx, model::Incident& incident, base::Time now, const eta::EtaConfig& config,
    const std::optional<model::OperatorEstimate>& proposed) {
  std::vector<std::string> warnings;
  if (incident.kind != model::IncidentKind::kIncident || model::IsClosed(incident.status)) {
    incident.estimates.clear();
    return warnings;
  }
  eta::EtaInput in;
  in.incident_id = incident.id;
  in.name = incident.name;
  in.cause = incident.cause;
  in.impact = incident.impact;
  in.kind = incident.kind;
  in.started_at = std::min(incident.started_at, now);
  in.now = now;
  in.next_update_at = incident.next_update_at;
  PHARE_ASSIGN_OR_RETURN(auto samples, tx.ListProgress(incident.id));
  for (const auto& s : samples) in.progress.push_back({s.at, s.restored, s.total, s.scope});
  PHARE_ASSIGN_OR_RETURN(auto stated, tx.ListOperatorEstimates(incident.id));
  if (proposed) stated.push_back(*proposed);
  for (const auto& e : stated) {
    in.operator_estimates.push_back({e.scope, e.stated_at, e.from, e.to});
  }
  PHARE_ASSIGN_OR_RETURN(in.history, PastIncidents(tx, incident.id));
  in.published = incident.estimates;
  PHARE_ASSIGN_OR_RETURN(auto result, eta::Recompute(in, config));
  incident.estimates.clear();
  for (const auto& scope : result.scopes) {
    model::Estimate e = scope.published;
    e.expected_by = scope.expected_by;
    incident.estimates.push_back(std::move(e));
    if (scope.disagreement) warnings.push_back(scope.disagreement->message);
  }
  return warnings;
}

}  // namespace phare::service
