// Publishing an update: the promised next update, estimates, drafts and the checker.
#include <algorithm>

#include "service_fixture.h"

namespace phare::service {
namespace {

using model::ComponentStatus;
using model::IncidentStatus;
using std::chrono::minutes;

class PublishingTest : public ServiceTest {
 protected:
  std::string Declare(IncidentInput in = {}) {
    if (!in.name) in.name = "Strasbourg power outage";
    if (in.components.empty()) in.components = {{comp_, ComponentStatus::kMajorOutage}};
    auto i = incidents_->Create(actor_, in);
    EXPECT_TRUE(i.ok()) << i.status().ToString();
    return i.ok() ? i->id : "";
  }
  void SetUp() override {
    ServiceTest::SetUp();
    ComponentInput c;
    c.name = "Dedicated servers — Strasbourg";
    c.product = "dedicated_servers";
    c.location = "Strasbourg";
    comp_ = components_->Create(actor_, c)->id;
  }
  std::string comp_;
};

TEST_F(PublishingTest, OpenIncidentsPromiseTheirNextUpdate) {
  auto i = incidents_->Get(Declare());
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->next_update_at, clock_.Now() + minutes(30));
  EXPECT_EQ(i->updates.front().next_update_at, i->next_update_at);
  ctx_->policies.cadence.interval = minutes(15);
  clock_.Advance(minutes(10));
  IncidentInput update;
  update.body = "Still on it.";
  auto updated = incidents_->Update(actor_, i->id, update);
  EXPECT_EQ(updated->next_update_at, clock_.Now() + minutes(15));
  IncidentInput resolve;
  resolve.status = IncidentStatus::kResolved;
  EXPECT_FALSE(incidents_->Update(actor_, i->id, resolve)->next_update_at.has_value());
}

TEST_F(PublishingTest, OpenIncidentsCarryAnEstimateThatProgressSharpens) {
  const std::string id = Declare();
  auto i = incidents_->Get(id);
  ASSERT_EQ(i->estimates.size(), 1u);
  const model::Estimate first = i->estimates.front();
  EXPECT_LE(first.p10, first.p50);
  EXPECT_LE(first.p50, first.p90);
  EXPECT_GE(first.expected_by, first.p50);
  EXPECT_LE(first.expected_by, first.p90);

  // Restoration under way: 30% then 70% back within two hours.
  for (auto [after, restored] : {std::pair{60, 12116}, std::pair{120, 28674}}) {
    clock_.Set(i->started_at + minutes(after));
    model::ProgressSample sample;
    sample.restored = restored;
    sample.total = 40386;
    ASSERT_TRUE(incidents_->AddProgress(actor_, id, sample).ok());
  }
  auto later = incidents_->Get(id);
  ASSERT_FALSE(later->estimates.empty());
  EXPECT_GT(later->estimates.front().p90, clock_.Now());
  EXPECT_EQ(incidents_->Progress(id)->size(), 2u);
}

TEST_F(PublishingTest, ProgressSamplesAreValidated) {
  const std::string id = Declare();
  model::ProgressSample bad;
  bad.restored = 5;
  bad.total = 4;
  EXPECT_EQ(incidents_->AddProgress(actor_, id, bad).status().field(), "progress.restored");
  model::ProgressSample future;
  future.restored = 1;
  future.total = 4;
  future.at = clock_.Now() + std::chrono::hours(2);
  EXPECT_EQ(incidents_->AddProgress(actor_, id, future).status().field(), "progress.at");
  EXPECT_TRUE(incidents_->Progress(id)->empty());
  EXPECT_EQ(incidents_->AddProgress(actor_, "missing", {}).status().code(), base::Code::kNotFound);
}

TEST_F(PublishingTest, AnOperatorEstimateIsShownAsStated) {
  IncidentInput in;
  model::OperatorEstimate stated;
  stated.from = clock_.Now() + minutes(60);
  stated.to = clock_.Now() + minutes(120);
  in.operator_estimate = stated;
  auto i = incidents_->Get(Declare(in));
  ASSERT_FALSE(i->estimates.empty());
  EXPECT_EQ(i->estimates.front().source, "operator");
  EXPECT_EQ(i->estimates.front().p90, *stated.from + minutes(60));
}

TEST_F(PublishingTest, DraftsFillTheBodiesTheOperatorDidNotWrite) {
  IncidentInput in;
  in.body = "Both grid feeds down.";
  in.draft = true;
  in.bodies = {{model::Audience::kGeneral, "fr", "Texte de l’opérateur."}};
  PublishReport report;
  auto i = incidents_->Create(
      actor_,
      [&] {
        in.name = "Strasbourg power outage";
        in.components = {{comp_, ComponentStatus::kMajorOutage}};
        return in;
      }(),
      &report);
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  const auto& bodies = i->updates.front().bodies;
  auto find = [&](model::Audience a, const std::string& lang) -> std::string {
    for (const auto& b : bodies) {
      if (b.audience == a && b.language == lang) return b.body;
    }
    return "";
  };
  EXPECT_EQ(find(model::Audience::kGeneral, "fr"), "Texte de l’opérateur.");    // operator's wins
  EXPECT_EQ(find(model::Audience::kTechnical, "en"), "Both grid feeds down.");  // their `body`
  EXPECT_NE(find(model::Audience::kGeneral, "en").find("sorry"), std::string::npos);
  EXPECT_NE(find(model::Audience::kTechnical, "fr").find("Dedicated servers — Strasbourg"),
            std::string::npos);
}

TEST_F(PublishingTest, BlockingRulesStopPublishingAndWriteNothing) {
  const std::string id = Declare();
  ctx_->policies.checker.blocking = {"jargon"};
  IncidentInput in;
  in.bodies = {{model::Audience::kGeneral, "en", "BGP sessions flap on the NCS 2000."}};
  PublishReport report;
  auto r = incidents_->Update(actor_, id, in, &report);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "incident.body");
  bool blocked = false;
  for (const auto& f : report.findings) blocked |= f.finding.rule == "jargon" && f.finding.blocking;
  EXPECT_TRUE(blocked);
  EXPECT_EQ(incidents_->Get(id)->updates.size(), 1u);  // nothing written

