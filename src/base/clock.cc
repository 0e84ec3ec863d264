#include "base/clock.h"

namespace phare::base {

Time SystemClock::Now() const {
  return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
}

const SystemClock& SystemClock::Instance() {
  static const SystemClock clock;
  return clock;
}

ScaledClock::ScaledClock(Time origin, double speed, const Clock& base)
    : origin_(origin), speed_(speed), base_(base), base_start_(base.Now()) {}

Time ScaledClock::Now() const {
  const auto elapsed = base_.Now() - base_start_;
  return origin_ + Duration(static_cast<int64_t>(static_cast<double>(elapsed.count()) * speed_));
}

}  // namespace phare::base
