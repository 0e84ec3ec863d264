// The operator console in a running `phare serve`: its services (users, sessions), the
// sign-in rate limits from [console], and the /admin routes (web/admin/console.h).
// Owned by Runtime::Serve; must outlive the HTTP server.
#pragma once

#include <memory>

#include "app/scheduler.h"
#include "base/config.h"
#include "http/router.h"
#include "service/components.h"
#include "service/context.h"
#include "service/incidents.h"

namespace phare::app {

class ConsoleSite {
 public:
  ConsoleSite(const base::Config& config, const model::Page& page, service::Context& ctx,
              service::IncidentService& incidents, service::ComponentService& components);
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
