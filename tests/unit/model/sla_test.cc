// Service credit rules (model/sla.h): examples, then properties over many generated cases.
#include "model/sla.h"

#include <gtest/gtest.h>

#include <random>

namespace phare::model {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const Span kNovember = ParseMonth("2017-11").value();
const base::Time kStart = kNovember.begin;

DowntimeSpan Down(base::Time from, base::Duration length, DowntimeKind kind = DowntimeKind::kDown) {
  return {{from, from + length}, kind};
}

TEST(SlaTest, MonthsAreUtcCalendarMonths) {
  auto nov = ParseMonth("2017-11");
  ASSERT_TRUE(nov.ok());
  EXPECT_EQ(base::FormatUtc(nov->begin), "2017-11-01T00:00:00.000Z");
  EXPECT_EQ(base::FormatUtc(nov->end), "2017-12-01T00:00:00.000Z");
  auto dec = ParseMonth("2017-12");
  ASSERT_TRUE(dec.ok());
  EXPECT_EQ(base::FormatUtc(dec->end), "2018-01-01T00:00:00.000Z");
  EXPECT_EQ(ParseMonth("2016-02")->length(), hours(24 * 29));
  EXPECT_EQ(MonthOf(base::ParseTime("2017-11-30T23:59:59Z").value()), "2017-11");
  for (const char* bad : {"", "2017", "2017-13", "2017-00", "2017/11", "17-11", "2017-1",
                          "2017-11-01", "1969-12", "abcd-ef"}) {
    auto parsed = ParseMonth(bad);
    EXPECT_EQ(parsed.status().code(), base::Code::kInvalidArgument) << bad;
    EXPECT_EQ(parsed.status().field(), "month") << bad;
  }
}

TEST(SlaTest, TheDefaultPlanGivesTheTierTheAvailabilityFallsIn) {
  const SlaPlan plan = DefaultSlaPlan();
  ASSERT_TRUE(ValidatePlan(plan, "sla.default").ok());
  // 30 days = 43,200 minutes: 0.1 % is 43.2 minutes, 1 % 7.2 hours, 5 % 36 hours.
  const auto credit = [&](base::Duration d) {
    std::vector<DowntimeSpan> spans = {Down(kStart + hours(100), d)};
    return CreditFor(plan, kNovember, spans, {});
  };
  EXPECT_EQ(credit(minutes(43)).credit, 0);
  EXPECT_EQ(credit(minutes(44)).credit, 10);
  EXPECT_EQ(credit(minutes(44)).tier, 0);
  EXPECT_EQ(credit(hours(7)).credit, 10);
  EXPECT_EQ(credit(hours(8)).credit, 25);
  EXPECT_EQ(credit(hours(8)).tier, 1);
  EXPECT_EQ(credit(hours(36)).credit, 25);  // exactly 95 %: not below it
  EXPECT_EQ(credit(hours(37)).credit, 100);
  EXPECT_NEAR(credit(hours(36)).availability, 95.0, 1e-9);
  EXPECT_EQ(credit(hours(36)).downtime, hours(36));
}

TEST(SlaTest, DegradedTimeCountsOnlyWhenThePlanSaysSo) {
  SlaPlan plan = DefaultSlaPlan();
  std::vector<DowntimeSpan> spans = {Down(kStart, hours(10), DowntimeKind::kDegraded)};
  EXPECT_EQ(CreditFor(plan, kNovember, spans, {}).downtime, base::Duration::zero());
  plan.count_degraded = true;
  EXPECT_EQ(CreditFor(plan, kNovember, spans, {}).downtime, hours(10));
}

TEST(SlaTest, OverlapsCountOnceAndTheMonthClipsOutages) {
  const SlaPlan plan = DefaultSlaPlan();
  std::vector<DowntimeSpan> spans = {
      Down(kStart + hours(1), hours(2)), Down(kStart + hours(2), hours(2)),
      Down(kStart - hours(5), hours(6)), Down(kNovember.end - hours(1), hours(3))};
  // [-5h, 1h) clipped to 1h, [1h, 4h) merged, last hour of the month.
  EXPECT_EQ(CreditFor(plan, kNovember, spans, {}).downtime, hours(5));
}

TEST(SlaTest, TheFloorIgnoresShortOutagesWholeEvenAcrossTheMonthsEdge) {
  SlaPlan plan = DefaultSlaPlan();
  plan.floor = minutes(30);
  std::vector<DowntimeSpan> spans = {Down(kStart + hours(1), minutes(29)),
                                     Down(kStart - minutes(20), minutes(25)),
                                     Down(kStart + hours(3), minutes(30))};
  // The first is too short; the second lasts 25 minutes in all: ignored too.
  EXPECT_EQ(CreditFor(plan, kNovember, spans, {}).downtime, minutes(30));
}

TEST(SlaTest, MaintenanceIsCutOutAndCanTakeAnOutageUnderTheFloor) {
  SlaPlan plan = DefaultSlaPlan();
  std::vector<DowntimeSpan> spans = {Down(kStart + hours(10), hours(4))};
  std::vector<Span> maintenance = {{kStart + hours(9), kStart + hours(13)}};
  EXPECT_EQ(CreditFor(plan, kNovember, spans, maintenance).downtime, hours(1));
  plan.floor = minutes(61);
  EXPECT_EQ(CreditFor(plan, kNovember, spans, maintenance).downtime, base::Duration::zero());
}

TEST(SlaTest, TheCapLimitsTheCredit) {
  SlaPlan plan = DefaultSlaPlan();
  plan.cap = 30;
  std::vector<DowntimeSpan> spans = {Down(kStart, hours(100))};
  const ResourceCredit c = CreditFor(plan, kNovember, spans, {});
  EXPECT_EQ(c.tier, 2);
  EXPECT_EQ(c.credit, 30);
}

TEST(SlaTest, PlansAreFoundBySlaThenProductThenDefault) {
  SlaPlan gold = DefaultSlaPlan(), vps = DefaultSlaPlan(), fallback = DefaultSlaPlan();
  gold.name = "sla-99.99";
  vps.name = "vps";
  std::vector<SlaPlan> plans = {gold, vps, fallback};
  EXPECT_EQ(PlanFor(plans, "sla-99.99", "vps")->name, "sla-99.99");
  EXPECT_EQ(PlanFor(plans, "sla-other", "vps")->name, "vps");
  EXPECT_EQ(PlanFor(plans, "", "dedicated")->name, "default");
  plans.pop_back();
  EXPECT_EQ(PlanFor(plans, "", "dedicated"), nullptr);
}

TEST(SlaTest, InvalidPlansNameTheirField) {
  const auto field = [](SlaPlan p) { return ValidatePlan(p, "sla.x").field(); };
  SlaPlan p = DefaultSlaPlan();
  p.target = 0;
  EXPECT_EQ(field(p), "sla.x.target");
  p = DefaultSlaPlan();
  p.tiers.clear();
  EXPECT_EQ(field(p), "sla.x.tiers");
  p = DefaultSlaPlan();
  p.tiers[0].below = 99.95;  // above the target
  EXPECT_EQ(field(p), "sla.x.tiers[0].below");
  p = DefaultSlaPlan();
  p.tiers[1].below = 99.9;  // not below the previous
  EXPECT_EQ(field(p), "sla.x.tiers[1].below");
  p = DefaultSlaPlan();
  p.tiers[2].credit = 20;  // less than the previous
  EXPECT_EQ(field(p), "sla.x.tiers[2].credit");
  p = DefaultSlaPlan();
  p.tiers[0].credit = 0;
  EXPECT_EQ(field(p), "sla.x.tiers[0].credit");
  p = DefaultSlaPlan();
  p.cap = 101;
  EXPECT_EQ(field(p), "sla.x.cap");
  p = DefaultSlaPlan();
  p.floor = hours(25);
  EXPECT_EQ(field(p), "sla.x.floor_minutes");
  p = DefaultSlaPlan();
  p.name = "";
  EXPECT_EQ(ValidatePlan(p, "sla.x").code(), base::Code::kInvalidArgument);
}

// Generated plans, downtime and maintenance.
class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  SlaPlan Plan() {
    SlaPlan p;
    p.name = "generated";
    p.target = Pick({100.0, 99.99, 99.95, 99.9, 99.5});
    double below = p.target, credit = 0;
    const int tiers = Int(1, 4);
    for (int k = 0; k < tiers; ++k) {
      below -= Pick({0.01, 0.1, 0.5, 1.0, 4.0});
      credit = std::min(100.0, credit + Pick({5.0, 10.0, 15.0, 50.0}));
      if (below <= 0) break;
      p.tiers.push_back({k == 0 ? p.target : below, credit});
    }
    p.count_degraded = Int(0, 1) == 1;
    p.floor = minutes(Pick({0, 0, 1, 5, 30, 120}));
    p.cap = Pick({100.0, 100.0, 50.0, 25.0, 10.0, 0.0});
    return p;
  }

