// The subscription endpoints.
//
// Public (Statuspage-compatible, CORS-enabled, rate-limited per client address and per
// e-mail address or phone number, answered with RFC 9457 problems, 429 with Retry-After):
//   POST   /api/v2/subscribers.json        subscribe: 202 for e-mail and SMS with the same
//                                          answer whether the address was subscribed or
//                                          not; 201 with the signing secret for webhooks
//   DELETE /api/v2/subscribers/{token}.json  unsubscribe with the token of the
//                                          unsubscribe link; a subscriber id works only
//                                          with an admin token
//   OPTIONS on both                         CORS preflight
// Admin (/v1, API token; read to list, admin to change):
//   GET|POST /v1/pages/{page}/subscribers, GET|DELETE /v1/pages/{page}/subscribers/{id},
//   GET /v1/pages/{page}/deliveries/stats, POST /v1/pages/{page}/deliveries/retry,
//   GET /v1/pages/{page}/deliveries/dead (dead letters, newest first),
//   POST /v1/pages/{page}/deliveries/{id}/retry (one dead letter; 404 if not one)
//   GET /v1/pages/{page}/subscribers?q=text finds addresses containing the text
#pragma once

#include <functional>

#include "api/admin.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "service/subscribers.h"

namespace phare::api {

struct SubscriberApiDeps {
  service::SubscriberService& subscribers;
  http::RateLimiter& per_client;       // keyed by the client's IP address
  http::RateLimiter& per_address;      // keyed by the e-mail address or phone number
  std::function<void()> wake = [] {};  // a confirmation may be due: tell the pipeline
};

// Every route is blocking (database). `admin` and `deps` must outlive the router.
void RegisterSubscriberRoutes(http::Router& router, AdminDeps& admin, SubscriberApiDeps& deps);

// The 429 problem for a client that must wait `wait`.
http::Response RateLimited(base::Duration wait);
// "email:client@example.org": the per-address limiter's key for an input.
std::string AddressKey(const service::SubscribeInput& in);

}  // namespace phare::api
