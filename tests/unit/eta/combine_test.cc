#include "eta/combine.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace phare::eta {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const base::Time kNow = base::ParseTime("2024-03-01T10:00:00Z").value();

model::Estimate Around(double median_hours, double sigma, std::string source = "combined") {
  return ToEstimate({source, {std::log(median_hours), sigma}, ""}, kNow, "");
}

TEST(FuseTest, TheTighterSourceWeighsMore) {
  std::vector<SourceEstimate> sources{{"history", {std::log(8.0), 1.5}, "h"},
                                      {"progress", {std::log(2.0), 0.3}, "p"}};
  SourceEstimate f = Fuse(sources, 1.0, 0.1);
  EXPECT_EQ(f.source, "combined");
  EXPECT_LT(std::abs(f.remaining.mu - std::log(2.0)), std::abs(f.remaining.mu - std::log(8.0)));
  EXPECT_LE(f.remaining.sigma, 0.3);
}

TEST(FuseTest, CalibrationWidensButNeverPastTheNarrowestSource) {
  std::vector<SourceEstimate> sources{{"history", {0, 1.0}, ""}, {"cadence", {0, 1.0}, ""}};
  EXPECT_NEAR(Fuse(sources, 1.0, 0.1).remaining.sigma, std::sqrt(0.5), 1e-12);
  EXPECT_NEAR(Fuse(sources, 1.2, 0.1).remaining.sigma, 1.2 * std::sqrt(0.5), 1e-12);
  EXPECT_NEAR(Fuse(sources, 3.0, 0.1).remaining.sigma, 1.0, 1e-12);
}

TEST(FuseTest, OneSourceIsItself) {
  std::vector<SourceEstimate> sources{{"history", {0.3, 0.9}, "why"}};
  SourceEstimate f = Fuse(sources, 1.4, 0.1);
  EXPECT_EQ(f.source, "history");
  EXPECT_DOUBLE_EQ(f.remaining.sigma, 0.9);
}

TEST(ExpectedByTest, ErrsLateBetweenTheMedianAndP90) {
  model::Estimate e = Around(2, 0.8);
  EXPECT_EQ(ExpectedBy(e, 0.5), e.p50);
  EXPECT_NEAR(base::ToMillis(ExpectedBy(e, 0.9)), base::ToMillis(e.p90), 1);
  base::Time q75 = ExpectedBy(e, 0.75);
  EXPECT_GT(q75, e.p50);
  EXPECT_LT(q75, e.p90);
}

TEST(DampTest, FollowsTheRulesOfTheHeader) {
  DampingConfig config;
  model::Estimate published = Around(2, 0.5);
  EXPECT_EQ(Damp(nullptr, published, kNow, 0.75, config).why, "first");
  EXPECT_FALSE(Damp(&published, Around(2.1, 0.5), kNow, 0.75, config).revise);
  EXPECT_EQ(Damp(&published, Around(2.6, 0.5), kNow, 0.75, config).why, "later");
  // 20 % earlier is held; earlier needs more evidence than later.
  EXPECT_FALSE(Damp(&published, Around(1.6, 0.5), kNow, 0.75, config).revise);
  EXPECT_EQ(Damp(&published, Around(1.2, 0.5), kNow, 0.75, config).why, "earlier");
  EXPECT_EQ(Damp(&published, Around(2, 0.5, "operator"), kNow, 0.75, config).why, "source changed");
  EXPECT_EQ(Damp(&published, Around(20, 0.5), kNow, 0.75, config).why, "outside");
  // Seen three hours later, the promised time has passed: it must be revised.
  EXPECT_EQ(Damp(&published, Around(2, 0.5), kNow + hours(3), 0.75, config).why, "passed");
}

TEST(DampTest, JitteryEstimatesAreRevisedRarely) {
  std::mt19937 rng(3);
  std::normal_distribution<double> jitter(0, 0.08);  // ±8 % noise on the median
  DampingConfig config;
  model::Estimate published = Around(4, 0.6);
  int revisions = 0;
  for (int i = 0; i < 50; ++i) {
    model::Estimate fresh = Around(4 * std::exp(jitter(rng)), 0.6);
    DampingDecision d = Damp(&published, fresh, kNow, 0.75, config);
    if (d.revise) {
      published = fresh;
      ++revisions;
    }
  }
  EXPECT_LE(revisions, 5);
}

TEST(CadenceTest, ReadsThePromisedUpdateThroughItsCalibration) {
  // The page's past: twice the interval, spread 1.2, trust 0.5.
  auto c = CadenceSource(kNow + minutes(30), kNow, {std::log(2.0), 1.2, 0.5, 20});
  ASSERT_TRUE(c);
  EXPECT_NEAR(std::exp(c->remaining.mu), 1.0, 1e-9);  // twice the half hour
  EXPECT_NEAR(c->remaining.sigma, 1.2 / std::sqrt(0.5), 1e-9);
  EXPECT_FALSE(CadenceSource(kNow - minutes(1), kNow, {std::log(2.0), 1.2, 0.5, 20}));
}

TEST(CadenceTest, APromisedUpdateIsNoEstimateWithoutThePagesSupport) {
  EXPECT_FALSE(CadenceSource(kNow + minutes(30), kNow, {}));
}

}  // namespace
}  // namespace phare::eta
