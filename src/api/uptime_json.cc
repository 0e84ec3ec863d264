#include "api/uptime_json.h"

#include <boost/json.hpp>

#include <charconv>
#include <cmath>

#include "model/uptime.h"

namespace phare::api {
namespace {

base::Result<int> ParseDays(const std::optional<std::string>& text) {
  if (!text) return service::kUptimeDays;
  int days = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), days);
  if (ec != std::errc() || end != text->data() + text->size() || days < 1 ||
      days > service::kUptimeDays) {
    return base::InvalidArgument(
        "must be a whole number of days from 1 to " + std::to_string(service::kUptimeDays), "days");
  }
  return days;
}

boost::json::value Percentage(const std::optional<double>& share) {
  if (!share) return nullptr;
  return std::round(*share * 100000) / 1000;  // percent, 3 decimals
}

}  // namespace

base::Result<std::string> RenderUptime(const service::PublicState& state,
                                       std::string_view component_id,
                                       const std::optional<std::string>& days_text) {
  PHARE_ASSIGN_OR_RETURN(int days, ParseDays(days_text));
  const model::Component* component = nullptr;
  for (const auto& c : state.components) {
    if (c.id == component_id && !c.group) component = &c;
  }
  if (component == nullptr) {
    return base::NotFound("no component '" + std::string(component_id) + "' (groups have none)");
  }
  auto zone = base::Zone::Find(state.page.time_zone);
  const base::Zone z = zone.ok() ? *zone : base::Zone::Utc();
  const auto uptime = model::ComputeUptime(*component, service::ChangesOf(state, component->id),
                                           state.now, z, days);
  const auto touching =
      model::IncidentsDuring(state.incidents, component->id, uptime.days.front().start, state.now);
  boost::json::array history;
  for (const auto& day : uptime.days) {
    boost::json::array incidents;
    for (const auto* i : touching) {
      if (model::OpenDuring(*i, day.start, day.end)) incidents.emplace_back(i->id);
    }
    history.push_back(boost::json::object{
        {"date", z.Format(day.start, "%Y-%m-%d")},
        {"status", day.known ? boost::json::value(model::ToString(day.worst)) : nullptr},
        {"uptime_percentage", Percentage(day.uptime)},
        {"incident_ids", std::move(incidents)}});
  }
  boost::json::object out{
      {"component", boost::json::object{{"id", component->id}, {"name", component->name}}},
      {"time_zone", z.name()},
      {"days", days},
      {"uptime_percentage", Percentage(uptime.overall)},
      {"history", std::move(history)}};
  return boost::json::serialize(out);
}

namespace {

constexpr int kMaxUptimeRangeDays = 366;

base::Result<base::Time> ParseDate(const base::Zone& zone, const std::string& text,
                                   const char* field) {
  auto t = text.size() == 10 ? zone.ParseLocal(text + " 00:00")
                             : base::Result<base::Time>(base::InvalidArgument(""));
  if (!t.ok()) return base::InvalidArgument("must be a date as YYYY-MM-DD", field);
  return *t;
}

}  // namespace

base::Result<UptimeRange> ParseUptimeRange(const std::string& time_zone, base::Time now,
                                           const std::optional<std::string>& start,
                                           const std::optional<std::string>& end) {
  auto found = base::Zone::Find(time_zone);
  const base::Zone zone = found.ok() ? *found : base::Zone::Utc();
  const std::string today = zone.Format(now, "%Y-%m-%d");
  UptimeRange r;
  r.end = end.value_or(today);
  PHARE_ASSIGN_OR_RETURN(base::Time end_midnight, ParseDate(zone, r.end, "end"));
  if (r.end >= today) {  // capped at today (dates compare as text)
    r.end = today;
    PHARE_ASSIGN_OR_RETURN(end_midnight, ParseDate(zone, today, "end"));
    r.until = now;
  } else {
    r.until =
        *zone.ParseLocal(zone.Format(end_midnight + std::chrono::hours(36), "%Y-%m-%d") + " 00:00");
  }
  const base::Time default_start = end_midnight - std::chrono::hours(24 * 89);
  r.start = start.value_or(zone.Format(default_start + std::chrono::hours(12), "%Y-%m-%d"));
  PHARE_ASSIGN_OR_RETURN(r.since, ParseDate(zone, r.start, "start"));
  if (r.start > r.end) return base::InvalidArgument("must not be after end", "start");
  r.days = static_cast<int>(
               std::lround(std::chrono::duration<double>(end_midnight - r.since).count() / 86400)) +
           1;
  if (r.days > kMaxUptimeRangeDays) {
    return base::InvalidArgument("the range may span at most 366 days", "start");
  }
  return r;
}

boost::json::object StatuspageUptimeJson(const service::ComponentHistory& h,
                                         const UptimeRange& range) {
  auto found = base::Zone::Find(h.time_zone);
  const base::Zone zone = found.ok() ? *found : base::Zone::Utc();
  const auto uptime = model::ComputeUptime(h.component, h.changes, range.until, zone, range.days);
  boost::json::array warnings;
  size_t unknown = 0;
  for (const auto& day : uptime.days) unknown += day.known ? 0 : 1;
  if (unknown > 0) {
    warnings.emplace_back(std::to_string(unknown) +
                          " day(s) of the range have no status history (before the component "
                          "existed or before its history was kept); they are not counted");
  }
  boost::json::array events;
  for (const auto* i : model::IncidentsDuring(h.incidents, h.component.id,
                                              uptime.days.front().start, range.until)) {
    events.push_back(boost::json::object{{"id", i->id}, {"name", i->name}});
  }
  return {{"id", h.component.id},
          {"name", h.component.name},
          {"range_start", range.start},
          {"range_end", range.end},
          {"uptime_percentage", Percentage(uptime.overall)},
          {"major_outage", std::llround(uptime.major_outage_seconds)},
          {"partial_outage", std::llround(uptime.partial_outage_seconds)},
          {"warnings", std::move(warnings)},
          {"related_events", std::move(events)}};
}

}  // namespace phare::api
