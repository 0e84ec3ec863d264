#include "http/rate_limiter.h"

#include <gtest/gtest.h>

namespace phare::http {
namespace {

using std::chrono::seconds;

TEST(RateLimiter, BurstThenOneEveryPeriodPerKey) {
  base::FakeClock clock(base::FromMillis(0));
  RateLimiter limiter(clock, 3, seconds(10));
  for (int k = 0; k < 3; ++k) EXPECT_EQ(limiter.Take("a").count(), 0);
  EXPECT_EQ(limiter.Take("a"), seconds(10));
  EXPECT_EQ(limiter.Take("b").count(), 0);  // keys are independent
  clock.Advance(seconds(4));
  EXPECT_EQ(limiter.Take("a"), seconds(6));
  clock.Advance(seconds(6));
  EXPECT_EQ(limiter.Take("a").count(), 0);
  EXPECT_GT(limiter.Take("a").count(), 0);
  clock.Advance(seconds(1000));  // refills up to the burst, no more
  for (int k = 0; k < 3; ++k) EXPECT_EQ(limiter.Take("a").count(), 0);
  EXPECT_GT(limiter.Take("a").count(), 0);
}

TEST(RateLimiter, StaysBoundedUnderAFloodOfKeys) {
  base::FakeClock clock(base::FromMillis(0));
  RateLimiter limiter(clock, 1, seconds(60), /*max_keys=*/4);
  for (int k = 0; k < 4; ++k) EXPECT_EQ(limiter.Take("k" + std::to_string(k)).count(), 0);
  EXPECT_GT(limiter.Take("k0").count(), 0);
  clock.Advance(seconds(60));  // k0..k3 have refilled: a new key evicts them
  EXPECT_EQ(limiter.Take("new").count(), 0);
  EXPECT_GT(limiter.Take("new").count(), 0);
  EXPECT_EQ(limiter.Take("k0").count(), 0);
}

}  // namespace
}  // namespace phare::http