  // Warnings only when the rule does not block.
  ctx_->policies.checker.blocking.clear();
  PublishReport warned;
  ASSERT_TRUE(incidents_->Update(actor_, id, in, &warned).ok());
  EXPECT_FALSE(warned.findings.empty());
}

// The apology goes into the first message general readers get in each language, even when
// the incident began with technical bodies only (as on 9 November 2017).
TEST_F(PublishingTest, TheFirstGeneralMessageOfEachLanguageApologises) {
  IncidentInput declare;
  declare.body = "SBG: both grid feeds down, generator chains in fault.";  // technical
  const std::string id = Declare(declare);
  clock_.Advance(minutes(10));
  IncidentInput technical;
  technical.body = "Generator chain A restarted.";
  ASSERT_TRUE(incidents_->Update(actor_, id, technical).ok());

  const auto general = [](const comms::Drafts& drafts, const std::string& lang) {
    for (const auto& b : drafts.bodies) {
      if (b.audience == model::Audience::kGeneral && b.language == lang) return b.body;
    }
    return std::string();
  };
  const auto has = [](const PublishReport& report, const std::string& rule,
                      const std::string& lang) {
    return std::any_of(report.findings.begin(), report.findings.end(),
                       [&](const auto& f) { return f.finding.rule == rule && f.language == lang; });
  };
  PublishReport drafted;
  auto drafts = incidents_->Draft(id, std::nullopt, {}, &drafted);
  ASSERT_TRUE(drafts.ok()) << drafts.status().ToString();
  EXPECT_NE(general(*drafts, "en").find("sorry"), std::string::npos) << general(*drafts, "en");
  EXPECT_NE(general(*drafts, "fr").find("désolés"), std::string::npos) << general(*drafts, "fr");
  EXPECT_TRUE(drafted.findings.empty());

  // Without an apology, the first English general body is flagged; blocked when the page
  // says so, published with a warning otherwise.
  IncidentInput bare;
  bare.bodies = {{model::Audience::kGeneral, "en",
                  "Our servers in Strasbourg are down. Next update by 8:00 AM CET."}};
  ctx_->policies.checker.blocking = {"apology-missing"};
  PublishReport blocked;
  EXPECT_FALSE(incidents_->Update(actor_, id, bare, &blocked).ok());
  EXPECT_TRUE(has(blocked, "apology-missing", "en"));
  ctx_->policies.checker.blocking.clear();
  PublishReport warned;
  ASSERT_TRUE(incidents_->Update(actor_, id, bare, &warned).ok());
  EXPECT_TRUE(has(warned, "apology-missing", "en"));

  // English general readers are told now; French ones are not yet.
  PublishReport later;
  drafts = incidents_->Draft(id, std::nullopt, {}, &later);
  ASSERT_TRUE(drafts.ok());
  EXPECT_EQ(general(*drafts, "en").find("sorry"), std::string::npos);
  EXPECT_NE(general(*drafts, "fr").find("désolés"), std::string::npos);
  EXPECT_TRUE(later.findings.empty());
  PublishReport again;
  ASSERT_TRUE(incidents_->Update(actor_, id, bare, &again).ok());
  EXPECT_FALSE(has(again, "apology-missing", "en"));

  // The resolution thanks and apologises again in every language.
  auto resolution = incidents_->Draft(id, IncidentStatus::kResolved, {}, nullptr);
  ASSERT_TRUE(resolution.ok());
  EXPECT_NE(general(*resolution, "en").find("truly sorry"), std::string::npos);
  EXPECT_NE(general(*resolution, "en").find("Thank you"), std::string::npos);
  EXPECT_NE(general(*resolution, "fr").find("vraiment désolés"), std::string::npos);
}

TEST_F(PublishingTest, ScheduledTransitionsAreNeverBlocked) {
  ctx_->policies.checker.blocking = {"restoration-time-missing", "apology-missing"};
  IncidentInput m;
  m.name = "Router upgrade";
  m.scheduled_for = clock_.Now() + minutes(5);
  m.scheduled_until = clock_.Now() + minutes(65);
  m.scheduled_auto_in_progress = true;
  m.scheduled_auto_completed = true;
  auto created = incidents_->Create(actor_, m);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  clock_.Advance(minutes(5));
  EXPECT_EQ(*incidents_->AdvanceMaintenance(), 1);
  EXPECT_EQ(incidents_->Get(created->id)->status, IncidentStatus::kInProgress);
}

}  // namespace
}  // namespace phare::service