  std::vector<DowntimeSpan> Downtime(int max_spans) {
    std::vector<DowntimeSpan> out;
    const int n = Int(0, max_spans);
    for (int k = 0; k < n; ++k) out.push_back(OneSpan());
    return out;
  }

  DowntimeSpan OneSpan() {
    // Some start before the month and some run past it.
    const base::Time from = kStart + minutes(Int(-3 * 24 * 60, 32 * 24 * 60));
    const auto length = minutes(Pick({1, 5, 29, 45, 120, 600, 3000, 20000}) + Int(0, 30));
    return Down(from, length, Int(0, 3) == 0 ? DowntimeKind::kDegraded : DowntimeKind::kDown);
  }

  std::vector<Span> Maintenance() {
    std::vector<Span> out;
    const int n = Int(0, 3);
    for (int k = 0; k < n; ++k) {
      const base::Time from = kStart + minutes(Int(-24 * 60, 31 * 24 * 60));
      out.push_back({from, from + minutes(Int(10, 24 * 60))});
    }
    return out;
  }

  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <class T>
  T Pick(std::initializer_list<T> values) {
    return *(values.begin() + Int(0, static_cast<int>(values.size()) - 1));
  }

 private:
  std::mt19937 rng_;
};

constexpr int kCases = 5000;

