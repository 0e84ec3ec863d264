// Service credits as JSON (GET /v1/pages/{page}/credits, `phare credits --json`, a
// customer's statement in "my services") and as CSV (`phare credits --csv`). Shapes in
// docs/credits.md. Pure; thread-safe.
#pragma once

#include <boost/json/object.hpp>

#include <string>

#include "service/credits.h"

namespace phare::api {

// {month, from, until, as_of, complete, maintenance_windows, customers: [{customer,
// credited, resources: [{id, product, sla, plan, downtime_seconds, availability, tier,
// credit}]}], products: [{product, resources, credited, downtime_seconds, by_credit:
// [{credit, resources}]}]}. `tier` is 1 for the plan's first (mildest) tier, null for none.
boost::json::object CreditReportJson(const service::CreditReport& report);
// One customer's resources only (the "customers" entry, or an empty one), with the month.
boost::json::object CustomerStatementJson(const service::CreditReport& report);

// A header line, then one line per resource: month, customer, resource, product, sla,
// plan, downtime_seconds, availability, tier, credit. Fields are quoted when needed.
std::string CreditReportCsv(const service::CreditReport& report);

}  // namespace phare::api
