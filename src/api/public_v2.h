// The Statuspage v2 public documents (/api/v2/*.json), rendered from one PublicState:
// same paths, field names, enums and selection rules as Atlassian Statuspage, so that
// widgets, bots and aggregators work unchanged.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "service/public_state.h"

namespace phare::api {

// Documents in the order of the list below, as (path, JSON text):
//   /api/v2/summary.json, status.json, components.json, incidents.json,
//   incidents/unresolved.json, scheduled-maintenances.json,
//   scheduled-maintenances/upcoming.json, scheduled-maintenances/active.json
// `default_language`: the language of Statuspage's `body` field.
std::vector<std::pair<std::string, std::string>> RenderV2(const service::PublicState& state,
                                                          const std::string& default_language);

// The most documents of a list (incidents.json and scheduled-maintenances.json).
inline constexpr size_t kV2ListLimit = 50;

}  // namespace phare::api
