// GET /api/v2/components/{id}/uptime.json?days=N (a phare extension of the v2 API): a
// component's track record day by day in the page's zone (model/uptime.h for what
// counts), for widgets and reports. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "service/public_state.h"

namespace phare::api {

// `days` is the query's value: 1 to service::kUptimeDays, default kUptimeDays;
// InvalidArgument (field "days") otherwise; NotFound for an unknown component or a group.
base::Result<std::string> RenderUptime(const service::PublicState& state,
                                       std::string_view component_id,
                                       const std::optional<std::string>& days);

}  // namespace phare::api
