// Cadence: an open incident promises its next update (by default 30 minutes after the
// last one); when that time passes unmet, operators are warned. These are the pure
// computations; the caller logs, counts and calls the ops webhook. Thread-safe.
#pragma once

#include <chrono>
#include <optional>

#include "base/clock.h"
#include "base/status.h"
#include "base/time.h"

namespace phare::comms {

struct CadencePolicy {
  base::Duration interval = std::chrono::minutes(30);  // between updates of an open incident
  base::Duration grace = std::chrono::minutes(0);      // tolerated lateness before a warning
};

inline constexpr base::Duration kMinCadence = std::chrono::minutes(1);
inline constexpr base::Duration kMaxCadence = std::chrono::hours(24);

// InvalidArgument ("cadence.interval", "cadence.grace") when out of range:
// interval in [1 min, 24 h], grace in [0, interval].
base::Status ValidateCadencePolicy(const CadencePolicy& policy);

// The time to promise when publishing an update at `published_at`.
base::Time NextUpdateDue(base::Time published_at, const CadencePolicy& policy);

struct CadenceState {
  base::Time promised{};        // the promised time of the next update
  bool overdue = false;         // `now` is past promised + grace
  base::Duration late_by{0};    // now - promised when overdue, else 0
  base::Duration remaining{0};  // promised - now when not yet due, else 0
};

// Where an open incident stands at `clock.Now()`: its promise is `promised_next` when it
// made one, else `last_update_at` + policy.interval.
CadenceState CheckCadence(base::Time last_update_at, std::optional<base::Time> promised_next,
                          const CadencePolicy& policy, const base::Clock& clock);

// A report promised by a date ("a post-mortem by 20 November"): operators are warned
// kReportWarning before the date while it is unpublished, and again once it has passed.
inline constexpr base::Duration kReportWarning = std::chrono::hours(24);

enum class ReportPromise : uint8_t { kAhead, kDueSoon, kOverdue };

// Where a promise to publish by `promised_by` stands at `now` (unpublished).
ReportPromise CheckReportPromise(base::Time promised_by, base::Time now,
                                 base::Duration warning = kReportWarning);

}  // namespace phare::comms
