#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace phare::http {

RateLimiter::RateLimiter(const base::Clock& clock, int burst, base::Duration period,
                         size_t max_keys)
    : clock_(clock),
      burst_(std::max(1, burst)),
      period_(std::max(period, base::Duration(1))),
      max_keys_(std::max<size_t>(1, max_keys)) {}

void RateLimiter::Refill(Bucket& b, base::Time now) const {
  const double earned =
      static_cast<double>((now - b.updated).count()) / static_cast<double>(period_.count());
  if (earned > 0) {
    b.tokens = std::min(burst_, b.tokens + earned);
    b.updated = now;
  }
}

base::Duration RateLimiter::Take(std::string_view key) {
  const base::Time now = clock_.Now();
  std::lock_guard lock(mu_);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_keys_) {
      std::erase_if(buckets_, [&](const auto& entry) {
        Bucket b = entry.second;
        Refill(b, now);
        return b.tokens >= burst_;
      });
      if (buckets_.size() >= max_keys_) buckets_.clear();
    }
    it = buckets_.emplace(std::string(key), Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  Refill(b, now);
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return base::Duration(0);
  }
  const double missing = 1 - b.tokens;
  return base::Duration(
      static_cast<int64_t>(std::ceil(missing * static_cast<double>(period_.count()))));
}

}  // namespace phare::http
