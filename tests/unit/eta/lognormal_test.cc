#include "eta/lognormal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace phare::eta {
namespace {

TEST(NormalTest, QuantileInvertsTheCdf) {
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963985, 1e-8);
  EXPECT_NEAR(NormalQuantile(0.9), kZ90, 1e-9);
  EXPECT_NEAR(NormalQuantile(0.5), 0, 1e-12);
  for (double p : {1e-10, 1e-4, 0.02, 0.3, 0.7, 0.99, 1 - 1e-9}) {
    EXPECT_NEAR(NormalCdf(NormalQuantile(p)), p, 1e-9 * std::max(1.0, p / 1e-3)) << p;
  }
}

std::vector<LogObservation> Sample(LogNormal truth, int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal(truth.mu, truth.sigma);
  std::vector<LogObservation> out;
  for (int i = 0; i < n; ++i) out.push_back({normal(rng), false, 1});
  return out;
}

TEST(FitLogNormalTest, RecoversAKnownDistribution) {
  LogNormal truth{std::log(3.0), 0.9};
  auto obs = Sample(truth, 2000, 7);
  LogNormal fit = FitLogNormal(obs, {0, 2}, 1);
  EXPECT_NEAR(fit.mu, truth.mu, 0.06);
  EXPECT_NEAR(fit.sigma, truth.sigma, 0.05);
}

TEST(FitLogNormalTest, FewObservationsStayNearThePrior) {
  LogNormal prior{0.5, 1.5};
  std::vector<LogObservation> obs{{3.0, false, 1}};
  LogNormal fit = FitLogNormal(obs, prior, 4);
  EXPECT_GT(fit.mu, prior.mu);
  EXPECT_LT(fit.mu, 1.2);  // (4·0.5 + 3) / 5 = 1.0
  EXPECT_NEAR(fit.mu, 1.0, 1e-9);
}

TEST(FitLogNormalTest, CensoredObservationsAreNotTakenAsEnded) {
  // Incidents still open when the fit is made: their durations are only known to
  // exceed the time they have been open. Treating them as ended biases the fit low.
  LogNormal truth{std::log(2.0), 1.0};
  auto obs = Sample(truth, 3000, 11);
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> open_for(-1.0, 2.5);  // log hours observed so far
  std::vector<LogObservation> censored, naive;
  for (const LogObservation& o : obs) {
    double seen = open_for(rng);
    bool still_open = o.log_hours > seen;
    censored.push_back({still_open ? seen : o.log_hours, still_open, 1});
    naive.push_back({still_open ? seen : o.log_hours, false, 1});
  }
  LogNormal fit = FitLogNormal(censored, {0, 2}, 1);
  LogNormal biased = FitLogNormal(naive, {0, 2}, 1);
  EXPECT_NEAR(fit.mu, truth.mu, 0.08);
  EXPECT_NEAR(fit.sigma, truth.sigma, 0.08);
  EXPECT_LT(biased.mu, truth.mu - 0.3);
}

TEST(ConditionalLogQuantileTest, ConditionsOnTheElapsedTime) {
  LogNormal d{0, 1};
  // Nothing elapsed to speak of: the unconditional quantiles.
  EXPECT_NEAR(ConditionalLogQuantile(d, -50, 0.5), 0, 1e-9);
  EXPECT_NEAR(ConditionalLogQuantile(d, -50, 0.9), kZ90, 1e-9);
  // Past the median, the conditional median is the 75th percentile.
  EXPECT_NEAR(ConditionalLogQuantile(d, 0, 0.5), NormalQuantile(0.75), 1e-9);
  // Far in the tail it stays finite and above the elapsed time.
  double far = ConditionalLogQuantile(d, 12, 0.5);
  EXPECT_GT(far, 12);
  EXPECT_LT(far, 12.2);
}

}  // namespace
}  // namespace phare::eta
