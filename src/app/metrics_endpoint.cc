#include "app/metrics_endpoint.h"

#include "base/crypto.h"
#include "http/problem.h"

namespace phare::app {
namespace {

std::string_view BearerOf(std::string_view header) {
  constexpr std::string_view kScheme = "Bearer ";
  if (header.size() <= kScheme.size() || header.substr(0, kScheme.size()) != kScheme) return {};
  return header.substr(kScheme.size());
}

}  // namespace

http::Handler MetricsHandler(const base::Registry& registry, std::string token) {
  return [&registry, token = std::move(token)](http::Request& req) {
    if (!token.empty() && !base::ConstantTimeEqual(BearerOf(req.Header("Authorization")), token)) {
      http::Response r = http::Problem(401, "unauthenticated",
                                       "send the metrics token: 'Authorization: Bearer TOKEN'");
      r.Header("WWW-Authenticate", "Bearer");
      return r;
    }
    http::Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = registry.Render();
    r.Header("Cache-Control", "no-store");
    return r;
  };
}

base::Result<std::unique_ptr<MetricsEndpoint>> MetricsEndpoint::Start(
    const base::Config& config, const base::Registry& registry) {
  PHARE_ASSIGN_OR_RETURN(auto listen, base::ParseHostPort(config.server.metrics_listen));
  std::unique_ptr<MetricsEndpoint> e(new MetricsEndpoint());
  e->router_.Add(http::Method::kGet, "/metrics",
                 MetricsHandler(registry, config.server.metrics_token));
  for (auto& route : e->router_.routes()) {
    route.metric_id = e->http_metrics_.RegisterRoute("GET /metrics");
  }
  http::ServerOptions o;
  o.host = listen.host;
  o.port = listen.port;
  o.threads = 1;
  o.blocking_threads = 1;
  o.max_connections = 64;
  o.handle_signals = false;
  e->server_ = std::make_unique<http::Server>(o, e->router_, e->cache_, e->http_metrics_);
  PHARE_RETURN_IF_ERROR(e->server_->Start());
  e->thread_ = std::thread([server = e->server_.get()] { server->Run(); });
  return e;
}

MetricsEndpoint::~MetricsEndpoint() {
  if (server_) server_->Stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace phare::app
