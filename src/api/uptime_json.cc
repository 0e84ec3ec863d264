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
  std::vector<model::StatusChange> changes;
  for (const auto& c : state.status_changes) {
    if (c.component_id == component->id) changes.push_back(c);
  }
  const auto uptime = model::ComputeUptime(*component, changes, state.now, z, days);
  boost::json::array history;
  for (const auto& day : uptime.days) {
    boost::json::array incidents;
    for (const auto& i : state.incidents) {
      if (i.kind != model::IncidentKind::kIncident || i.started_at >= day.end ||
          i.resolved_at.value_or(state.now) < day.start) {
        continue;
      }
      if (std::find(i.component_ids.begin(), i.component_ids.end(), component->id) !=
          i.component_ids.end()) {
        incidents.emplace_back(i.id);
      }
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

}  // namespace phare::api
