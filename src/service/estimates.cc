#include "service/estimates.h"

#include <algorithm>
#include <unordered_map>

#include "eta/cause.h"

namespace phare::service {
namespace {

// Past updates are read for this many of the page's latest incidents: enough for the
// estimator's corrections and its own-past core, bounded whatever the page's age.
constexpr size_t kIncidentsWithUpdates = 500;
constexpr size_t kMaxPastIncidents = 5000;

// The page's incidents as the history prior sees them (durations, censored when open),
// the latest with the times of their updates and the next updates they promised.
base::Result<std::vector<eta::PastIncident>> PastIncidents(store::Tx& tx, const std::string& self) {
  store::IncidentQuery q;
  q.kind = model::IncidentKind::kIncident;
  q.limit = kMaxPastIncidents;
  q.with_details = false;
  PHARE_ASSIGN_OR_RETURN(auto incidents, tx.ListIncidents(q));
  PHARE_ASSIGN_OR_RETURN(auto times, tx.ListUpdateTimes(*q.kind, kIncidentsWithUpdates));
  std::unordered_map<std::string_view, std::vector<eta::PastUpdate>> updates;
  for (const store::UpdateTime& u : times) {
    if (model::IsClosed(u.status)) continue;  // the end itself, not a moment before it
    updates[u.incident_id].push_back({u.at, u.next_update_at});
  }
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
    if (auto found = updates.find(i.id); found != updates.end()) {
      p.updates = std::move(found->second);
    }
    out.push_back(std::move(p));
  }
  return out;
}

const model::Estimate* Find(const std::vector<model::Estimate>& estimates, std::string_view scope) {
  for (const auto& e : estimates) {
    if (e.scope == scope) return &e;
  }
  return nullptr;
}

// A revised estimate is late when it moves the promise it replaces later, and either that
// promise passed (or was within the damping margin) unmet, or the same source now says
// later. A new source (an operator's first statement, progress joining history) that
// moves a promise still ahead is not a slip.
bool Late(const model::Estimate* before, const model::Estimate& after, base::Time now,
          const eta::EtaConfig& config) {
  if (before == nullptr || after.expected_by <= before->expected_by) return false;
  return before->source == after.source || before->expected_by <= now + config.damping.min_change;
}

bool Same(const model::Estimate& a, const model::Estimate& b) {
  return a.scope == b.scope && a.p10 == b.p10 && a.p50 == b.p50 && a.p90 == b.p90 &&
         a.source == b.source && a.reason == b.reason && a.expected_by == b.expected_by &&
         a.late == b.late;
}

bool Same(const std::vector<model::Estimate>& a, const std::vector<model::Estimate>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const auto& x, const auto& y) { return Same(x, y); });
}

// Whether a time shown as expected (any quantile or promise of any scope) falls in
// (since, until]: a snapshot rendered before it still shows it.
bool ShownTimePasses(const model::Incident& i, base::Time since, base::Time until) {
  for (const auto& e : i.estimates) {
    for (base::Time t : {e.p10, e.p50, e.expected_by, e.p90}) {
      if (t > since && t <= until) return true;
    }
  }
  return false;
}

bool PromiseDue(const model::Incident& i, base::Time until) {
  const model::Estimate* whole = Find(i.estimates, "");
  return whole == nullptr || whole->expected_by <= until;
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
  const std::vector<model::Estimate> before = std::move(incident.estimates);
  incident.estimates.clear();
  for (const auto& scope : result.scopes) {
    model::Estimate e = scope.published;  // when held: the one before, with its mark
    e.expected_by = scope.expected_by;
    if (scope.revised) e.late = Late(Find(before, e.scope), e, now, config);
    incident.estimates.push_back(std::move(e));
    if (scope.disagreement) warnings.push_back(scope.disagreement->message);
  }
  return warnings;
}

base::Result<RefreshReport> RefreshEstimates(Context& ctx, const RefreshOptions& options) {
  const base::Time now = ctx.clock.Now();
  const base::Time until = now + options.lead;
  RefreshReport report;
  bool passed = false;
  std::vector<std::string> due;
  PHARE_RETURN_IF_ERROR(ctx.store.Read([&](store::Tx& tx) {
    store::IncidentQuery q;
    q.kind = model::IncidentKind::kIncident;
    q.open_only = true;
    q.limit = 1000;
    PHARE_ASSIGN_OR_RETURN(auto open, tx.ListIncidents(q));
    for (const auto& i : open) {
      if (options.since && ShownTimePasses(i, *options.since, now)) passed = true;
      if (options.all || PromiseDue(i, until)) due.push_back(i.id);
    }
    return base::Status::Ok();
  }));
  if (!due.empty()) {
    PHARE_RETURN_IF_ERROR(ctx.store.Write([&](store::Tx& tx) {
      report.revised.clear();
      for (const auto& id : due) {
        PHARE_ASSIGN_OR_RETURN(auto i, tx.GetIncident(id));
        if (!model::IsOpenIncident(i)) continue;  // closed since the read
        const std::vector<model::Estimate> before = i.estimates;
        PHARE_RETURN_IF_ERROR(RecomputeEstimates(tx, i, now, ctx.policies.eta).status());
        if (Same(before, i.estimates)) continue;
        PHARE_RETURN_IF_ERROR(tx.PutIncident(i));
        report.revised.push_back(i.id);
      }
      return base::Status::Ok();
    }));
  }
  if (!report.revised.empty() || passed) {
    ctx.on_change();
    report.announced = true;
  }
  return report;
}

base::Result<RefreshReport> EstimateRefresher::Tick() {
  const base::Time now = ctx_.clock.Now();
  RefreshOptions options;
  const base::Duration step =
      last_tick_ && now > *last_tick_ ? now - *last_tick_ : base::Duration{};
  options.lead = std::clamp<base::Duration>(
      2 * step, kMinRefreshLead, std::max(kMinRefreshLead, ctx_.policies.eta.damping.min_change));
  options.all = !last_all_ || now - *last_all_ >= every_;
  options.since = last_tick_;
  PHARE_ASSIGN_OR_RETURN(auto report, RefreshEstimates(ctx_, options));
  last_tick_ = now;
  if (options.all) last_all_ = now;
  return report;
}

}  // namespace phare::service
