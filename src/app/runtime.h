// The wiring of one phare process: configuration, store, services, and (for `serve`
// and `demo`) the publisher, scheduler and HTTP server. The CLI and the server use the
// same Runtime, so both go through the same service functions.
#pragma once

#include <functional>
#include <memory>

#include "app/timed_store.h"
#include "base/clock.h"
#include "base/config.h"
#include "model/page.h"
#include "service/components.h"
#include "service/context.h"
#include "service/incidents.h"
#include "service/inventory.h"

namespace phare::app {

class Runtime {
 public:
  // Opens (creating and migrating) the database at config.db_path and makes sure the
  // page exists. With `apply_page_config` (serve, demo) the page's name, URL and zone
  // follow config.page; without (CLI commands), an existing page is left as it is.
  // `clock` must outlive the runtime.
  static base::Result<std::unique_ptr<Runtime>> Open(const base::Config& config,
                                                     const base::Clock& clock,
                                                     bool apply_page_config = true);
  ~Runtime();

  store::Store& store() { return *store_; }
  service::Context& ctx() { return *ctx_; }
  service::ComponentService& components() { return *components_; }
  service::IncidentService& incidents() { return *incidents_; }
  service::InventoryService& inventory() { return *inventory_; }
  const model::Page& page() const { return page_; }
  const base::Config& config() const { return config_; }

  // Serves until SIGINT/SIGTERM, then drains and returns OK. `on_ready` runs once the
  // server listens (the demo starts its replay there) with the bound port.
  base::Status Serve(const std::function<void(uint16_t port)>& on_ready = {});
  // Stops a running Serve() from another thread (tests, the demo).
  void RequestStop();

 private:
  Runtime(base::Config config, const base::Clock& clock);

  base::Config config_;
  const base::Clock& clock_;
  std::unique_ptr<TimedStore> store_;
  std::unique_ptr<service::Context> ctx_;
  std::unique_ptr<service::ComponentService> components_;
  std::unique_ptr<service::IncidentService> incidents_;
  std::unique_ptr<service::InventoryService> inventory_;
  model::Page page_;
  std::function<void()> on_change_;  // set while serving
  std::function<void()> stop_;       // set while serving
  std::mutex mu_;                    // guards on_change_ and stop_
};

}  // namespace phare::app
