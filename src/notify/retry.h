// When to try a failed delivery again: exponential back-off with jitter, then the dead
// letter. A pure function of its inputs and the injected Random, so the dispatcher's
// schedule is tested without sleeping. Thread-safe if `random` is.
#pragma once

#include <optional>

#include "base/random.h"
#include "base/time.h"

namespace phare::notify {

struct RetryPolicy {
  int max_attempts = 8;                                     // then dead letter
  base::Duration initial_delay = std::chrono::seconds(30);  // before the 2nd attempt
  base::Duration max_delay = std::chrono::hours(1);
  double multiplier = 2.0;
};

struct RetryDecision {
  bool dead_letter = false;
  base::Duration delay{};        // 0 when dead_letter
  base::Time next_attempt_at{};  // now + delay
};

// After `attempts_made` (>= 1) failed attempts ending at `now`: dead letter once
// attempts_made >= max_attempts; otherwise wait a delay drawn uniformly from
// [d/2, d], d = min(max_delay, initial_delay * multiplier^(attempts_made-1)) ("equal
// jitter": retries of one fan-out spread out but still back off), and never less than
// the receiver's `retry_after` (HTTP Retry-After), itself capped at max_delay.
RetryDecision DecideRetry(const RetryPolicy& policy, int attempts_made, base::Time now,
                          std::optional<base::Duration> retry_after, base::Random& random);

}  // namespace phare::notify
