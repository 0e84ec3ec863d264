// Admin v1 route of service credits (docs/credits.md):
//   GET /v1/pages/{page_id}/credits?month=YYYY-MM[&customer=ID]   (admin) → the month's
//       credits per customer and resource, with totals per product (api/credits_json.h);
//       422 problem (field "month") for a missing, malformed or future month, or (field
//       "customer") an over-long customer id.
#pragma once

#include "api/admin.h"
#include "http/router.h"
#include "service/inventory.h"

namespace phare::api {

// `deps` and `inventory` must outlive the router.
void RegisterCreditsRoutes(http::Router& router, AdminDeps& deps,
                           service::InventoryService& inventory);

}  // namespace phare::api
