// The post-mortem store (store/postmortems.h) over a real SQLite file.
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace phare::store::sqlite {
namespace {

using base::Time;

Time T(int64_t seconds) { return base::FromMillis(seconds * 1000); }

class PostmortemStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = SqliteStore::Open(dir_.File("phare.db"), {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    for (const char* id : {"sbg", "rbx"}) {
      model::Incident i;
      i.id = id;
      i.page_id = "page1";
      i.name = id;
      i.status = model::IncidentStatus::kResolved;
      i.created_at = i.updated_at = i.started_at = T(1000);
      ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutIncident(i); }).ok());
    }
  }

  static model::Postmortem Strasbourg() {
    model::Postmortem pm;
    pm.incident_id = "sbg";
    pm.facts.summary = {{"en", "The site lost power."}, {"fr", "Le site a perdu le courant."}};
    pm.facts.root_cause = {{"en", "One fault cut both power lines."}};
    pm.facts.chain = {
        {T(1100), {{"en", "Both grid feeds lost"}, {"fr", "Perte des deux arrivées"}}},
        {std::nullopt, {{"en", "Generators did not start"}}},
        {T(1600), {{"en", "UPS exhausted"}}}};
    pm.facts.changes = {{{{"en", "A second power line"}}, T(9000)},
                        {{{"en", "Monthly generator tests"}}, std::nullopt}};
    pm.facts.credits_policy = {{"en", "Credits apply."}};
    pm.bodies = {{model::Audience::kGeneral, "en", "We are sorry."},
                 {model::Audience::kTechnical, "fr", "Chaîne des causes."}};
    pm.promised_by = T(5000);
    pm.notify_twitter = true;
    pm.created_at = T(2000);
    pm.body_updated_at = T(2100);
    return pm;
  }

  base::Result<model::Postmortem> Get(const std::string& id) {
    model::Postmortem out;
    auto status = store_->Read([&](Tx& tx) {
      PHARE_ASSIGN_OR_RETURN(out, tx.GetPostmortem(id));
      return base::Status::Ok();
    });
    if (!status.ok()) return status;
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(PostmortemStoreTest, RoundTripsFactsBodiesAndDates) {
  const model::Postmortem pm = Strasbourg();
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutPostmortem(pm); }).ok());
  auto got = Get("sbg");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->facts.summary, pm.facts.summary);
  EXPECT_EQ(got->facts.root_cause, pm.facts.root_cause);
  ASSERT_EQ(got->facts.chain.size(), 3u);
  EXPECT_EQ(got->facts.chain[0].at, T(1100));
  EXPECT_EQ(got->facts.chain[0].what, pm.facts.chain[0].what);
  EXPECT_FALSE(got->facts.chain[1].at.has_value());
  EXPECT_EQ(got->facts.chain[2].what.at("en"), "UPS exhausted");
  ASSERT_EQ(got->facts.changes.size(), 2u);
  EXPECT_EQ(got->facts.changes[0].by, T(9000));
  EXPECT_FALSE(got->facts.changes[1].by.has_value());
  EXPECT_EQ(got->facts.credits_policy, pm.facts.credits_policy);
  ASSERT_EQ(got->bodies.size(), 2u);
  EXPECT_EQ(got->bodies[0].body, "We are sorry.");
  EXPECT_EQ(got->promised_by, T(5000));
  EXPECT_TRUE(got->notify_subscribers);
  EXPECT_TRUE(got->notify_twitter);
  EXPECT_EQ(got->created_at, T(2000));
  EXPECT_EQ(got->body_updated_at, T(2100));
  EXPECT_FALSE(got->published_at.has_value());
}

TEST_F(PostmortemStoreTest, ReplacingDropsWhatIsNoLongerThere) {
  model::Postmortem pm = Strasbourg();
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutPostmortem(pm); }).ok());
  pm.facts.chain.resize(1);
  pm.bodies.resize(1);
  pm.published_at = T(6000);
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutPostmortem(pm); }).ok());
  auto got = Get("sbg");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->facts.chain.size(), 1u);
  EXPECT_EQ(got->bodies.size(), 1u);
  EXPECT_EQ(got->published_at, T(6000));
}

TEST_F(PostmortemStoreTest, IncidentsCarryTheirPostmortem) {
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutPostmortem(Strasbourg()); }).ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    PHARE_ASSIGN_OR_RETURN(auto list, tx.ListIncidents({}));
                    for (const auto& i : list) {
                      EXPECT_EQ(i.postmortem.has_value(), i.id == "sbg") << i.id;
                    }
                    PHARE_ASSIGN_OR_RETURN(auto sbg, tx.GetIncident("sbg"));
                    EXPECT_TRUE(sbg.postmortem.has_value());
                    EXPECT_EQ(sbg.postmortem->facts.chain.size(), 3u);
                    EXPECT_EQ(sbg.postmortem->bodies.size(), 2u);
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(PostmortemStoreTest, PromisedListsOnlyUnpublishedPromisesSoonestFirst) {
  model::Postmortem sbg = Strasbourg();
  model::Postmortem rbx;
  rbx.incident_id = "rbx";
  rbx.promised_by = T(3000);
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    PHARE_RETURN_IF_ERROR(tx.PutPostmortem(sbg));
                    return tx.PutPostmortem(rbx);
                  })
                  .ok());
  std::vector<model::Postmortem> promised;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    PHARE_ASSIGN_OR_RETURN(promised, tx.ListPromisedPostmortems());
                    return base::Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(promised.size(), 2u);
  EXPECT_EQ(promised[0].incident_id, "rbx");
  rbx.published_at = T(3500);
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutPostmortem(rbx); }).ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    PHARE_ASSIGN_OR_RETURN(promised, tx.ListPromisedPostmortems());
                    return base::Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(promised.size(), 1u);
  EXPECT_EQ(promised[0].incident_id, "sbg");
}

TEST_F(PostmortemStoreTest, MissingOnesAreNotFoundAndGoWithTheirIncident) {
  EXPECT_EQ(Get("sbg").status().code(), base::Code::kNotFound);
  model::Postmortem orphan = Strasbourg();
  orphan.incident_id = "nope";
  EXPECT_EQ(store_->Write([&](Tx& tx) { return tx.PutPostmortem(orphan); }).code(),
            base::Code::kNotFound);
  EXPECT_EQ(store_->Write([&](Tx& tx) { return tx.DeletePostmortem("sbg"); }).code(),
            base::Code::kNotFound);
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutPostmortem(Strasbourg()); }).ok());
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.DeleteIncident("sbg"); }).ok());
  EXPECT_EQ(Get("sbg").status().code(), base::Code::kNotFound);
}

TEST_F(PostmortemStoreTest, WritingOneMovesTheChangeCounter) {
  auto before = store_->ChangeCounter();
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutPostmortem(Strasbourg()); }).ok());
  auto after = store_->ChangeCounter();
  ASSERT_TRUE(after.ok());
  EXPECT_GT(*after, *before);
}

}  // namespace
}  // namespace phare::store::sqlite
