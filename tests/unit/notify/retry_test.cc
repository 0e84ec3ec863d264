#include "notify/retry.h"

#include <gtest/gtest.h>

namespace phare::notify {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const base::Time kNow = base::ParseTime("2017-11-09T07:00:00Z").value();

TEST(DecideRetry, BacksOffExponentiallyWithinTheJitterBand) {
  RetryPolicy policy;  // 30 s, doubling, 1 h cap, 8 attempts
  base::SeededRandom random(42);
  for (int attempt = 1; attempt < policy.max_attempts; ++attempt) {
    const auto full = std::min<base::Duration>(hours(1), seconds(30) * (1 << (attempt - 1)));
    for (int i = 0; i < 200; ++i) {
      const RetryDecision d = DecideRetry(policy, attempt, kNow, std::nullopt, random);
      ASSERT_FALSE(d.dead_letter);
      EXPECT_GE(d.delay, full / 2) << attempt;
      EXPECT_LE(d.delay, full) << attempt;
      EXPECT_EQ(d.next_attempt_at, kNow + d.delay);
    }
  }
}

TEST(DecideRetry, JitterSpreadsRetriesOfOneFanOut) {
  RetryPolicy policy;
  base::SeededRandom random(3);
  base::Duration low = hours(24), high{0};
  for (int i = 0; i < 1000; ++i) {
    const auto d = DecideRetry(policy, 3, kNow, std::nullopt, random).delay;
    low = std::min(low, d);
    high = std::max(high, d);
  }
  EXPECT_LT(low, seconds(65));  // band is [60 s, 120 s]
  EXPECT_GT(high, seconds(115));
}

TEST(DecideRetry, DeadLettersAfterMaxAttempts) {
  RetryPolicy policy;
  policy.max_attempts = 3;
  base::SeededRandom random(1);
  EXPECT_FALSE(DecideRetry(policy, 2, kNow, std::nullopt, random).dead_letter);
  const RetryDecision d = DecideRetry(policy, 3, kNow, std::nullopt, random);
  EXPECT_TRUE(d.dead_letter);
  EXPECT_EQ(d.delay, base::Duration(0));
}

TEST(DecideRetry, HonoursRetryAfterUpToTheCap) {
  RetryPolicy policy;
  base::SeededRandom random(1);
  EXPECT_EQ(DecideRetry(policy, 1, kNow, minutes(10), random).delay, minutes(10));
  EXPECT_EQ(DecideRetry(policy, 1, kNow, hours(30), random).delay, hours(1));
  EXPECT_LE(DecideRetry(policy, 1, kNow, seconds(1), random).delay, seconds(30));
}

TEST(DecideRetry, LargeAttemptCountsStayAtTheCap) {
  RetryPolicy policy;
  policy.max_attempts = 1000;
  base::SeededRandom random(1);
  const auto d = DecideRetry(policy, 500, kNow, std::nullopt, random);
  EXPECT_GE(d.delay, minutes(30));
  EXPECT_LE(d.delay, hours(1));
}

}  // namespace
}  // namespace phare::notify
