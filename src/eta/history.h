// The history estimator: a lognormal duration prior per cause category and impact,
// fitted on past incidents, conditioned on the time already elapsed.
//
// Shrinkage keeps small samples honest: a generic prior (median 2 h, wide) anchors
// the fit over all incidents of the same kind; the cause's fit is shrunk toward it
// with `cause_weight` pseudo-incidents, and the (cause, impact) cell toward the
// cause's with `impact_weight`. Incidents still open at `now` are censored: their
// duration is only known to exceed the time they have been open.
//
// Pure functions over plain values; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "eta/lognormal.h"
#include "eta/source.h"
#include "model/incident.h"

namespace phare::eta {

struct PastUpdate {
  base::Time at{};
  std::optional<base::Time> next_update_at;  // the next update it promised
};

// One incident of the page's own history (or of the built-in baseline).
struct PastIncident {
  std::string id;
  std::string cause;  // a category, as NormalizeCause gives it
  model::Impact impact = model::Impact::kMajor;
  model::IncidentKind kind = model::IncidentKind::kIncident;
  base::Time started_at{};
  std::optional<base::Time> resolved_at;  // empty while open
  double weight = 1;                      // influence relative to one incident of the page
  // Its updates (optional). Estimates are recomputed at updates, and incidents tend
  // to end soon after one ("fix deployed"), so the remaining time seen at an update
  // is shorter than the duration prior alone suggests; past updates let the
  // estimator measure that, and how promised next updates relate to the end, on the
  // page's own past and correct for it.
  std::vector<PastUpdate> updates;
  // The built-in baseline's provider ("gcp-incidents"...); empty for the page's own.
  std::string source;
};

// How remaining times seen at the page's own past updates compare with a
// prediction (the prior's conditional median, or the promised next update):
// log(actual / predicted) has mean `mean` and spread `spread` over `points` updates.
// A correction is "none" until the page's own data supports it: `trust` =
// points / (points + HistoryConfig::calibration_weight) is how far it moves away
// from none, and `offset` = trust · mean is the shift applied. Built-in baseline
// records (non-empty `source`) never count as support; with fewer than 2 points
// trust is 0.
struct UpdateCalibration {
  double offset = 0;  // trust · mean: the shift in log hours
  double spread = 0;  // of the residuals; 0 when unknown
  double trust = 0;   // in [0, 1): 0 = no correction
  double points = 0;  // the page's own updates behind it (weighted)
};

struct HistoryConfig {
  LogNormal generic_prior{0.7, 1.6};  // log(hours): median 2 h, p10 15 min, p90 16 h
  double generic_weight = 2;          // pseudo-incidents behind the generic prior
  double cause_weight = 4;            // pseudo-incidents shrinking a cause toward all
  double impact_weight = 4;           // pseudo-incidents shrinking (cause, impact) toward cause
  double min_sigma = 0.3;
  // Pseudo-points (past updates) of "no correction" behind each learned correction.
  double calibration_weight = 20;
};

struct DurationPrior {
  LogNormal all, cause, cell;                 // kind-wide, cause, (cause, impact)
  double n_all = 0, n_cause = 0, n_cell = 0;  // weighted counts behind each fit
  UpdateCalibration calibration;              // remaining at updates vs the conditional median
  UpdateCalibration cadence;                  // remaining at updates vs the promised next update
};

// Fits the prior for (`kind`, `cause`, `impact`) from what `history` says at `now`:
// incidents resolved before `now` count with their duration, incidents started
// before `now` and not yet resolved then count as censored, later ones are ignored.
// The calibrations use the updates published before `now` of the page's own
// incidents resolved before `now`.
DurationPrior FitDurationPrior(std::span<const PastIncident* const> history,
                               model::IncidentKind kind, std::string_view cause,
                               model::Impact impact, base::Time now, const HistoryConfig& config);

// The remaining time for an incident started at `started_at`, from the prior's
// (cause, impact) fit conditioned on the time elapsed at `now`, corrected by the
// prior's update-time calibration: the median shifted by its offset, the spread moved
// toward the measured one by its trust.
SourceEstimate HistoryEstimate(const DurationPrior& prior, std::string_view cause,
                               base::Time started_at, base::Time now);

}  // namespace phare::eta
