// GET /metrics, the Prometheus text of a Registry, where the operator wants it: on the
// public server, optionally behind a bearer token ([server] metrics_token), or on an
// address of its own ([server] metrics_listen, e.g. a management network) served by a
// small second server on its own thread.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "base/config.h"
#include "base/metrics.h"
#include "http/router.h"
#include "http/server.h"

namespace phare::app {

// The /metrics handler: 401 without `Authorization: Bearer TOKEN` when `token` is set.
// `registry` must outlive it.
http::Handler MetricsHandler(const base::Registry& registry, std::string token);

class MetricsEndpoint {
 public:
  // Listens on config.server.metrics_listen and serves /metrics from its own thread.
  // Unavailable when the address is taken. `registry` must outlive the endpoint.
  static base::Result<std::unique_ptr<MetricsEndpoint>> Start(const base::Config& config,
                                                              const base::Registry& registry);
  // Stops the server and joins its thread.
  ~MetricsEndpoint();
  MetricsEndpoint(const MetricsEndpoint&) = delete;
  MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

  uint16_t port() const { return server_->port(); }

 private:
  MetricsEndpoint() = default;

  http::Router router_;
  http::ResourceCache cache_;
  http::HttpMetrics http_metrics_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace phare::app
