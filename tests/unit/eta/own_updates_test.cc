#include "eta/own_updates.h"

#include <gtest/gtest.h>

#include <cmath>

#include "eta/eta.h"

namespace phare::eta {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const base::Time kT0 = base::ParseTime("2024-01-01T00:00:00Z").value();

// `n` past incidents of the page, one a day, each lasting `duration` hours with an
// update every hour.
std::vector<PastIncident> Page(int n, double duration) {
  std::vector<PastIncident> out;
  for (int i = 0; i < n; ++i) {
    PastIncident p;
    p.id = "p" + std::to_string(i);
    p.cause = "network";
    p.started_at = kT0 + hours(24 * i);
    p.resolved_at = AddHours(p.started_at, duration);
    for (int h = 0; h < duration; ++h) p.updates.push_back({p.started_at + hours(h), {}});
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<const PastIncident*> Pointers(const std::vector<PastIncident>& v) {
  std::vector<const PastIncident*> out;
  for (const PastIncident& p : v) out.push_back(&p);
  return out;
}

TEST(OwnUpdatesTest, ReadsRemainingTimesAtPastUpdatesLikeNow) {
  auto page = Page(10, 6);
  base::Time start = kT0 + hours(24 * 20);
  auto own = RemainingFromOwnPast(Pointers(page), model::IncidentKind::kIncident, "network", start,
                                  start + hours(2), {});
  ASSERT_TRUE(own);
  // Two hours in, six-hour incidents: four left, smoothed by the kernel over the
  // neighbouring updates (three and five left).
  EXPECT_GT(std::exp(own->p50), 2.5);
  EXPECT_LT(std::exp(own->p50), 4.5);
  EXPECT_GT(own->incidents, 1);
  EXPECT_LE(own->incidents, 10);
}

TEST(OwnUpdatesTest, CrossValidationKeepsTheElapsedTimeWhenItMatters) {
  // Remaining times tied to the elapsed time (six-hour incidents): the kernel follows it.
  auto tied = Page(30, 6);
  base::Time start = kT0 + hours(24 * 40);
  auto late = RemainingFromOwnPast(Pointers(tied), model::IncidentKind::kIncident, "network", start,
                                   start + hours(5), {});
  ASSERT_TRUE(late);
  EXPECT_LT(std::exp(late->p50), 2.5);  // one or two hours left, not the 3.5 of all updates
}

TEST(OwnUpdatesTest, TheBuiltinBaselineNeverEntersIt) {
  auto page = Page(10, 6);
  for (PastIncident& p : page) p.source = "gcp-incidents";
  base::Time start = kT0 + hours(24 * 20);
  EXPECT_FALSE(RemainingFromOwnPast(Pointers(page), model::IncidentKind::kIncident, "network",
                                    start, start + hours(1), {}));
}

TEST(OwnUpdatesTest, APagesOwnHistoryOutweighsTheBuiltinBaseline) {
  // Thirty incidents of 20 hours: the page's estimate at the start follows them,
  // whatever the built-in providers' durations.
  EtaInput in;
  in.incident_id = "now";
  in.name = "Packet loss";
  in.started_at = kT0 + hours(24 * 40);
  in.now = in.started_at + minutes(5);
  in.history = Page(30, 20);
  auto r = Recompute(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  double p50 = HoursBetween(in.now, r->scopes[0].fresh.p50);
  EXPECT_GT(p50, 12);
  EXPECT_LT(p50, 30);
}

}  // namespace
}  // namespace phare::eta
