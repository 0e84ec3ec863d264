#include "model/uptime.h"

#include <algorithm>

namespace phare::model {
namespace {

constexpr double kPartialOutageDownWeight = 0.3;

// Local midnight of the day holding `t`.
base::Time DayStart(const base::Zone& zone, base::Time t) {
  auto midnight = zone.ParseLocal(zone.Format(t, "%Y-%m-%d") + " 00:00");
  return midnight.ok() ? *midnight : t;
}

// When the component began to exist: its start_date's midnight if earlier than its
// creation, else its creation.
base::Time Birth(const Component& c, const base::Zone& zone) {
  if (c.start_date) {
    if (auto start = zone.ParseLocal(*c.start_date + " 00:00"); start.ok()) {
      return std::min(*start, c.created_at);
    }
  }
  return c.created_at;
}

struct Totals {
  double counted = 0, down = 0, major = 0, partial = 0;  // seconds
};

// Adds the interval [from, until) in `status` to `day` and `totals`.
void Add(UptimeDay& day, Totals& totals, base::Time from, base::Time until,
         ComponentStatus status) {
  from = std::max(from, day.start);
  until = std::min(until, day.end);
  if (until <= from) return;
  day.known = true;
  if (Severity(status) > Severity(day.worst)) day.worst = status;
  if (status == ComponentStatus::kUnderMaintenance) return;
  const double seconds = std::chrono::duration<double>(until - from).count();
  totals.counted += seconds;
  totals.down += seconds * DownWeight(status);
  if (status == ComponentStatus::kMajorOutage) totals.major += seconds;
  if (status == ComponentStatus::kPartialOutage) totals.partial += seconds;
}

}  // namespace

double DownWeight(ComponentStatus status) {
  switch (status) {
    case ComponentStatus::kMajorOutage:
      return 1;
    case ComponentStatus::kPartialOutage:
      return kPartialOutageDownWeight;
    default:
      return 0;
  }
}

Uptime ComputeUptime(const Component& component, std::span<const StatusChange> changes,
                     base::Time until, const base::Zone& zone, int days) {
  const base::Time now = until;
  days = std::clamp(days, 1, 366);
  Uptime out;
  // Day starts from the oldest to today, found by stepping back from noon (DST-safe).
  // The last day is the one `until` ends: at a midnight exactly, the day before it.
  const base::Time today = DayStart(zone, now - std::chrono::milliseconds(1));
  for (int k = days - 1; k >= 0; --k) {
    UptimeDay day;
    day.start = DayStart(zone, today + std::chrono::hours(12) - std::chrono::hours(24 * k));
    out.days.push_back(day);
  }
  for (size_t k = 0; k < out.days.size(); ++k) {
    out.days[k].end = k + 1 < out.days.size() ? out.days[k + 1].start : now;
  }
  const base::Time birth = Birth(component, zone);
  Totals all;
  for (auto& day : out.days) {
    Totals totals;
    for (size_t c = 0; c < changes.size(); ++c) {
      const base::Time from = std::max(changes[c].at, birth);
      const base::Time next = c + 1 < changes.size() ? changes[c + 1].at : now;
      Add(day, totals, from, next, changes[c].status);
    }
    if (totals.counted > 0) day.uptime = 1 - totals.down / totals.counted;
    all.counted += totals.counted;
    all.down += totals.down;
    out.major_outage_seconds += totals.major;
    out.partial_outage_seconds += totals.partial;
  }
  if (all.counted > 0) out.overall = 1 - all.down / all.counted;
  return out;
}

bool OpenDuring(const Incident& i, base::Time from, base::Time until) {
  return i.started_at < until && i.resolved_at.value_or(until) >= from;
}

std::vector<const Incident*> IncidentsDuring(const std::vector<Incident>& incidents,
                                             std::string_view component_id, base::Time from,
                                             base::Time until) {
  std::vector<const Incident*> out;
  for (const auto& i : incidents) {
    if (i.kind != IncidentKind::kIncident || !OpenDuring(i, from, until)) continue;
    if (std::find(i.component_ids.begin(), i.component_ids.end(), component_id) !=
        i.component_ids.end()) {
      out.push_back(&i);
    }
  }
  return out;
}

}  // namespace phare::model
