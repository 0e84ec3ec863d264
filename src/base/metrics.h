// Prometheus metrics, written in the text exposition format by hand (it is small).
// Histogram and Gauge are lock-free and thread-safe. A Registry renders every metric
// registered with it; registration happens at start-up, rendering at any time.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace phare::base {

// Latency buckets in seconds, from 100 µs to 10 s.
inline constexpr std::array<double, 14> kLatencyBuckets = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5, 10};

// A histogram's values at one moment; sums of several histograms render as one.
struct HistogramCounts {
  std::array<uint64_t, kLatencyBuckets.size()> buckets{};  // per bucket, not cumulative
  uint64_t count = 0;
  uint64_t sum_ns = 0;

  HistogramCounts& operator+=(const HistogramCounts& other);
  // Appends `name_bucket{labels,le=...}`, `name_sum` and `name_count` lines.
  void Render(std::string_view name, std::string_view labels, std::string& out) const;
};

class Histogram {
 public:
  void Observe(std::chrono::nanoseconds latency);
  HistogramCounts Counts() const;
  void Render(std::string_view name, std::string_view labels, std::string& out) const {
    Counts().Render(name, labels, out);
  }
  uint64_t count() const { return count_.load(std::memory_order_relaxed); }

 private:
  std::array<std::atomic<uint64_t>, kLatencyBuckets.size()> buckets_{};
  std::atomic<uint64_t> count_{0};
  std::atomic<uint64_t> sum_ns_{0};
};

class Registry {
 public:
  using Collector = std::function<void(std::string& out)>;
  // `help` and `type` ("counter", "gauge", "histogram") head the metric family.
  void Add(std::string name, std::string help, std::string type, Collector collect);
  std::string Render() const;

 private:
  struct Family {
    std::string name, help, type;
    Collector collect;
  };
  mutable std::mutex mu_;
  std::vector<Family> families_;  // GUARDED_BY(mu_)
};

// Escapes a label value (backslash, quote, newline).
std::string EscapeLabel(std::string_view value);

}  // namespace phare::base
