// Token buckets by key, in memory: what keeps the public subscription endpoints cheap to
// refuse (per client address, per e-mail address or phone number). Each key may spend
// `burst` requests at once, then earns one back every `period`. At most `max_keys`
// buckets are kept: when full, buckets that have refilled (they hold nothing) are
// dropped, and if none has, all are, so memory stays bounded under a flood of keys.
// Thread-safe.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/clock.h"

namespace phare::http {

class RateLimiter {
 public:
  // `clock` must outlive the limiter; burst >= 1, period > 0.
  RateLimiter(const base::Clock& clock, int burst, base::Duration period, size_t max_keys = 100000);

  // Spends one request of `key`: zero if allowed, else how long until one is available.
  base::Duration Take(std::string_view key);

 private:
  struct Bucket {
    double tokens = 0;
    base::Time updated{};
  };
  void Refill(Bucket& bucket, base::Time now) const;

  const base::Clock& clock_;
  const double burst_;
  const base::Duration period_;
  const size_t max_keys_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;  // GUARDED_BY(mu_)
};

}  // namespace phare::http
