// The operator console: server-rendered pages under /admin for the people who talk to
// customers during an outage. Works without JavaScript; /admin/static/console.js only
// ticks countdowns and follows changes.
//
//   GET  /admin/login, POST /admin/login     sign in (rate-limited per account and address)
//   POST /admin/logout                       sign out
//   POST /admin/preferences                  the user's interface language
//   GET  /admin/password/{token}, POST ...   set a password through a one-time link
//   GET  /admin                              dashboard (viewer and up)
//   GET  /admin/declare, POST /admin/declare  declare an incident (operator and up)
//   GET  /admin/incidents/{id}/update, POST ...  write an update (communicator and up)
//   GET  /admin/users, POST /admin/users, POST /admin/users/disable   users (admin)
//   GET  /admin/audit                        the audit log (admin)
//   GET  /admin/incidents/{id}/progress, POST ..., POST /admin/incidents/{id}/nodes
//                                            progress samples and node reports (operator)
//   GET  /admin/maintenance, POST ...; GET|POST /admin/maintenance/{id};
//   POST /admin/maintenance/{id}/cancel      scheduled maintenance (operator)
//   GET  /admin/subscribers?q=&channel=&state=, POST /admin/subscribers/remove,
//   POST /admin/deliveries/retry             subscribers and dead letters (admin)
//   GET  /admin/tokens, POST ..., POST /admin/tokens/revoke   API tokens (admin)
//   GET  /admin/customers?customer=, POST /admin/customers/link|revoke
//                                            a customer's "my services" links (admin)
//   GET  /admin/static/{file}                the stylesheet and script
//
// Every page checks the session and the role on the server: no session (or an expired
// one) redirects to the sign-in page, a role too low gets a 403 page. Every form POST
// carries a CSRF token (the session's; before sign-in, a cookie's) and is refused with
// 403 without it. Writes go through the same service functions as the admin API and
// the CLI, and into the audit log under the user's name. Thread-safe once installed.
#pragma once

#include <functional>
#include <string>

#include "http/rate_limiter.h"
#include "http/router.h"
#include "service/components.h"
#include "service/context.h"
#include "service/incidents.h"
#include "service/inventory.h"
#include "service/sessions.h"
#include "service/subscribers.h"
#include "service/users.h"

namespace phare::web::admin {

struct ConsoleDeps {
  service::Context& ctx;
  service::UserService& users;
  service::SessionService& sessions;
  service::IncidentService& incidents;
  service::ComponentService& components;
  service::SubscriberService& subscribers;
  http::RateLimiter& login_per_account;
  http::RateLimiter& login_per_address;
  bool tls = false;                                // cookies get Secure
  std::string default_language = "en";             // when Accept-Language matches no catalog
  std::string time_zone = "UTC";                   // times are shown in the page's zone
  std::string base_url;                            // the page's public URL, for set-password links
  service::InventoryService* inventory = nullptr;  // null: no "my services" links
  std::function<void()> wake = [] {};              // retried deliveries are due: tell the pipeline
};

// Adds the routes. `deps` must outlive the router.
void RegisterConsoleRoutes(http::Router& router, ConsoleDeps& deps);

}  // namespace phare::web::admin
