// What the page's own past says about the time still needed, seen from moments like
// this one: a robust, nonparametric core for the history source.
//
// Estimates are recomputed at updates, so the question is "at an update posted this
// long into an incident, how long did this page's incidents still last?". Every
// resolved past incident of the same kind answers with points (log elapsed, log
// remaining): one per update it posted while open, or, when its updates are not
// known, one "virtual" point at the current elapsed time if it lasted that long
// (survival conditioning, as a conditional median of durations does). Points are
// weighted by a Gaussian kernel on the distance in log elapsed time; each update
// counts once in the quantiles (an incident with many updates is that many moments
// like this one), while each incident counts once, whatever its number of points, in
// `incidents`, the effective number of incidents behind the answer (the
// kernel-weighted sum of incident shares).
//
// The bandwidth: Silverman's rule over the incidents (never below `min_bandwidth`),
// or, with `cross_validate` and at least 10 points at real updates, the one of
// {Silverman's, 2×, 4×, ∞} whose kernel median best predicts the page's own past
// updates, each from the other incidents (leave-one-incident-out, mean absolute
// error in log hours, on at most 64 held-out updates). ∞ means that on this page the
// elapsed time says nothing of the time left: the answer is the median over all of
// its past updates. The page's own data decides how much the elapsed time matters.
//
// The answer is the weighted p10, p50, p90 of log remaining and `incidents`.
// BlendOwnUpdates pools it with the parametric history source: the own answer counts
// `incidents`, the parametric one `prior_incidents` (a few), so the page's own
// history dominates as soon as it has a few comparable incidents and the prior
// (built-in baseline, generic) only fills the cold start.
//
// Cost: with cross-validation, O(64 · points) kernel evaluations per call.
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
  bool cross_validate = true;   // choose the bandwidth on the page's own past (above)
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
