// The admin API (/v1/...), mirroring Statuspage's v1 manage API so that operators'
// scripts port over: pages, components, component groups, incidents and maintenance,
// incident updates, plus phare's audit log. Authentication by API token
// (`Authorization: OAuth TOKEN` or `Bearer TOKEN`): 401 without a valid token, 403
// when its scope is too narrow. Errors are RFC 9457 problem+json.
#pragma once

#include "http/router.h"
#include "service/components.h"
#include "service/context.h"
#include "service/incidents.h"

namespace phare::api {

struct AdminDeps {
  service::Context& ctx;
  service::ComponentService& components;
  service::IncidentService& incidents;
};

// Adds every /v1 route (all blocking: they use the database). `deps` must outlive
// the router.
void RegisterAdminRoutes(http::Router& router, AdminDeps& deps);

// Gives every /v1 route that takes a body and has no check yet one run before its body
// is read (RouteOptions::admit): a valid token and the right page id. Call once all
// routes are added; the handlers still check their own scope.
void AdmitAdminBodies(http::Router& router, AdminDeps& deps);

}  // namespace phare::api
