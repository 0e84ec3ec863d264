// Restoration estimates kept current: recomputed inside the write transaction of every
// update and every progress sample of an open incident (src/eta does the maths), by
// RefreshEstimates between them (the scheduler calls it: a published time must never
// slide into the past), and cleared when the incident closes. Maintenance has its window
// instead.
//
// The rule every surface holds (docs/eta.md): a restoration time shown as expected is
// after the time of rendering. RefreshEstimates replaces a promised time (`expected_by`)
// before it passes, so a snapshot never outlives it; renderers still check each time
// against their own "now" and word a passed one as late (`Estimate::late`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eta/eta.h"
#include "model/incident.h"
#include "service/context.h"
#include "store/store.h"

namespace phare::service {

// Sets `incident.estimates` (scope "" first) from its progress samples, operator
// statements (plus `proposed`, one not stored yet: to tell an operator before they
// publish), promised next update and the page's past incidents (up to 5,000, the latest
// 500 with the times of their updates and the next updates they promised, which the
// estimator's corrections and own-past core learn from; store::Tx::ListUpdateTimes). An estimate
// that replaces the published one with a later promise (it passed unmet, or the same source now
// says later) is marked `late`; one damping holds keeps its mark. Returns the warnings for the
// operator (the data disagreeing with their stated estimate).
base::Result<std::vector<std::string>> RecomputeEstimates(
    store::Tx& tx, model::Incident& incident, base::Time now, const eta::EtaConfig& config,
    const std::optional<model::OperatorEstimate>& proposed = std::nullopt);

struct RefreshOptions {
  // Promises due within this much of now are replaced now: at least the scheduler's
  // period (in the clock's time), at most the damping margin (eta::DampingConfig).
  base::Duration lead{};
  // Recompute every open incident, not only those with a promise due (the periodic pass).
  bool all = false;
  // The previous call's now: a shown time (p10, p50...) in (since, now] re-renders the
  // snapshot even when no estimate changed, so that it stops showing it. Unset: none is
  // looked for.
  std::optional<base::Time> since;
};

struct RefreshReport {
  std::vector<std::string> revised;  // incidents whose estimates were rewritten
  bool announced = false;            // ctx.on_change was called
};

// At ctx.clock.Now(): recomputes the estimates of the open incidents that are due (see
// RefreshOptions), conditioned on the time elapsed, and writes those that changed, in
// one transaction, without a timeline update (the incident's updated_at and promised
// next update are kept). Calls ctx.on_change once when something was written or a
// shown time passed. Errors: the store's.
base::Result<RefreshReport> RefreshEstimates(Context& ctx, const RefreshOptions& options);

// RefreshEstimates on a timer (the app's scheduler ticks it every second): every tick
// replaces the promises due before the next tick can come (lead: twice the clock time
// the last tick took, so a simulated clock running fast is followed too, at least
// kMinRefreshLead), and re-renders when a shown time passed; every `every` of clock
// time, every open incident is recomputed. One caller at a time.
inline constexpr base::Duration kMinRefreshLead = std::chrono::minutes(1);

class EstimateRefresher {
 public:
  explicit EstimateRefresher(Context& ctx, base::Duration every = std::chrono::minutes(5))
      : ctx_(ctx), every_(every) {}
  base::Result<RefreshReport> Tick();

 private:
  Context& ctx_;
  base::Duration every_;
  std::optional<base::Time> last_tick_;
  std::optional<base::Time> last_all_;
};

}  // namespace phare::service
