// Restoration estimates: the one function the service layer calls, inside its
// transaction, on every update and every progress sample of an active incident.
//
// Recompute takes the incident's facts as known at `now` and returns, for the
// incident as a whole (scope "") and for each scope that has its own progress
// samples or operator statement, the estimate to publish:
//   - sources: history (always), progress (when samples show restoration under
//     way), cadence (the promised next update, once the page's own past says how
//     it relates to the end), operator (when stated);
//   - data estimate: history, progress and cadence pooled (see combine.h);
//   - fresh estimate: the operator's statement shown as such when there is one
//     (policy kShowAsStated) or pooled with the data (kBlend); else the data;
//   - published: the fresh estimate, or the one already published when damping
//     holds it (see combine.h); `expected_by` is its conservative quantile, the
//     time the page promises.
// When the data disagrees strongly with the operator, `disagreement` says so, for
// the operator to see before publishing.
//
// Pure: no I/O, no clock (`now` is an input); thread-safe. The built-in baseline
// history (data/eta/baseline-history.json, embedded at build time) is added to the
// page's own history unless disabled, as `builtin_incidents` incidents in all;
// records whose id is in `history` or is the incident's own are skipped, and only
// what had happened by `now` is used. The history source is the parametric fit
// (history.h) pooled with the page's own past seen from moments like now
// (own_updates.h), which dominates once the page has a few incidents.
//
// Learned corrections start at none: the update-time shift of the history source
// and the cadence source (history.h, UpdateCalibration) move away from "no
// correction" / "no hint" only as far as the page's own past updates support them
// (pseudo-count shrinkage); built-in baseline records never count as that support.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "eta/combine.h"
#include "eta/history.h"
#include "eta/operator.h"
#include "eta/own_updates.h"
#include "eta/progress.h"
#include "model/incident.h"

namespace phare::eta {

inline constexpr size_t kMaxProgressSamples = 10'000;
inline constexpr size_t kMaxOperatorEstimates = 100;
inline constexpr size_t kMaxHistory = 100'000;
inline constexpr size_t kMaxPublished = 100;

struct EtaInput {
  std::string incident_id;
  std::string name;   // the title; the cause is derived from it when `cause` is empty
  std::string cause;  // "power", "network"... (see cause.h)
  model::Impact impact = model::Impact::kMajor;
  model::IncidentKind kind = model::IncidentKind::kIncident;
  base::Time started_at{};
  base::Time now{};
  std::optional<base::Time> next_update_at;  // promised by the latest update
  std::vector<ProgressSample> progress;
  std::vector<OperatorEstimate> operator_estimates;  // the latest per scope counts
  std::vector<PastIncident> history;                 // the page's own past incidents
  std::vector<model::Estimate> published;            // published now, by scope
};

enum class OperatorPolicy { kShowAsStated, kBlend };

struct EtaConfig {
  HistoryConfig history;
  ProgressConfig progress;
  OperatorConfig operator_estimate;
  DampingConfig damping;
  OperatorPolicy operator_policy = OperatorPolicy::kShowAsStated;
  bool use_builtin_baseline = true;
  // The whole built-in baseline counts as this many of the page's own incidents: it
  // fills the cold start and gives way as soon as the page has a few.
  double builtin_incidents = 4;
  OwnUpdatesConfig own;      // the page's own past, seen from moments like now
  double calibration = 1.4;  // widening of pooled intervals
  double min_sigma = 0.15;
  double publish_quantile = 0.75;  // errs late: the page promises the 75th percentile
};

struct ScopeEta {
  model::Estimate published;             // to show; `fresh` unless damping held the previous one
  model::Estimate fresh;                 // computed now
  bool revised = true;                   // published == fresh
  std::string_view why;                  // the damping decision (combine.h)
  base::Time expected_by{};              // ExpectedBy(published, publish_quantile)
  model::Estimate data;                  // history, progress and cadence pooled, no operator
  std::vector<model::Estimate> sources;  // each source on its own
  std::optional<Disagreement> disagreement;
};

struct EtaResult {
  std::vector<ScopeEta> scopes;  // scopes[0] is the incident as a whole ("")
};

// InvalidArgument naming the field when `input` is inconsistent (now before
// started_at, restored > total, total <= 0, an interval ending before it starts);
// ResourceExhausted past the kMax* limits.
base::Status ValidateInput(const EtaInput& input);

base::Result<EtaResult> Recompute(const EtaInput& input, const EtaConfig& config = {});

}  // namespace phare::eta
