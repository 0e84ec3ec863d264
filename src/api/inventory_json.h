// JSON for the inventory's use cases, shared by the admin API, the CLI and the public
// "my services" document: import reports and errors, the inventory summary, an
// incident's impact page, single points of failure, a customer's view. Times are
// RFC 3339 in `zone`. Pure functions.
#pragma once

#include <boost/json/object.hpp>

#include <string>

#include "base/time.h"
#include "graph/import_error.h"
#include "service/inventory.h"
#include "service/my_services.h"

namespace phare::api {

boost::json::object InventoryInfoJson(const model::InventoryInfo& info, const base::Zone& zone);
boost::json::object ImportReportJson(const service::ImportReport& report, const base::Zone& zone);
// {"error_count": N, "errors": [{"source", "line", "id", "message", "text"}]}
boost::json::object ImportErrorsJson(const graph::ErrorList& errors);
boost::json::object SummaryJson(const service::InventorySummary& summary, const base::Zone& zone);
boost::json::object ImpactPageJson(const service::ImpactPage& page, const base::Zone& zone);
boost::json::object SpofJson(const service::SpofResult& result);
// /my/{token}/summary.json (incidents link to the page's URL).
std::string MyServicesJson(const service::MyServices& view);

}  // namespace phare::api
