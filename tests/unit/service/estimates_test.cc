// Estimates between updates: a fake clock walks through an open incident with the
// refresher ticking, and the published promise never falls behind the clock.
#include "service/estimates.h"

#include "service_fixture.h"

namespace phare::service {
namespace {

using model::ComponentStatus;
using std::chrono::hours;
using std::chrono::minutes;

class EstimatesTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    ComponentInput c;
    c.name = "Dedicated servers — Strasbourg";
    c.product = "dedicated_servers";
    c.location = "Strasbourg";
    comp_ = components_->Create(actor_, c)->id;
  }
  // An outage whose operator says "in 5 minutes to 4 hours" (the 12:25 update of 2017).
  std::string Declare() {
    IncidentInput in;
    in.name = "Strasbourg power outage";
    in.components = {{comp_, ComponentStatus::kMajorOutage}};
    model::OperatorEstimate stated;
    stated.from = clock_.Now() + minutes(5);
    stated.to = clock_.Now() + hours(4);
    in.operator_estimate = stated;
    auto i = incidents_->Create(actor_, in);
    EXPECT_TRUE(i.ok()) << i.status().ToString();
    return i.ok() ? i->id : "";
  }
  model::Estimate Whole(const std::string& id) {
    auto i = incidents_->Get(id);
    EXPECT_TRUE(i.ok() && !i->estimates.empty());
    return i.ok() && !i->estimates.empty() ? i->estimates.front() : model::Estimate{};
  }
  std::string GeneralBody(const std::string& id, const std::string& language) {
    auto drafts = incidents_->Draft(id, std::nullopt, {});
    EXPECT_TRUE(drafts.ok()) << drafts.status().ToString();
    if (!drafts.ok()) return "";
    for (const auto& b : drafts->bodies) {
      if (b.audience == model::Audience::kGeneral && b.language == language) return b.body;
    }
    return "";
  }
  std::string comp_;
};

TEST_F(EstimatesTest, TheRefresherReplacesThePromiseBeforeItPasses) {
  const std::string id = Declare();
  const model::Estimate first = Whole(id);
  ASSERT_EQ(first.source, "operator");
  ASSERT_FALSE(first.late);
  EstimateRefresher refresher(*ctx_);
  bool replaced = false;
  const base::Time end = first.expected_by + hours(6);
  for (; clock_.Now() < end; clock_.Advance(minutes(1))) {
    const int changes = changes_;
    auto report = refresher.Tick();
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    const model::Estimate e = Whole(id);
    SCOPED_TRACE(base::FormatUtc(clock_.Now()));
    ASSERT_GT(e.expected_by, clock_.Now());  // the rule, at every minute
    ASSERT_GT(e.p90, clock_.Now());
    if (!report->revised.empty()) EXPECT_GT(changes_, changes);  // a new snapshot
    if (clock_.Now() >= first.expected_by) {
      replaced = true;
      EXPECT_GT(e.expected_by, first.expected_by);
    }
  }
  EXPECT_TRUE(replaced);
  // The incident's timeline and promised next update are left alone.
  auto i = incidents_->Get(id);
  EXPECT_EQ(i->updates.size(), 1u);
  EXPECT_EQ(i->updated_at, i->created_at);
}

TEST_F(EstimatesTest, AReplacedPromiseIsMarkedLateAndDraftsSaySo) {
  const std::string id = Declare();
  const model::Estimate first = Whole(id);
  EstimateRefresher refresher(*ctx_);
  while (clock_.Now() <= first.expected_by) {
    ASSERT_TRUE(refresher.Tick().ok());
    clock_.Advance(minutes(1));
  }
  const model::Estimate now = Whole(id);
  EXPECT_TRUE(now.late);
  EXPECT_GT(now.expected_by, first.expected_by);
  EXPECT_NE(GeneralBody(id, "en").find("taking longer than we expected"), std::string::npos);
  EXPECT_NE(GeneralBody(id, "fr").find("plus de temps que prévu"), std::string::npos);
}

TEST_F(EstimatesTest, DraftsRecomputeAnEstimateLeftStaleAndNeverPromiseAPassedTime) {
  const std::string id = Declare();
  const model::Estimate first = Whole(id);
  clock_.Set(first.expected_by + minutes(30));  // no refresh ran: the stored one is stale
  const std::string body = GeneralBody(id, "en");
  EXPECT_NE(body.find("taking longer than we expected"), std::string::npos) << body;
  EXPECT_EQ(body.find(comms::TimeToken(first.p50)), std::string::npos) << body;
  EXPECT_EQ(body.find(comms::TimeToken(first.p10)), std::string::npos) << body;
}

TEST_F(EstimatesTest, AShownTimePassingRerendersWithoutRewriting) {
  const std::string id = Declare();
  const model::Estimate first = Whole(id);
  EstimateRefresher refresher(*ctx_);
  ASSERT_TRUE(refresher.Tick().ok());
  clock_.Set(first.p10 + minutes(1));
  const int changes = changes_;
  auto report = refresher.Tick();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->revised.empty());
  EXPECT_TRUE(report->announced);
  EXPECT_EQ(changes_, changes + 1);
  auto quiet = refresher.Tick();  // nothing passed since
  ASSERT_TRUE(quiet.ok());
  EXPECT_FALSE(quiet->announced);
}

TEST_F(EstimatesTest, ClosedIncidentsAreLeftAlone) {
  const std::string id = Declare();
  IncidentInput resolve;
  resolve.status = model::IncidentStatus::kResolved;
  ASSERT_TRUE(incidents_->Update(actor_, id, resolve).ok());
  clock_.Advance(hours(8));
  RefreshOptions all;
  all.all = true;
  auto report = RefreshEstimates(*ctx_, all);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->revised.empty());
  EXPECT_TRUE(incidents_->Get(id)->estimates.empty());
}

}  // namespace
}  // namespace phare::service
