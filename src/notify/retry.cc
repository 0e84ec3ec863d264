#include "notify/retry.h"

#include <algorithm>
#include <cmath>

namespace phare::notify {

RetryDecision DecideRetry(const RetryPolicy& policy, int attempts_made, base::Time now,
                          std::optional<base::Duration> retry_after, base::Random& random) {
  RetryDecision out;
  if (attempts_made >= policy.max_attempts) {
    out.dead_letter = true;
    out.next_attempt_at = now;
    return out;
  }
  const double growth = std::pow(policy.multiplier, std::max(0, attempts_made - 1));
  const double capped = std::min(static_cast<double>(policy.max_delay.count()),
                                 static_cast<double>(policy.initial_delay.count()) * growth);
  const auto full = static_cast<int64_t>(capped);
  const int64_t half = full / 2;
  const auto span = static_cast<uint32_t>(std::min<int64_t>(full - half + 1, UINT32_MAX));
  int64_t delay = half + static_cast<int64_t>(random.Uniform(std::max<uint32_t>(span, 1)));
  if (retry_after)
    delay = std::max(delay, std::min(retry_after->count(), policy.max_delay.count()));
  out.delay = base::Duration(delay);
  out.next_attempt_at = now + out.delay;
  return out;
}

}  // namespace phare::notify
