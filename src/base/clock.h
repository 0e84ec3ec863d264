// The clock, injected: every component that needs "now" takes a `const Clock&`, so
// tests drive maintenance windows, retries and cadence with a FakeClock instead of
// sleeping, and the demo replays 2017 on a ScaledClock. All clocks are thread-safe.
#pragma once

#include <atomic>

#include "base/time.h"

namespace phare::base {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Time Now() const = 0;
};

// Wall-clock time (std::chrono::system_clock).
class SystemClock final : public Clock {
 public:
  Time Now() const override;
  static const SystemClock& Instance();
};

// A clock that moves only when told to.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Time start) : ms_(ToMillis(start)) {}
  Time Now() const override { return FromMillis(ms_.load(std::memory_order_relaxed)); }
  void Set(Time t) { ms_.store(ToMillis(t), std::memory_order_relaxed); }
  void Advance(Duration d) { ms_.fetch_add(d.count(), std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> ms_;
};

// Simulated time: starts at `origin` and runs `speed` times faster than `base`.
// Used by `phare demo` to replay a past day. `base` must outlive this clock.
class ScaledClock final : public Clock {
 public:
  ScaledClock(Time origin, double speed, const Clock& base);
  Time Now() const override;

 private:
  Time origin_;
  double speed_;
  const Clock& base_;
  Time base_start_;
};

}  // namespace phare::base
