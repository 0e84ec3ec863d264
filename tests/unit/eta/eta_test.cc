#include "eta/eta.h"

#include <gtest/gtest.h>

#include "eta/baseline.h"
#include "eta/cause.h"

namespace phare::eta {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const base::Time kStart = base::ParseTime("2024-03-01T10:00:00Z").value();

EtaInput Basic() {
  EtaInput in;
  in.incident_id = "inc1";
  in.name = "Packet loss in Paris";
  in.started_at = kStart;
  in.now = kStart + minutes(30);
  return in;
}

TEST(EtaTest, HistoryAloneGivesAnEstimate) {
  auto r = Recompute(Basic());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->scopes.size(), 1u);
  const ScopeEta& whole = r->scopes[0];
  EXPECT_EQ(whole.published.source, "history");
  EXPECT_EQ(whole.published.scope, "");
  EXPECT_LT(whole.published.p10, whole.published.p50);
  EXPECT_LT(whole.published.p50, whole.published.p90);
  EXPECT_GT(whole.published.p10, Basic().now);
  EXPECT_NE(whole.published.reason.find("network"), std::string::npos);  // derived cause
}

TEST(EtaTest, OperatorStatementIsShownAsStatedAndChecked) {
  EtaInput in = Basic();
  in.progress = {{kStart + minutes(20), 10, 100, ""}, {kStart + minutes(30), 20, 100, ""}};
  in.operator_estimates = {{"", in.now, std::nullopt, in.now + minutes(10)}};
  auto r = Recompute(in);
  ASSERT_TRUE(r.ok());
  const ScopeEta& whole = r->scopes[0];
  EXPECT_EQ(whole.published.source, "operator");
  EXPECT_EQ(whole.published.p50, in.now + minutes(10));
  EXPECT_EQ(whole.data.source, "combined");
  ASSERT_TRUE(whole.disagreement);  // 20 % in 30 min will not be 99 % in 10 more
  EXPECT_EQ(whole.disagreement->direction, Disagreement::Direction::kTooEarly);
}

TEST(EtaTest, BlendPolicyPoolsTheOperatorWithTheData) {
  EtaInput in = Basic();
  in.operator_estimates = {{"", in.now, std::nullopt, in.now + hours(1)}};
  EtaConfig config;
  config.operator_policy = OperatorPolicy::kBlend;
  auto r = Recompute(in, config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->scopes[0].published.source, "combined");
}

TEST(EtaTest, ScopesWithTheirOwnProgressGetTheirOwnEstimate) {
  EtaInput in = Basic();
  in.now = kStart + hours(2);
  in.progress = {{kStart + hours(1), 50, 100, "SBG2"},
                 {kStart + hours(2), 90, 100, "SBG2"},
                 {kStart + hours(1), 1, 100, "SBG1"},
                 {kStart + hours(2), 5, 100, "SBG1"}};
  auto r = Recompute(in);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->scopes.size(), 3u);
  EXPECT_EQ(r->scopes[1].published.scope, "SBG1");
  EXPECT_EQ(r->scopes[2].published.scope, "SBG2");
  EXPECT_GT(r->scopes[1].published.p50, r->scopes[2].published.p50);
}

TEST(EtaTest, DampingHoldsThePublishedEstimate) {
  EtaInput in = Basic();
  auto first = Recompute(in);
  ASSERT_TRUE(first.ok());
  in.published = {first->scopes[0].published};
  in.now += minutes(2);
  auto second = Recompute(in);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->scopes[0].revised);
  EXPECT_EQ(second->scopes[0].published.p50, first->scopes[0].published.p50);
  EXPECT_NE(second->scopes[0].fresh.p50, first->scopes[0].published.p50);
}

TEST(EtaTest, RejectsInconsistentInput) {
  EtaInput in = Basic();
  in.now = kStart - minutes(1);
  EXPECT_EQ(Recompute(in).status().field(), "now");
  in = Basic();
  in.progress = {{in.now, 5, 4, ""}};
  EXPECT_EQ(Recompute(in).status().field(), "progress[0]");
  in = Basic();
  in.operator_estimates = {{"", in.now, in.now + hours(2), in.now + hours(1)}};
  EXPECT_EQ(Recompute(in).status().code(), base::Code::kInvalidArgument);
  in = Basic();
  in.progress.resize(kMaxProgressSamples + 1, {in.now, 1, 2, ""});
  EXPECT_EQ(Recompute(in).status().code(), base::Code::kResourceExhausted);
}

TEST(EtaTest, TheIncidentItselfIsNeverItsOwnHistory) {
  EtaInput in = Basic();
  EtaConfig config;
  config.use_builtin_baseline = false;
  auto without = Recompute(in, config);
  PastIncident self{in.incident_id,    "network", in.impact, in.kind, kStart - hours(100),
                    kStart - hours(1), 1.0,       {},        ""};
  in.history = {self};
  auto with = Recompute(in, config);
  ASSERT_TRUE(without.ok() && with.ok());
  EXPECT_EQ(with->scopes[0].fresh.p50, without->scopes[0].fresh.p50);
}

TEST(BaselineTest, TheEmbeddedBaselineParses) {
  auto records = BuiltinBaseline();
  ASSERT_GT(records.size(), 100u);
  for (const PastIncident& p : records) {
    ASSERT_TRUE(p.resolved_at);
    EXPECT_GE(*p.resolved_at, p.started_at) << p.id;
  }
}

TEST(BaselineTest, RoundTrips) {
  std::vector<PastIncident> in{{"a",
                                "power",
                                model::Impact::kCritical,
                                model::IncidentKind::kIncident,
                                kStart,
                                kStart + hours(3),
                                1.0,
                                {},
                                "gcp-incidents"}};
  auto out = ParseBaseline(SerializeBaseline(in, "test"));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->size(), 1u);
  EXPECT_EQ((*out)[0].cause, "power");
  EXPECT_EQ((*out)[0].impact, model::Impact::kCritical);
  EXPECT_EQ((*out)[0].resolved_at, kStart + hours(3));
  EXPECT_EQ((*out)[0].source, "gcp-incidents");
  EXPECT_FALSE(ParseBaseline(R"({"incidents": [{"id": "x"}]})").ok());
}

TEST(CauseTest, DerivesBroadCategoriesFromWords) {
  EXPECT_EQ(DeriveCause("Elevated packet loss in europe-north1"), "network");
  EXPECT_EQ(DeriveCause("Cloud SQL connectivity issues"), "database");
  EXPECT_EQ(DeriveCause("Both grid feeds lost, generators failed"), "facility");
  EXPECT_EQ(DeriveCause("Customers unable to create VMs in us-central1"), "compute");
  EXPECT_EQ(DeriveCause("Something odd"), "other");
  EXPECT_EQ(NormalizeCause("  Power ", "packet loss"), "facility");
  EXPECT_EQ(NormalizeCause("Network", ""), "network");
  EXPECT_EQ(NormalizeCause("Cosmic rays", ""), "cosmic rays");
  EXPECT_EQ(NormalizeCause("", "packet loss"), "network");
}

}  // namespace
}  // namespace phare::eta
