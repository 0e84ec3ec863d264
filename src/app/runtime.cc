#include "app/runtime.h"

#include <spdlog/spdlog.h>

#include "api/admin.h"
#include "api/admin_credits.h"
#include "api/admin_inventory.h"
#include "api/admin_postmortems.h"
#include "app/cadence.h"
#include "app/console_site.h"
#include "app/feedback_site.h"
#include "app/hotline.h"
#include "app/inventory_wiring.h"
#include "app/metrics_endpoint.h"
#include "app/notifications.h"
#include "app/policies.h"
#include "app/publisher.h"
#include "app/scheduler.h"
#include "app/site.h"
#include "http/problem.h"
#include "http/server.h"
#include "service/estimates.h"
#include "service/feedback.h"
#include "service/page.h"
#include "store/sqlite/sqlite_store.h"
#include "web/pages.h"

namespace phare::app {

Runtime::Runtime(base::Config config, const base::Clock& clock)
    : config_(std::move(config)), clock_(clock) {}

Runtime::~Runtime() = default;

base::Result<std::unique_ptr<Runtime>> Runtime::Open(const base::Config& config,
                                                     const base::Clock& clock,
                                                     bool apply_page_config) {
  if (config.db_path.empty()) return base::InvalidArgument("is required", "--db");
  std::unique_ptr<Runtime> rt(new Runtime(config, clock));
  PHARE_ASSIGN_OR_RETURN(auto policies, PoliciesFrom(config));
  PHARE_ASSIGN_OR_RETURN(auto sqlite, store::sqlite::SqliteStore::Open(config.db_path, {}));
  rt->store_ = std::make_unique<TimedStore>(std::move(sqlite));
  Runtime* self = rt.get();
  rt->ctx_ = std::make_unique<service::Context>(
      service::Context{*rt->store_, clock, base::SystemRandom::Instance(), [self] {
                         std::lock_guard lock(self->mu_);
                         if (self->on_change_) self->on_change_();
                       }});
  rt->ctx_->policies = std::move(policies);  // [comms], [cadence], [eta] reach the services
  auto existing = service::GetPage(*rt->store_);
  if (!apply_page_config && existing.ok()) {
    rt->page_ = *existing;
  } else {
    PHARE_ASSIGN_OR_RETURN(rt->page_, service::EnsurePage(*rt->ctx_, config.page));
  }
  rt->components_ = std::make_unique<service::ComponentService>(*rt->ctx_);
  rt->incidents_ = std::make_unique<service::IncidentService>(*rt->ctx_);
  rt->inventory_ = std::make_unique<service::InventoryService>(
      *rt->ctx_, graph::ComponentPolicy{}, config.inventory.max_shrink_percent / 100.0);
  rt->incidents_->set_inventory(rt->inventory_.get());
  return rt;
}

void Runtime::RequestStop() {
  std::lock_guard lock(mu_);
  if (stop_) stop_();
}

namespace {

http::ServerOptions ServerOptionsFrom(const base::Config& c, const base::HostPort& listen) {
  http::ServerOptions o;
  o.host = listen.host;
  o.port = listen.port;
  o.threads = c.server.threads;
  o.max_body_bytes = c.server.max_body_bytes;
  o.max_public_body_bytes = c.server.max_public_body_bytes;
  o.max_body_memory_bytes = c.server.max_body_memory_bytes;
  o.max_spool_bytes = c.server.max_spool_bytes;
  o.max_header_bytes = c.server.max_header_bytes;
  o.read_timeout = std::chrono::seconds(c.server.read_timeout_seconds);
  o.drain_timeout = std::chrono::seconds(c.server.drain_timeout_seconds);
  o.max_connections = c.server.max_connections;
  o.tls_cert = c.server.tls_cert;
  o.tls_key = c.server.tls_key;
  o.frame_ancestors = c.server.frame_ancestors;
  o.trusted_proxies = c.server.trusted_proxies;
  o.forwarded_header = c.server.forwarded_header;
  o.access_log = c.server.access_log;
  return o;
}

// /healthz, and /metrics unless it has an address of its own (metrics_endpoint.h).
void AddOperationalRoutes(http::Router& router, Publisher& publisher, base::Registry& registry,
                          const http::Server& server, const base::ServerConfig& config) {
  router.Add(http::Method::kGet, "/healthz", [&](http::Request&) {
    http::Response r;
    const bool ok = publisher.healthy() && !server.stopping();
    r.status = ok ? 200 : 503;
    auto state = publisher.state();
    r.body = std::string("{\"status\":\"") + (ok ? "ok" : "unavailable") +
             "\",\"snapshot_version\":" + std::to_string(state ? state->version : 0) + "}";
    r.Header("Cache-Control", "no-store");
    return r;
  });
  if (config.metrics_listen.empty()) {
    router.Add(http::Method::kGet, "/metrics", MetricsHandler(registry, config.metrics_token));
  }
}

}  // namespace

base::Status Runtime::Serve(const std::function<void(uint16_t)>& on_ready) {
  PHARE_ASSIGN_OR_RETURN(auto listen, base::ParseHostPort(config_.server.listen));
  base::Registry registry;
  http::HttpMetrics http_metrics;
  http::ResourceCache cache;
  PublisherOptions publisher_options;
  publisher_options.cache_max_age_seconds = config_.server.cache_max_age_seconds;
  publisher_options.default_language = ctx_->policies.default_language;
  publisher_options.frame_ancestors = config_.server.frame_ancestors;
  PHARE_ASSIGN_OR_RETURN(auto feedback_key, service::FeedbackKey::Load(*store_, ctx_->random));
  publisher_options.feedback_key = feedback_key.bytes();
  Publisher publisher(*store_, clock_, cache, http_metrics, publisher_options);

  http::Router router;
  api::AdminDeps admin{*ctx_, *components_, *incidents_};
  api::RegisterAdminRoutes(router, admin);
  api::RegisterInventoryRoutes(router, admin, *inventory_, config_.inventory.max_upload_bytes);
  api::RegisterCreditsRoutes(router, admin, *inventory_);
  api::RegisterPostmortemRoutes(router, admin, inventory_.get());
  Site site(publisher, ctx_->policies.default_language);
  RegisterMyServicesRoutes(router, *ctx_, *inventory_, site);
  PHARE_ASSIGN_OR_RETURN(auto notifications, Notifications::Start(config_, *ctx_, page_));
  notifications->Install(router, admin, publisher, ctx_->policies.default_language);
  ConsoleSite console(config_, page_, *ctx_, *incidents_, *components_, inventory_.get(),
                      [&notifications] { notifications->Wake(); });
  console.Install(router);
  HotlineStation hotline(publisher, clock_);
  hotline.Install(router);
  FeedbackSite feedback(*ctx_, publisher, feedback_key, ctx_->policies.default_language);
  feedback.Install(router);
  api::AdmitAdminBodies(router, admin);
  http::Server server(ServerOptionsFrom(config_, listen), router, cache, http_metrics);
  AddOperationalRoutes(router, publisher, registry, server, config_.server);
  for (auto& route : router.routes()) {
    route.metric_id = http_metrics.RegisterRoute(std::string(http::ToString(route.method)) + " " +
                                                 route.options.name);
  }
  site.Install(server, router);
  http_metrics.Export(registry);
  publisher.Export(registry);
  notifications->Export(registry);
  hotline.Export(registry);
  feedback.Export(registry);
  registry.Add("phare_db_write_duration_seconds", "Duration of database write transactions.",
               "histogram", [this](std::string& out) {
                 store_->writes().Render("phare_db_write_duration_seconds", "", out);
               });

  PHARE_RETURN_IF_ERROR(LoadInventory(*inventory_));
  PHARE_RETURN_IF_ERROR(publisher.Start());
  hotline.Start();
  PHARE_RETURN_IF_ERROR(server.Start());
  std::unique_ptr<MetricsEndpoint> metrics_endpoint;
  if (!config_.server.metrics_listen.empty()) {
    PHARE_ASSIGN_OR_RETURN(metrics_endpoint, MetricsEndpoint::Start(config_, registry));
    spdlog::info("metrics on http://{}/metrics", config_.server.metrics_listen);
  }
  {
    std::lock_guard lock(mu_);
    on_change_ = [&publisher, &hotline, n = notifications.get()] {
      n->Wake();
      publisher.WaitPublished(publisher.Changed(), std::chrono::seconds(5));
      hotline.Wake();
    };
    stop_ = [&server] { server.Stop(); };
  }
  Scheduler scheduler;
  scheduler.Every("maintenance", std::chrono::seconds(1), [this] {
    if (auto moved = incidents_->AdvanceMaintenance(); !moved.ok()) {
      spdlog::error("maintenance scheduler: {}", moved.status().ToString());
    }
  });
  // A published restoration time is replaced before it passes (docs/eta.md).
  service::EstimateRefresher estimates(*ctx_);
  scheduler.Every("estimates", std::chrono::seconds(1), [&estimates] {
    if (auto refreshed = estimates.Tick(); !refreshed.ok()) {
      spdlog::error("estimates: {}", refreshed.status().ToString());
    }
  });
  Cadence cadence(*ctx_, config_.cadence.ops_webhook);
  cadence.Export(registry);
  scheduler.Every("cadence", std::chrono::seconds(5), [&cadence] { cadence.Check(); });
  FeedbackWatch feedback_watch(*ctx_, config_.feedback.unclear_share, config_.feedback.min_votes,
                               config_.cadence.ops_webhook);
  feedback_watch.Export(registry);
  scheduler.Every("feedback", std::chrono::seconds(5),
                  [&feedback_watch] { feedback_watch.Check(); });
  scheduler.Every("inventory", std::chrono::seconds(1), [this] {
    if (auto status = inventory_->Refresh(); !status.ok()) {
      spdlog::error("inventory: {}", status.ToString());
    }
  });
  notifications->Schedule(scheduler);
  console.Schedule(scheduler);
  scheduler.Start();
  const bool tls = !config_.server.tls_cert.empty();
  spdlog::info("serving {}://{}:{}/ for page '{}' ({}), database {}", tls ? "https" : "http",
               listen.host, server.port(), page_.name, page_.id, store_->Describe());
  if (on_ready) on_ready(server.port());
  server.Run();
  metrics_endpoint.reset();
  {
    std::lock_guard lock(mu_);
    on_change_ = nullptr;
    stop_ = nullptr;
  }
  scheduler.Stop();
  notifications->Stop();
  hotline.Stop();
  publisher.Stop();
  spdlog::info("stopped");
  return base::Status::Ok();
}

}  // namespace phare::app
