// The operator console in a running `phare serve`: its services (users, sessions), the
// sign-in rate limits from [console], and the /admin routes (web/admin/console.h).
// Owned by Runtime::Serve; must outlive the HTTP server.
#pragma once

#include <functional>
#include <memory>

#include "app/scheduler.h"
#include "base/config.h"
#include "http/router.h"
#include "service/components.h"
#include "service/context.h"
#include "service/incidents.h"
#include "service/inventory.h"

namespace phare::app {

class ConsoleSite {
 public:
  // `inventory` (may be null) makes customers' "my services" links; `wake` tells the
  // notification pipeline that retried deliveries are due.
  ConsoleSite(
      const base::Config& config, const model::Page& page, service::Context& ctx,
      service::IncidentService& incidents, service::ComponentService& components,
      service::InventoryService* inventory = nullptr, std::function<void()> wake = [] {});
  ~ConsoleSite();

  // Adds the /admin routes. Call before the server starts.
  void Install(http::Router& router);
  // Hourly: removes sessions past their idle time.
  void Schedule(Scheduler& scheduler);

  struct Parts;

 private:
  std::unique_ptr<Parts> parts_;
};

}  // namespace phare::app
