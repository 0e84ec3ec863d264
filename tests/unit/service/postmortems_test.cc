// Post-mortem use cases over a real SQLite store: drafting from the incident's record,
// the promise made at resolution, publishing (status, notice update, fan-out job) and
// the Statuspage fields of incident writes.
#include "service/postmortems.h"

#include "service_fixture.h"

namespace phare::service {
namespace {

using model::Audience;
using model::IncidentStatus;
using std::chrono::hours;

class PostmortemServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    postmortems_ = std::make_unique<PostmortemService>(*ctx_, *incidents_, nullptr);
    IncidentInput in;
    in.name = "Strasbourg power outage";
    in.body = "We are sorry: Strasbourg is down.";
    in.components = {
        {MakeComponent("Dedicated servers — Strasbourg"), model::ComponentStatus::kMajorOutage}};
    auto i = incidents_->Create(actor_, in);
    ASSERT_TRUE(i.ok()) << i.status().ToString();
    id_ = i->id;
  }

  void Resolve(std::optional<base::Time> report_by = std::nullopt) {
    clock_.Advance(hours(3));
    IncidentInput in;
    in.status = IncidentStatus::kResolved;
    in.body = "Service is back. We are sorry for the trouble.";
    in.draft_facts.postmortem_by = report_by;
    auto i = incidents_->Update(actor_, id_, in);
    ASSERT_TRUE(i.ok()) << i.status().ToString();
  }

  static PostmortemInput Facts() {
    PostmortemInput in;
    model::PostmortemFacts f;
    f.summary = {{"en", "Our Strasbourg site lost all its electricity."},
                 {"fr", "Notre site de Strasbourg a perdu toute son électricité."}};
    f.chain = {{std::nullopt, {{"en", "Both grid feeds behind one breaker tripped."}}}};
    f.changes = {{{{"en", "A second power line."}, {"fr", "Une seconde ligne électrique."}},
                  base::FromMillis(1530316800000)}};
    in.facts = f;
    in.draft = true;
    return in;
  }

  size_t Jobs() {
    size_t n = 0;
    EXPECT_TRUE(store_
                    ->Read([&](store::Tx& tx) {
                      PHARE_ASSIGN_OR_RETURN(auto jobs, tx.ListFanoutJobs(100));
                      n = jobs.size();
                      return base::Status::Ok();
                    })
                    .ok());
    return n;
  }

  std::unique_ptr<PostmortemService> postmortems_;
  std::string id_;
};

TEST_F(PostmortemServiceTest, DraftsBothAudiencesFromTheFactsAndChecksThem) {
  PostmortemReport report;
  auto pm = postmortems_->Save(actor_, id_, Facts(), &report);
  ASSERT_TRUE(pm.ok()) << pm.status().ToString();
  EXPECT_EQ(pm->bodies.size(), 2 * comms::Catalogs::Builtin().Languages().size());
  EXPECT_FALSE(pm->published_at.has_value());
  EXPECT_TRUE(pm->body_updated_at.has_value());
  const auto* technical = model::PostmortemBodyFor(*pm, Audience::kTechnical, "en", "en");
  ASSERT_NE(technical, nullptr);
  EXPECT_NE(technical->body.find("one breaker"), std::string::npos) << technical->body;
  // The communicator's own text wins over the draft, and is kept on a redraft.
  PostmortemInput edit;
  edit.bodies = {{Audience::kGeneral, "en", "We are sorry. Here is what happened."}};
  edit.draft = true;
  pm = postmortems_->Save(actor_, id_, edit, &report);
  ASSERT_TRUE(pm.ok());
  EXPECT_EQ(model::PostmortemBodyFor(*pm, Audience::kGeneral, "en", "en")->body,
            "We are sorry. Here is what happened.");
  EXPECT_EQ(pm->facts.summary.at("fr"), Facts().facts->summary.at("fr"));  // facts kept
}

TEST_F(PostmortemServiceTest, PublishingWaitsForResolutionThenTellsSubscribersOnce) {
  ASSERT_TRUE(postmortems_->Save(actor_, id_, Facts()).ok());
  EXPECT_EQ(postmortems_->Publish(actor_, id_).status().code(), base::Code::kFailedPrecondition);
  Resolve();
  const size_t jobs = Jobs();
  clock_.Advance(hours(24));
  auto pm = postmortems_->Publish(actor_, id_);
  ASSERT_TRUE(pm.ok()) << pm.status().ToString();
  EXPECT_EQ(pm->published_at, clock_.Now());
  auto i = incidents_->Get(id_);
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->status, IncidentStatus::kPostmortem);
  ASSERT_TRUE(i->postmortem.has_value());
  EXPECT_TRUE(i->postmortem->published_at.has_value());
  // The notice update says where to read it, per audience and language.
  const auto& notice = i->updates.front();
  EXPECT_EQ(notice.status, IncidentStatus::kPostmortem);
  EXPECT_EQ(notice.bodies.size(), 2 * comms::Catalogs::Builtin().Languages().size());
  EXPECT_NE(model::BodyFor(notice, Audience::kGeneral, "fr", "en").find("/incidents/" + id_),
            std::string::npos);
  EXPECT_EQ(Jobs(), jobs + 1);
  // Publishing again changes nothing and tells no one twice.
  const size_t updates = i->updates.size();
  ASSERT_TRUE(postmortems_->Publish(actor_, id_).ok());
  EXPECT_EQ(incidents_->Get(id_)->updates.size(), updates);
  EXPECT_EQ(Jobs(), jobs + 1);
}

