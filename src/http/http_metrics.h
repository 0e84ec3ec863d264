// Request counters by route and status, and latency histograms by route, recorded
// without locks on the request path: each network thread writes its own shard and
// /metrics sums the shards. Routes are registered at start-up (not thread-safe);
// Record and Render are thread-safe afterwards.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "base/metrics.h"

namespace phare::http {

class HttpMetrics {
 public:
  static constexpr int kMaxRoutes = 96;
  static constexpr int kUnmatchedRoute = 0;  // "unmatched": 404s and bad requests

  HttpMetrics();
  // Returns the route's id (an existing one if `name` is registered already).
  int RegisterRoute(const std::string& name);
  void Record(int route, int status, std::chrono::nanoseconds latency);
  // Registers phare_http_requests_total and phare_http_request_duration_seconds.
  void Export(base::Registry& registry) const;

  std::atomic<int64_t>& open_connections() { return open_connections_; }

 private:
  static constexpr std::array<int, 20> kStatuses = {200, 201, 204, 301, 302, 304, 400,
                                                    401, 403, 404, 405, 409, 413, 415,
                                                    422, 429, 431, 500, 503, 0};
  static constexpr int kShards = 4;
  struct Shard {
    std::array<std::array<std::atomic<uint64_t>, kStatuses.size()>, kMaxRoutes> requests{};
    std::array<base::Histogram, kMaxRoutes> latency;
  };
  static int StatusSlot(int status);
  static int ShardIndex();

  std::vector<std::string> routes_;
  std::array<std::unique_ptr<Shard>, kShards> shards_;
  std::atomic<int64_t> open_connections_{0};
};

}  // namespace phare::http
