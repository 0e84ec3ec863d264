// Admin v1 routes of post-mortems (Statuspage's shape; service/postmortems.h):
//   GET    /v1/pages/{page_id}/incidents/{id}/postmortem          the post-mortem, drafts
//          included (read); 404 when the incident has none
//   PUT    /v1/pages/{page_id}/incidents/{id}/postmortem          {"postmortem": {...}}
//          save a draft or revise a published one (write) → it, with findings and notes
//   PUT    /v1/pages/{page_id}/incidents/{id}/postmortem/publish  optional {"postmortem":
//          {"notify_subscribers"}} (write) → it; 409 before resolution or without bodies,
//          422 with findings when the checker blocks
//   PUT    /v1/pages/{page_id}/incidents/{id}/postmortem/revert   unpublish (write)
//   DELETE /v1/pages/{page_id}/incidents/{id}/postmortem          (write) → 204
#pragma once

#include "api/admin.h"
#include "http/router.h"
#include "service/inventory.h"

namespace phare::api {

// `deps` and `inventory` (may be null) must outlive the router.
void RegisterPostmortemRoutes(http::Router& router, AdminDeps& deps,
                              service::InventoryService* inventory);

}  // namespace phare::api
