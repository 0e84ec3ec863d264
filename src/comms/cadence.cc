#include "comms/cadence.h"

namespace phare::comms {

base::Status ValidateCadencePolicy(const CadencePolicy& policy) {
  if (policy.interval < kMinCadence || policy.interval > kMaxCadence) {
    return base::InvalidArgument("the update interval must be between 1 minute and 24 hours",
                                 "cadence.interval");
  }
  if (policy.grace < base::Duration(0) || policy.grace > policy.interval) {
    return base::InvalidArgument("the grace period must be between 0 and the interval",
                                 "cadence.grace");
  }
  return base::Status::Ok();
}

base::Time NextUpdateDue(base::Time published_at, const CadencePolicy& policy) {
  return published_at + policy.interval;
}

CadenceState CheckCadence(base::Time last_update_at, std::optional<base::Time> promised_next,
                          const CadencePolicy& policy, const base::Clock& clock) {
  CadenceState state;
  state.promised = promised_next.value_or(NextUpdateDue(last_update_at, policy));
  const base::Time now = clock.Now();
  if (now > state.promised + policy.grace) {
    state.overdue = true;
    state.late_by = now - state.promised;
  } else if (now < state.promised) {
    state.remaining = state.promised - now;
  }
  return state;
}

ReportPromise CheckReportPromise(base::Time promised_by, base::Time now, base::Duration warning) {
  if (now > promised_by) return ReportPromise::kOverdue;
  if (now + warning >= promised_by) return ReportPromise::kDueSoon;
  return ReportPromise::kAhead;
}

}  // namespace phare::comms
