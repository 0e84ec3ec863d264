#include "eta/history.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>
#include <vector>

namespace phare::eta {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const base::Time kT0 = base::FromMillis(1'500'000'000'000);

// `n` resolved incidents of `cause`, one a day, durations lognormal(`truth`).
std::vector<PastIncident> Synthetic(LogNormal truth, int n, std::string cause, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal(truth.mu, truth.sigma);
  std::vector<PastIncident> out;
  for (int i = 0; i < n; ++i) {
    PastIncident p;
    p.id = cause + std::to_string(i);
    p.cause = cause;
    p.started_at = kT0 + hours(24 * i);
    p.resolved_at = AddHours(p.started_at, std::exp(normal(rng)));
    out.push_back(p);
  }
  return out;
}

std::vector<const PastIncident*> Pointers(const std::vector<PastIncident>& v) {
  std::vector<const PastIncident*> out;
  for (const PastIncident& p : v) out.push_back(&p);
  return out;
}

TEST(HistoryTest, IntervalsAreCalibratedOnAKnownDistribution) {
  LogNormal truth{std::log(2.0), 0.8};
  auto past = Synthetic(truth, 400, "network", 1);
  auto future = Synthetic(truth, 600, "network", 2);
  base::Time now = kT0 + hours(24 * 1000);
  DurationPrior prior = FitDurationPrior(Pointers(past), model::IncidentKind::kIncident, "network",
                                         model::Impact::kMajor, now, HistoryConfig{});
  int inside = 0, below_median = 0;
  for (const PastIncident& f : future) {
    // Predicted at the start of each new incident, scored on its true end.
    SourceEstimate e = HistoryEstimate(prior, "network", f.started_at, f.started_at);
    model::Estimate q = ToEstimate(e, f.started_at, "");
    if (q.p10 <= *f.resolved_at && *f.resolved_at <= q.p90) ++inside;
    if (*f.resolved_at <= q.p50) ++below_median;
  }
  EXPECT_NEAR(inside / 600.0, 0.8, 0.06);
  EXPECT_NEAR(below_median / 600.0, 0.5, 0.06);
}

TEST(HistoryTest, ConditionsOnElapsedTime) {
  auto past = Synthetic({std::log(2.0), 1.0}, 200, "power", 3);
  base::Time now = kT0 + hours(24 * 300);
  DurationPrior prior = FitDurationPrior(Pointers(past), model::IncidentKind::kIncident, "power",
                                         model::Impact::kMajor, now, HistoryConfig{});
  SourceEstimate fresh = HistoryEstimate(prior, "power", now, now);
  SourceEstimate late = HistoryEstimate(prior, "power", now - hours(10), now);
  // Ten hours in, well past the typical two, more time is still expected than at
  // the start: the lognormal's tail grows with what has already lasted.
  EXPECT_GT(late.remaining.mu, fresh.remaining.mu);
}

TEST(HistoryTest, OpenIncidentsAreCensoredNotIgnored) {
  auto past = Synthetic({std::log(1.0), 0.5}, 20, "storage", 4);
  base::Time now = kT0 + hours(24 * 30);
  // Five storage incidents open for two days already.
  for (int i = 0; i < 5; ++i) {
    PastIncident open;
    open.id = "open" + std::to_string(i);
    open.cause = "storage";
    open.started_at = now - hours(48);
    past.push_back(open);
  }
  HistoryConfig config;
  DurationPrior with_open = FitDurationPrior(Pointers(past), model::IncidentKind::kIncident,
                                             "storage", model::Impact::kMajor, now, config);
  past.resize(20);
  DurationPrior without = FitDurationPrior(Pointers(past), model::IncidentKind::kIncident,
                                           "storage", model::Impact::kMajor, now, config);
  EXPECT_GT(with_open.cause.mu, without.cause.mu + 0.3);
  EXPECT_GT(with_open.cause.sigma, without.cause.sigma);
}

TEST(HistoryTest, OnlyWhatHadHappenedByNowCounts) {
  auto past = Synthetic({std::log(1.0), 0.5}, 10, "network", 5);
  base::Time now = kT0 + hours(24 * 5) + minutes(1);  // five done, the sixth just started
  DurationPrior prior = FitDurationPrior(Pointers(past), model::IncidentKind::kIncident, "network",
                                         model::Impact::kMajor, now, HistoryConfig{});
  EXPECT_DOUBLE_EQ(prior.n_cause, 6);  // five resolved, one censored, four not yet started
}

TEST(HistoryTest, SmallCausesShrinkTowardAllIncidents) {
  auto past = Synthetic({std::log(1.0), 0.5}, 100, "network", 6);
  auto rare = Synthetic({std::log(30.0), 0.5}, 2, "facility", 7);
  past.insert(past.end(), rare.begin(), rare.end());
  base::Time now = kT0 + hours(24 * 200);
  DurationPrior prior = FitDurationPrior(Pointers(past), model::IncidentKind::kIncident, "facility",
                                         model::Impact::kMajor, now, HistoryConfig{});
  EXPECT_GT(prior.cause.mu, prior.all.mu);
  EXPECT_LT(prior.cause.mu, std::log(30.0) - 1);  // two incidents do not make a rule
}

TEST(HistoryTest, LearnsHowRemainingTimesAtUpdatesCompare) {
  // Every past incident posted an update ten minutes before it ended: at updates,
  // the remaining time is short whatever the duration prior says.
  auto past = Synthetic({std::log(4.0), 0.7}, 200, "network", 8);
  for (PastIncident& p : past) p.updates.push_back({*p.resolved_at - minutes(10), std::nullopt});
  base::Time now = kT0 + hours(24 * 300);
  DurationPrior prior = FitDurationPrior(Pointers(past), model::IncidentKind::kIncident, "network",
                                         model::Impact::kMajor, now, HistoryConfig{});
  EXPECT_LT(prior.calibration.offset, -1.5);
  EXPECT_NEAR(prior.calibration.points, 200, 1e-9);
  EXPECT_NEAR(prior.calibration.trust, 200.0 / 220, 1e-9);
}

TEST(HistoryTest, CorrectionsAreNoneWithoutThePagesOwnSupport) {
  // The same updates, but from the built-in baseline (another provider): not the
  // page's own, so nothing is corrected and the promised updates say nothing.
  auto past = Synthetic({std::log(4.0), 0.7}, 200, "network", 8);
  for (PastIncident& p : past) {
    p.source = "another-provider";
    p.updates.push_back({*p.resolved_at - minutes(10), *p.resolved_at + hours(1)});
  }
  base::Time now = kT0 + hours(24 * 300);
  DurationPrior prior = FitDurationPrior(Pointers(past), model::IncidentKind::kIncident, "network",
                                         model::Impact::kMajor, now, HistoryConfig{});
  EXPECT_EQ(prior.calibration.offset, 0);
  EXPECT_EQ(prior.calibration.trust, 0);
  EXPECT_EQ(prior.cadence.offset, 0);
  EXPECT_EQ(prior.cadence.trust, 0);
}

TEST(HistoryTest, AFewOwnUpdatesMoveTheCorrectionALittle) {
  auto past = Synthetic({std::log(4.0), 0.7}, 5, "network", 9);
  for (PastIncident& p : past) {
    p.updates.push_back({*p.resolved_at - minutes(10), *p.resolved_at - minutes(5)});
  }
  base::Time now = kT0 + hours(24 * 10);
  DurationPrior few = FitDurationPrior(Pointers(past), model::IncidentKind::kIncident, "network",
                                       model::Impact::kMajor, now, HistoryConfig{});
  EXPECT_NEAR(few.cadence.trust, 5.0 / 25, 1e-9);
  EXPECT_NEAR(few.cadence.offset, 0.2 * std::log(2.0), 1e-6);  // ended at twice the interval
}

}  // namespace
}  // namespace phare::eta
