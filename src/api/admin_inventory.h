// Admin v1 routes of the infrastructure inventory, beside the other admin routes:
//   PUT  /v1/pages/{page_id}/inventory                  import (admin; JSON Lines or CSV,
//        gzip accepted; body limit `max_upload_bytes`)  → the change report, or 422 with
//        every validation error (nothing imported); 409 when it would remove more than
//        [inventory] max_shrink_percent of the nodes (or all), unless ?allow_shrink=true
//   POST /v1/pages/{page_id}/inventory/rollback         the previous inventory made current
//        again (admin) → the change report; 409 when none is kept
//   GET  /v1/pages/{page_id}/inventory                  summary (read)
//   GET  /v1/pages/{page_id}/inventory/spof             ?threshold=N&limit=M&live=true (read)
//   GET  /v1/pages/{page_id}/incidents/{id}/impact      counts, reported nodes, and
//        cursor-paged customers and resources (?limit, customers_cursor,
//        resources_cursor, hit=true) (read)
//   POST /v1/pages/{page_id}/incidents/{id}/nodes       {"nodes": [...]} node reports (write)
#pragma once

#include <cstdint>

#include "api/admin.h"
#include "http/router.h"
#include "service/inventory.h"

namespace phare::api {

// `deps` and `inventory` must outlive the router.
void RegisterInventoryRoutes(http::Router& router, AdminDeps& deps,
                             service::InventoryService& inventory, uint64_t max_upload_bytes);

}  // namespace phare::api
