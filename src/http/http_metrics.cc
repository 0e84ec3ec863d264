#include "http/http_metrics.h"

#include <fmt/format.h>

namespace phare::http {

HttpMetrics::HttpMetrics() {
  routes_.push_back("unmatched");
  for (auto& shard : shards_) shard = std::make_unique<Shard>();
}

int HttpMetrics::RegisterRoute(const std::string& name) {
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i] == name) return static_cast<int>(i);
  }
  if (routes_.size() >= kMaxRoutes) return kUnmatchedRoute;
  routes_.push_back(name);
  return static_cast<int>(routes_.size() - 1);
}

int HttpMetrics::StatusSlot(int status) {
  for (size_t i = 0; i + 1 < kStatuses.size(); ++i) {
    if (kStatuses[i] == status) return static_cast<int>(i);
  }
  return static_cast<int>(kStatuses.size() - 1);
}

int HttpMetrics::ShardIndex() {
  static std::atomic<int> next{0};
  thread_local const int index = next.fetch_add(1, std::memory_order_relaxed) % kShards;
  return index;
}

void HttpMetrics::Record(int route, int status, std::chrono::nanoseconds latency) {
  if (route < 0 || route >= kMaxRoutes) route = kUnmatchedRoute;
  Shard& shard = *shards_[ShardIndex()];
  shard.requests[route][StatusSlot(status)].fetch_add(1, std::memory_order_relaxed);
  shard.latency[route].Observe(latency);
}

void HttpMetrics::Export(base::Registry& registry) const {
  registry.Add("phare_http_requests_total", "HTTP requests by route and status code.", "counter",
               [this](std::string& out) {
                 for (size_t r = 0; r < routes_.size(); ++r) {
                   for (size_t s = 0; s < kStatuses.size(); ++s) {
                     uint64_t n = 0;
                     for (const auto& shard : shards_) {
                       n += shard->requests[r][s].load(std::memory_order_relaxed);
                     }
                     if (n == 0) continue;
                     const std::string code = kStatuses[s] ? std::to_string(kStatuses[s]) : "other";
                     out +=
                         fmt::format("phare_http_requests_total{{route=\"{}\",code=\"{}\"}} {}\n",
                                     base::EscapeLabel(routes_[r]), code, n);
                   }
                 }
               });
  registry.Add("phare_http_request_duration_seconds",
               "Time from a parsed request to its response being written, by route.", "histogram",
               [this](std::string& out) {
                 for (size_t r = 0; r < routes_.size(); ++r) {
                   base::HistogramCounts merged;
                   for (const auto& shard : shards_) merged += shard->latency[r].Counts();
                   if (merged.count == 0) continue;
                   merged.Render("phare_http_request_duration_seconds",
                                 fmt::format("route=\"{}\"", base::EscapeLabel(routes_[r])), out);
                 }
               });
  registry.Add("phare_http_open_connections", "Connections currently open.", "gauge",
               [this](std::string& out) {
                 out += fmt::format("phare_http_open_connections {}\n",
                                    open_connections_.load(std::memory_order_relaxed));
               });
}

}  // namespace phare::http