TEST_F(PostmortemServiceTest, PublishingWithoutNotificationQueuesNothing) {
  ASSERT_TRUE(postmortems_->Save(actor_, id_, Facts()).ok());
  Resolve();
  const size_t jobs = Jobs();
  auto pm = postmortems_->Publish(actor_, id_, false);
  ASSERT_TRUE(pm.ok());
  EXPECT_FALSE(pm->notify_subscribers);
  EXPECT_EQ(Jobs(), jobs);
}

TEST_F(PostmortemServiceTest, NothingToPublishIsAPreconditionFailure) {
  Resolve();
  EXPECT_EQ(postmortems_->Publish(actor_, id_).status().code(), base::Code::kFailedPrecondition);
  EXPECT_EQ(postmortems_->Get(id_).status().code(), base::Code::kNotFound);
}

TEST_F(PostmortemServiceTest, ABlockingFindingStopsPublishing) {
  ctx_->policies.checker.blocking.insert("apology-missing");
  PostmortemInput in;
  in.bodies = {{Audience::kGeneral, "en", "The power went out."}};
  ASSERT_TRUE(postmortems_->Save(actor_, id_, in).ok());
  Resolve();
  PostmortemReport report;
  auto pm = postmortems_->Publish(actor_, id_, std::nullopt, &report);
  ASSERT_FALSE(pm.ok());
  EXPECT_EQ(pm.status().field(), "postmortem.bodies");
  EXPECT_EQ(incidents_->Get(id_)->status, IncidentStatus::kResolved);
}

TEST_F(PostmortemServiceTest, TheResolutionsPromiseIsRecordedUntilPublished) {
  const base::Time by = clock_.Now() + hours(24 * 9);
  Resolve(by);
  auto pm = postmortems_->Get(id_);
  ASSERT_TRUE(pm.ok()) << pm.status().ToString();
  EXPECT_EQ(pm->promised_by, by);
  std::vector<model::Postmortem> promised;
  auto list = [&] {
    EXPECT_TRUE(store_
                    ->Read([&](store::Tx& tx) {
                      PHARE_ASSIGN_OR_RETURN(promised, tx.ListPromisedPostmortems());
                      return base::Status::Ok();
                    })
                    .ok());
    return promised.size();
  };
  EXPECT_EQ(list(), 1u);
  ASSERT_TRUE(postmortems_->Save(actor_, id_, Facts()).ok());
  ASSERT_TRUE(postmortems_->Publish(actor_, id_).ok());
  EXPECT_EQ(list(), 0u);
  auto reverted = postmortems_->Revert(actor_, id_);
  ASSERT_TRUE(reverted.ok());
  EXPECT_FALSE(reverted->published_at.has_value());
}

TEST_F(PostmortemServiceTest, StatuspageFieldsOfAnIncidentWriteSaveADraft) {
  IncidentInput in;
  in.postmortem.body = "The two feeds shared one breaker.";
  in.postmortem.notify_twitter = true;
  auto i = incidents_->Update(actor_, id_, in);
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  ASSERT_TRUE(i->postmortem.has_value());
  EXPECT_TRUE(i->postmortem->notify_twitter);
  const auto* body = model::PostmortemBodyFor(*i->postmortem, ctx_->policies.default_audience,
                                              ctx_->policies.default_language, "en");
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->body, "The two feeds shared one breaker.");
  EXPECT_FALSE(i->postmortem->published_at.has_value());
}

TEST_F(PostmortemServiceTest, MaintenanceHasNone) {
  IncidentInput in;
  in.name = "Router upgrade";
  in.kind = model::IncidentKind::kMaintenance;
  in.scheduled_for = clock_.Now() + hours(24);
  in.scheduled_until = clock_.Now() + hours(26);
  auto m = incidents_->Create(actor_, in);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(postmortems_->Save(actor_, m->id, Facts()).status().code(),
            base::Code::kFailedPrecondition);
}

TEST_F(PostmortemServiceTest, BadInputNamesItsField) {
  PostmortemInput in;
  in.bodies = {{Audience::kGeneral, "not a tag!", "x"}};
  EXPECT_EQ(postmortems_->Save(actor_, id_, in).status().field(), "postmortem.bodies[0].language");
  in = Facts();
  in.facts->summary["zz"] = "?";
  EXPECT_EQ(postmortems_->Save(actor_, id_, in).status().field(), "postmortem.summary.zz");
  EXPECT_EQ(postmortems_->Save(actor_, "nope", Facts()).status().code(), base::Code::kNotFound);
}

}  // namespace
}  // namespace phare::service
