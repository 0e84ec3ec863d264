// What the page's own past says about the time still needed, seen from moments like
// this one: a robust, nonparametric core for the history source.
//
// Estimates are recomputed at updates, so the question is "at an update posted this
// long into an incident, how long did this page's incidents still last?". Every
// resolved past incident of the same kind answers with points (log elapsed, log
// remaining): one per update it posted while open, or, when its updates are not
// known, one "virtual" point at the current elapsed time if it lasted that long
// (survival conditioning, as a conditional median of durations does). Each incident
// weighs one in total, whatever its number of updates; points are weighted by a
// Gaussian kernel on the distance in log elapsed time (bandwidth by Silverman's
// rule over the incidents, never below `min_bandwidth`).
//
// The answer is the weighted p10, p50, p90 of log remaining and `incidents`, the
// effective number of incidents behind them (the kernel-weighted sum of incident
// weights). BlendOwnUpdates pools it with the parametric history source: the own
// answer counts `incidents`, the parametric one `prior_incidents` (a few), so the
// page's own history dominates as soon as it has a few comparable incidents and the
// prior (built-in baseline, generic) only fills the cold start.
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "base/time.h"
#include "eta/history.h"
#include "eta/source.h"
#include "model/incident.h"

namespace phare::eta {

struct OwnUpdatesConfig {
  double min_bandwidth = 0.25;  // log-elapsed kernel bandwidth floor
  double prior_incidents = 10;  // weight of the parametric source in incidents
  double min_incidents = 1;     // fewer effective incidents: no own answer
};

struct OwnRemaining {
  double p10 = 0, p50 = 0, p90 = 0;  // log hours remaining
  double incidents = 0;              // effective number of incidents behind them
};

// Only the page's own incidents (empty `source`, not the built-in baseline)
// resolved by `now` count.
std::optional<OwnRemaining> RemainingFromOwnPast(std::span<const PastIncident* const> history,
                                                 model::IncidentKind kind, std::string_view cause,
                                                 base::Time started_at, base::Time now,
                                                 const OwnUpdatesConfig& config);

// `parametric` (from HistoryEstimate) pooled with `own`, as described above.
SourceEstimate BlendOwnUpdates(const SourceEstimate& parametric, const OwnRemaining& own,
                               const OwnUpdatesConfig& config);

}  // namespace phare::eta
