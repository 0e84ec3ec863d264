// Estimates between updates: a fake clock walks through an open incident with the
// refresher ticking, and the published promise never falls behind the clock.
#include "service/estimates.h"

#include "eta/source.h"
#include "service/page.h"

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

// A page of its own whose past incidents lasted 1, 2, 4... 32 hours and 5 minutes; with
// `late_updates`, each posted an update 5 minutes before it was resolved, as incidents
// do once the fix is deployed. Then a new incident, updated an hour in.
class PastPage {
 public:
  PastPage(const std::string& file, bool late_updates) {
    store_ = std::move(store::sqlite::SqliteStore::Open(file, {})).value();
    ctx_ = std::make_unique<Context>(Context{*store_, clock_, random_});
    EXPECT_TRUE(EnsurePage(*ctx_, {}).ok());
    incidents_ = std::make_unique<IncidentService>(*ctx_);
    for (int h = 1; h <= 32; h *= 2) {
      const std::string id = Declare("Network outage");
      clock_.Advance(hours(h));
      if (late_updates) Post(id, model::IncidentStatus::kIdentified);
      clock_.Advance(minutes(5));
      Post(id, model::IncidentStatus::kResolved);
      clock_.Advance(hours(24));
    }
    current_ = Declare("Network outage");
    clock_.Advance(hours(1));
    Post(current_, model::IncidentStatus::kIdentified);
  }
  // The hours from now to the median of the current incident's estimate.
  double MedianHoursLeft() {
    auto i = incidents_->Get(current_);
    EXPECT_TRUE(i.ok() && !i->estimates.empty());
    if (!i.ok() || i->estimates.empty()) return 0;
    return eta::HoursBetween(clock_.Now(), i->estimates.front().p50);
  }

 private:
  std::string Declare(const std::string& name) {
    IncidentInput in;
    in.name = name;
    in.body = "We are investigating.";
    auto i = incidents_->Create(actor_, in);
    EXPECT_TRUE(i.ok()) << i.status().ToString();
    return i.ok() ? i->id : "";
  }
  void Post(const std::string& id, model::IncidentStatus status) {
    IncidentInput in;
    in.status = status;
    in.body = "A fix is being deployed.";
    auto i = incidents_->Update(actor_, id, in);
    EXPECT_TRUE(i.ok()) << i.status().ToString();
  }
  base::FakeClock clock_{base::FromMillis(1510208460000)};
  base::SeededRandom random_{7};
  std::unique_ptr<store::sqlite::SqliteStore> store_;
  std::unique_ptr<Context> ctx_;
  std::unique_ptr<IncidentService> incidents_;
  model::Actor actor_{"test"};
  std::string current_;
};

TEST_F(EstimatesTest, ThePagesPastUpdatesInformItsEstimates) {
  PastPage with_updates(dir_.File("with.db"), true);
  PastPage durations_only(dir_.File("without.db"), false);
  // Same durations; only the updates tell that this page's incidents end soon after
  // an update posted about as far in as this one.
  const double informed = with_updates.MedianHoursLeft();
  const double blind = durations_only.MedianHoursLeft();
  EXPECT_GT(informed, 0);
  EXPECT_LT(informed, 0.5 * blind) << informed << " h vs " << blind << " h";
}

}  // namespace
}  // namespace phare::service
