// JSON of an incident's impact counts (model::ImpactCount), as `phare.impact` of
// incidents in the v2 documents and the admin API:
//   {"resources": {"total", "down", "degraded", "at_risk", "affected", "hit", "restored"},
//    "customers": {"down", "degraded", "at_risk", "affected"},
//    "by_product": [{"product", "resources", "customers"}], "by_site": [{"site", ...}]}
// or null when the incident has no node reports. Pure function.
#pragma once

#include <boost/json/value.hpp>

#include <vector>

#include "model/incident.h"

namespace phare::api {

boost::json::value ImpactJson(const std::vector<model::ImpactCount>& counts);

}  // namespace phare::api
