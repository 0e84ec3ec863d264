// The inventory's part of serving: its state loaded before the server starts, and the
// public "my services" routes of customers' private links:
//   GET /my/{token}               the HTML page
//   GET /my/{token}/summary.json  the same as JSON
// Both are rendered on request (per customer, never part of the snapshot), answer 404
// for an unknown or revoked link, and are sent with Cache-Control: private, no-store.
#pragma once

#include "app/site.h"
#include "http/router.h"
#include "service/context.h"
#include "service/inventory.h"

namespace phare::app {

// Loads the stored inventory and builds the graph state; logs what it took.
base::Status LoadInventory(service::InventoryService& inventory);

// `ctx`, `inventory` and `site` (which picks each reader's language and zone, as on
// the public pages) must outlive the router.
void RegisterMyServicesRoutes(http::Router& router, service::Context& ctx,
                              service::InventoryService& inventory, const Site& site);

}  // namespace phare::app
