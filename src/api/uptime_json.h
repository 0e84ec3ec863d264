// GET /api/v2/components/{id}/uptime.json?days=N (a phare extension of the v2 API): a
// component's track record day by day in the page's zone (model/uptime.h for what
// counts), for widgets and reports. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>
#include "base/status.h"

#include "service/components.h"
#include "service/public_state.h"

namespace phare::api {

// `days` is the query's value: 1 to service::kUptimeDays, default kUptimeDays;
// InvalidArgument (field "days") otherwise; NotFound for an unknown component or a group.
base::Result<std::string> RenderUptime(const service::PublicState& state,
                                       std::string_view component_id,
                                       const std::optional<std::string>& days);

// GET /v1/pages/{page}/components/{id}/uptime?start=YYYY-MM-DD&end=YYYY-MM-DD, in
// Statuspage's shape: id, name, range_start, range_end, uptime_percentage,
// major_outage and partial_outage (seconds), warnings, related_events. Dates are local
// to the page; `end` defaults to today (and is capped there), `start` to 89 days before
// `end`; at most 366 days. InvalidArgument (field "start" or "end") otherwise.
struct UptimeRange {
  base::Time since{};  // what to read history from (the range's first midnight)
  base::Time until{};  // the range's end: the midnight after `end`, or now
  int days = 0;
  std::string start, end;  // as dates
};
base::Result<UptimeRange> ParseUptimeRange(const std::string& time_zone, base::Time now,
                                           const std::optional<std::string>& start,
                                           const std::optional<std::string>& end);
boost::json::object StatuspageUptimeJson(const service::ComponentHistory& history,
                                         const UptimeRange& range);

}  // namespace phare::api