TEST(SlaPropertyTest, GeneratedPlansAreValid) {
  Generator gen(1);
  for (int k = 0; k < kCases; ++k) {
    const SlaPlan p = gen.Plan();
    ASSERT_TRUE(ValidatePlan(p, "p").ok()) << k << ": " << ValidatePlan(p, "p").ToString();
  }
}

TEST(SlaPropertyTest, ACreditNeverExceedsTheCap) {
  Generator gen(2);
  for (int k = 0; k < kCases; ++k) {
    const SlaPlan plan = gen.Plan();
    const auto spans = gen.Downtime(12);
    const ResourceCredit c = CreditFor(plan, kNovember, spans, gen.Maintenance());
    ASSERT_LE(c.credit, plan.cap) << "case " << k;
    ASSERT_GE(c.credit, 0);
    ASSERT_LE(c.downtime, kNovember.length());
    ASSERT_GE(c.availability, 0);
    ASSERT_LE(c.availability, 100);
  }
}

TEST(SlaPropertyTest, MoreDowntimeNeverGivesLessCredit) {
  Generator gen(3);
  for (int k = 0; k < kCases; ++k) {
    const SlaPlan plan = gen.Plan();
    auto spans = gen.Downtime(8);
    const auto maintenance = gen.Maintenance();
    const ResourceCredit before = CreditFor(plan, kNovember, spans, maintenance);
    const int extra = gen.Int(1, 3);
    for (int e = 0; e < extra; ++e) spans.push_back(gen.OneSpan());
    const ResourceCredit after = CreditFor(plan, kNovember, spans, maintenance);
    ASSERT_GE(after.downtime, before.downtime) << "case " << k;
    ASSERT_GE(after.credit, before.credit) << "case " << k;
    ASSERT_LE(after.availability, before.availability) << "case " << k;
  }
}

TEST(SlaPropertyTest, MaintenanceNeverCounts) {
  Generator gen(4);
  for (int k = 0; k < kCases; ++k) {
    const SlaPlan plan = gen.Plan();
    const auto maintenance = gen.Maintenance();
    // Downtime entirely inside maintenance windows gives nothing.
    std::vector<DowntimeSpan> inside;
    for (const Span& m : maintenance) inside.push_back({m, DowntimeKind::kDown});
    const ResourceCredit none = CreditFor(plan, kNovember, inside, maintenance);
    ASSERT_EQ(none.downtime, base::Duration::zero()) << "case " << k;
    ASSERT_EQ(none.credit, 0) << "case " << k;
    // Adding a maintenance window never adds downtime or credit.
    auto spans = gen.Downtime(8);
    spans.insert(spans.end(), inside.begin(), inside.end());
    const ResourceCredit without = CreditFor(plan, kNovember, spans, {});
    const ResourceCredit with = CreditFor(plan, kNovember, spans, maintenance);
    ASSERT_LE(with.downtime, without.downtime) << "case " << k;
    ASSERT_LE(with.credit, without.credit) << "case " << k;
  }
}

TEST(SlaPropertyTest, NoDowntimeNoCredit) {
  Generator gen(5);
  for (int k = 0; k < kCases; ++k) {
    const ResourceCredit c = CreditFor(gen.Plan(), kNovember, {}, gen.Maintenance());
    ASSERT_EQ(c.credit, 0);
    ASSERT_EQ(c.tier, -1);
    ASSERT_EQ(c.availability, 100);
  }
}

}  // namespace
}  // namespace phare::model
