// A component's track record: its status over time, day by day in the page's zone.
//
// Time counts as down by status, as Statuspage counts it: major outage fully, partial
// outage at 30 %, degraded performance not at all; maintenance is shown as such and
// left out of the figure (neither up nor down). Days, or parts of days, before the
// component existed (its start_date, else its creation) or before its first recorded
// status are unknown: shown as such, never as "up". Pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "model/component.h"
#include "model/incident.h"

namespace phare::model {

// A component's status from `at` on (until its next change).
struct StatusChange {
  std::string component_id;
  base::Time at{};
  ComponentStatus status = ComponentStatus::kOperational;
};

struct UptimeDay {
  base::Time start{};  // local midnight
  base::Time end{};    // the next local midnight, or now for today
  bool known = false;  // some of the day has a known status
  ComponentStatus worst = ComponentStatus::kOperational;
  std::optional<double> uptime;  // 0..1; empty when no time counts (unknown, maintenance)
};

struct Uptime {
  std::vector<UptimeDay> days;    // oldest first, the last day ending at `until`
  std::optional<double> overall;  // over all the days' counted time
  double major_outage_seconds = 0;
  double partial_outage_seconds = 0;
};

// Weight of time in `status` counted as down (0..1); maintenance is excluded elsewhere.
double DownWeight(ComponentStatus status);

// The `days` local days of `component` in `zone` up to `until` (usually now; the last
// day ends there), from `changes` (this component's, oldest first; the one in force at
// the first day's start may come before it). `days` is clamped to 1..366.
Uptime ComputeUptime(const Component& component, std::span<const StatusChange> changes,
                     base::Time until, const base::Zone& zone, int days);

// Whether incident `i` was open at some time of [from, until) (still open: until `until`).
bool OpenDuring(const Incident& i, base::Time from, base::Time until);

// The incidents (not maintenance) of `incidents` that name `component_id` and were open at
// some time of [from, until), in the order given.
std::vector<const Incident*> IncidentsDuring(const std::vector<Incident>& incidents,
                                             std::string_view component_id, base::Time from,
                                             base::Time until);

}  // namespace phare::model
