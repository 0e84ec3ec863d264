#include "app/console_site.h"

#include <spdlog/spdlog.h>

#include "app/notifications.h"
#include "http/rate_limiter.h"
#include "service/sessions.h"
#include "service/subscribers.h"
#include "service/users.h"
#include "web/admin/console.h"

namespace phare::app {

struct ConsoleSite::Parts {
  Parts(const base::Config& config, const model::Page& page, service::Context& ctx,
        service::IncidentService& incidents, service::ComponentService& components)
      : users(ctx, std::chrono::hours(config.console.password_link_hours)),
        sessions(ctx, service::SessionPolicy::From(config.console)),
        subscribers(ctx, SubscriberPolicyFrom(config)),
        per_account(ctx.clock, config.console.login_per_account_burst,
                    std::chrono::milliseconds(3600000 / config.console.login_per_account_per_hour)),
        per_address(ctx.clock, config.console.login_per_address_burst,
                    std::chrono::milliseconds(3600000 / config.console.login_per_address_per_hour)),
        deps{ctx, users, sessions, incidents, components, subscribers, per_account, per_address,
             // Secure cookies under TLS, here or at a proxy in front (an https page URL).
             !config.server.tls_cert.empty() || page.url.rfind("https://", 0) == 0,
             ctx.policies.default_language, page.time_zone, page.url} {}

  service::UserService users;
  service::SessionService sessions;
  service::SubscriberService subscribers;
  http::RateLimiter per_account;
  http::RateLimiter per_address;
  web::admin::ConsoleDeps deps;
};

ConsoleSite::ConsoleSite(const base::Config& config, const model::Page& page, service::Context& ctx,
                         service::IncidentService& incidents, service::ComponentService& components,
                         service::InventoryService* inventory, std::function<void()> wake)
    : parts_(std::make_unique<Parts>(config, page, ctx, incidents, components)) {
  parts_->deps.inventory = inventory;
  parts_->deps.wake = std::move(wake);
}

ConsoleSite::~ConsoleSite() = default;

void ConsoleSite::Install(http::Router& router) {
  web::admin::RegisterConsoleRoutes(router, parts_->deps);
}

void ConsoleSite::Schedule(Scheduler& scheduler) {
  scheduler.Every("console-sessions", std::chrono::hours(1), [this] {
    if (auto purged = parts_->sessions.Purge(); !purged.ok()) {
      spdlog::error("console sessions: {}", purged.status().ToString());
    }
  });
}

}  // namespace phare::app
