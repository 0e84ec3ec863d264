// Combining sources, publishing a conservative time, and damping revisions.
//
// Fusion: each source is a lognormal over the remaining hours; they are pooled by
// precision (1/σ²) in log space, so a tight progress curve outweighs a wide
// history prior, and the pooled σ is widened by `calibration` because the sources
// are not independent (all watch the same incident).
//
// Conservative publishing: ExpectedBy is the `publish_quantile` (0.75 by default)
// of a published estimate, read between its p50 and p90 on the normal scale of its
// quantiles, so the time the page promises errs late rather than early.
//
// Damping (hysteresis): a fresh estimate replaces the published one only when
//   1. nothing is published yet, or the source changed (e.g. the operator spoke);
//   2. the published "expected by" time has passed or is within `min_change`;
//   3. the fresh interval no longer overlaps the published one;
//   4. the fresh "expected by" moves later by more than `later_threshold`, or earlier
//      by more than `earlier_threshold`, relative to the time remaining, and by more
//      than `min_change` in absolute terms.
// Otherwise the published estimate is kept as it was: the public time does not
// jitter with each sample. Later is told more readily than earlier (bad news
// promptly, good news once it is clear), so revisions err late too.
//
// Pure functions over plain values; thread-safe.
#pragma once

#include <chrono>
#include <span>
#include <string_view>

#include "base/time.h"
#include "eta/history.h"
#include "eta/source.h"
#include "model/incident.h"

namespace phare::eta {

// Pools `sources` (at least one); the result's source is the single source's name
// or "combined". σ is widened by `calibration` when there are several, never past
// the narrowest source's, and kept >= `min_sigma`.
SourceEstimate Fuse(std::span<const SourceEstimate> sources, double calibration, double min_sigma);

// The promised time of the next update as a hint, only as far as the page's own past
// supports it (history.h): the remaining time is read as the interval to it times
// exp(calibration.offset), spread calibration.spread (at least kMinCadenceSigma)
// divided by √trust, so a hint the page's past barely supports weighs little when
// pooled. Empty when not in the future or without support (trust 0): a promised
// update is not an estimate until the page's own past says how the two relate.
inline constexpr double kMinCadenceSigma = 0.1;
std::optional<SourceEstimate> CadenceSource(base::Time next_update_at, base::Time now,
                                            const UpdateCalibration& calibration);

// The `quantile` (in [0.5, 0.9]) of `estimate`, between its p50 and p90.
base::Time ExpectedBy(const model::Estimate& estimate, double quantile);

struct DampingConfig {
  double later_threshold = 0.15;    // log ratio of the remaining time: +16 %
  double earlier_threshold = 0.35;  // −30 %
  base::Duration min_change = std::chrono::minutes(10);
};

struct DampingDecision {
  bool revise = true;
  std::string_view
      why;  // "first", "source changed", "passed", "outside", "later", "earlier", "held"
};

DampingDecision Damp(const model::Estimate* published, const model::Estimate& fresh, base::Time now,
                     double publish_quantile, const DampingConfig& config);

}  // namespace phare::eta
