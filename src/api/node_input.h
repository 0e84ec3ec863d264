// Node reports in admin API bodies: `phare.root_nodes` on incident create/update and
// `nodes` of POST .../incidents/{id}/nodes. Each item is a node id (reported down) or
// {"id": "...", "state": "down" | "degraded" | "restored"}. Errors name the field
// ("incident.phare.root_nodes[2].state"). Pure functions.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <vector>

#include "base/status.h"
#include "model/inventory.h"

namespace phare::api {

// Appends the reports in `value` (an array; null or absent: nothing) to `out`.
base::Status ParseNodeReports(const boost::json::value* value, const std::string& field,
                              std::vector<model::NodeReport>& out);

}  // namespace phare::api
