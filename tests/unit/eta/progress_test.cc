#include "eta/progress.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "base/json.h"
#include "eta/eta.h"

namespace phare::eta {
namespace {

using std::chrono::hours;

base::Time T(const char* text) { return base::ParseTime(text).value(); }

// The Strasbourg samples of 9 Nov 2017: the lines of the replay with a "restored"
// fraction, scaled to the site's 40,386 servers.
std::vector<ProgressSample> StrasbourgSamples() {
  constexpr int64_t kServers = 40386;
  std::ifstream in(PHARE_ETA_TEST_DATA "/ovh-2017-11-09-timeline.jsonl");
  std::vector<ProgressSample> out;
  std::string line;
  while (std::getline(in, line)) {
    auto doc = base::ParseJson(line);
    if (!doc.ok() || !doc->is_object()) continue;
    const auto& o = doc->get_object();
    if (o.at("site") != "SBG" || !o.contains("restored")) continue;
    double f = o.at("restored").to_number<double>();
    out.push_back({base::ParseTime(o.at("t").as_string()).value(),
                   static_cast<int64_t>(f * kServers + 0.5), kServers, ""});
  }
  return out;
}

std::vector<ProgressSample> Until(const std::vector<ProgressSample>& all, base::Time now) {
  std::vector<ProgressSample> out;
  for (const ProgressSample& s : all) {
    if (s.at <= now) out.push_back(s);
  }
  return out;
}

const base::Time kStart = T("2017-11-09T06:21:00Z");  // all 40,386 servers down

TEST(StrasbourgReplayTest, FixtureHasTheRestorationCurve) {
  auto samples = StrasbourgSamples();
  ASSERT_GE(samples.size(), 6u);
  EXPECT_EQ(samples.back().restored, samples.back().total);  // 12 Nov: all back
}

TEST(StrasbourgReplayTest, NothingBackYetGivesNoProgressEstimate) {
  auto samples = Until(StrasbourgSamples(), T("2017-11-09T10:00:00Z"));  // power back, 0 %
  EXPECT_FALSE(ProgressEstimate(samples, kStart, T("2017-11-09T10:00:00Z"), {}));
}

TEST(StrasbourgReplayTest, LongTailNotAStraightLine) {
  const base::Time now = T("2017-11-09T17:00:00Z");  // 30 % at 11:04, 71 % at 17:00
  auto samples = Until(StrasbourgSamples(), now);
  auto e = ProgressEstimate(samples, kStart, now, {});
  ASSERT_TRUE(e);
  model::Estimate q = ToEstimate(*e, now, "");
  // A straight line through 30 % and 71 % reaches 99 % at about 21:00 the same day.
  const base::Time straight_line = T("2017-11-09T21:03:00Z");
  EXPECT_GT(q.p10, straight_line);
  // The tail is long: more room above the median than below it.
  EXPECT_GT(q.p90 - q.p50, q.p50 - q.p10);
  // 99 % of servers were really back at 22:00 the next day.
  const base::Time actual = T("2017-11-10T22:00:00Z");
  EXPECT_LE(q.p10, actual);
  EXPECT_GE(q.p90, actual);
}

TEST(StrasbourgReplayTest, IntervalsWidenWithTheExtrapolation) {
  auto all = StrasbourgSamples();
  // One sample (30 % at 11:04) extrapolates far: a wide interval in log terms.
  base::Time early = T("2017-11-09T11:05:00Z");
  auto one = ProgressEstimate(Until(all, early), kStart, early, {});
  base::Time later = T("2017-11-09T17:00:00Z");
  auto two = ProgressEstimate(Until(all, later), kStart, later, {});
  ASSERT_TRUE(one && two);
  EXPECT_GT(one->remaining.sigma, two->remaining.sigma);
}

TEST(StrasbourgReplayTest, NinetyNinePercentBackIsComplete) {
  const base::Time now = T("2017-11-10T22:00:00Z");
  auto e = ProgressEstimate(Until(StrasbourgSamples(), now), kStart, now, {});
  ASSERT_TRUE(e);
  EXPECT_LT(ToEstimate(*e, now, "").p50, now + hours(1));
}

TEST(StrasbourgReplayTest, RecomputeAtEachSampleKeepsTheTailAndDamps) {
  auto all = StrasbourgSamples();
  EtaInput input;
  input.incident_id = "sbg";
  input.cause = "power";
  input.impact = model::Impact::kCritical;
  input.started_at = kStart;
  std::vector<base::Time> times = {T("2017-11-09T11:04:00Z"), T("2017-11-09T11:30:00Z"),
                                   T("2017-11-09T17:00:00Z")};
  for (base::Time now : times) {
    input.now = now;
    input.progress = Until(all, now);
    auto result = Recompute(input);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    const ScopeEta& whole = result->scopes.front();
    EXPECT_GT(whole.published.p90 - whole.published.p50, whole.published.p50 - whole.published.p10);
    EXPECT_GE(whole.expected_by, whole.published.p50);
    EXPECT_LE(whole.expected_by, whole.published.p90);
    // 26 minutes later with no new sample: the published estimate is held.
    if (now == times[1]) EXPECT_FALSE(whole.revised) << whole.why;
    input.published = {whole.published};
  }
}

TEST(ProgressTest, RecoversAKnownCurve) {
  // f(τ) = Φ((ln τ − ln 5) / 0.6): the 99 % point is at 5·exp(0.6·2.326) = 20.3 h.
  LogNormal curve{std::log(5.0), 0.6};
  base::Time start = T("2024-01-01T00:00:00Z");
  std::vector<ProgressSample> samples;
  for (double h : {2.0, 3.0, 4.0, 5.0, 6.0, 8.0}) {
    double f = NormalCdf((std::log(h) - curve.mu) / curve.sigma);
    samples.push_back({AddHours(start, h), static_cast<int64_t>(f * 100000), 100000, ""});
  }
  base::Time now = AddHours(start, 8);
  auto fit = FitProgressCurve(samples, start, now, {});
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->mu, curve.mu, 0.01);
  EXPECT_NEAR(fit->sigma, curve.sigma, 0.01);
  auto e = ProgressEstimate(samples, start, now, {});
  ASSERT_TRUE(e);
  EXPECT_NEAR(HoursBetween(now, ToEstimate(*e, now, "").p50), 20.3 - 8, 0.5);
}

}  // namespace
}  // namespace phare::eta
