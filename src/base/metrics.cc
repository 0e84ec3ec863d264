#include "base/metrics.h"

#include <fmt/format.h>

namespace phare::base {

void Histogram::Observe(std::chrono::nanoseconds latency) {
  const double seconds = std::chrono::duration<double>(latency).count();
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) {
      buckets_[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_ns_.fetch_add(static_cast<uint64_t>(latency.count()), std::memory_order_relaxed);
}

HistogramCounts Histogram::Counts() const {
  HistogramCounts c;
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    c.buckets[i] = buckets_[i].load(std::memory_order_relaxed);
  }
  c.count = count_.load(std::memory_order_relaxed);
  c.sum_ns = sum_ns_.load(std::memory_order_relaxed);
  return c;
}

HistogramCounts& HistogramCounts::operator+=(const HistogramCounts& other) {
  for (size_t i = 0; i < buckets.size(); ++i) buckets[i] += other.buckets[i];
  count += other.count;
  sum_ns += other.sum_ns;
  return *this;
}

void HistogramCounts::Render(std::string_view name, std::string_view labels,
                             std::string& out) const {
  const std::string sep = labels.empty() ? "" : ",";
  uint64_t cumulative = 0;
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    cumulative += buckets[i];
    out += fmt::format("{}_bucket{{{}{}le=\"{}\"}} {}\n", name, labels, sep, kLatencyBuckets[i],
                       cumulative);
  }
  // Observations beyond the last bucket count only in +Inf.
  out += fmt::format("{}_bucket{{{}{}le=\"+Inf\"}} {}\n", name, labels, sep, count);
  const std::string braces = labels.empty() ? "" : fmt::format("{{{}}}", labels);
  out += fmt::format("{}_sum{} {}\n", name, braces, static_cast<double>(sum_ns) / 1e9);
  out += fmt::format("{}_count{} {}\n", name, braces, count);
}

void Registry::Add(std::string name, std::string help, std::string type, Collector collect) {
  std::lock_guard lock(mu_);
  families_.push_back({std::move(name), std::move(help), std::move(type), std::move(collect)});
}

std::string Registry::Render() const {
  std::lock_guard lock(mu_);
  std::string out;
  for (const auto& f : families_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", f.name, f.help, f.name, f.type);
    f.collect(out);
  }
  return out;
}

std::string EscapeLabel(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace phare::base
