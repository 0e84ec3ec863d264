// The subscription endpoints.
//
// Public (Statuspage-compatible, CORS-enabled, rate-limited per client address and per
// e-mail address or phone number, answered with RFC 9457 problems, 429 with Retry-After):
//   POST   /api/v2/subscribers.json        subscribe: 202 for e-mail and SMS once the
//                                          request is checked and queued (the same answer,
//                                          and the same work, whether the address is new,
//                                          pending or active); 201 with the signing
//                                          secret for webhooks
//   DELETE /api/v2/subscribers/{token}.json  unsubscribe with the token of the
//                                          unsubscribe link; a subscriber id works only
//                                          with an admin token
//   OPTIONS on both                         CORS preflight
// Admin (/v1, API token with the admin scope: subscribers are personal data and their
// endpoint URLs secrets, shown redacted but when created):
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
#include "service/subscription_queue.h"

namespace phare::api {

struct SubscriberApiDeps {
  service::SubscriberService& subscribers;
  http::RateLimiter& per_client;       // keyed by the client's IP address
  http::RateLimiter& per_address;      // keyed by SubscriberService::RecipientKey
  service::SubscriptionQueue& queue;   // public e-mail and SMS subscriptions
  std::function<void()> wake = [] {};  // a confirmation may be due: tell the pipeline
};

// Every route is blocking (database). `admin` and `deps` must outlive the router.
void RegisterSubscriberRoutes(http::Router& router, AdminDeps& admin, SubscriberApiDeps& deps);

// The 429 problem for a client that must wait `wait`.
http::Response RateLimited(base::Duration wait);

}  // namespace phare::api
