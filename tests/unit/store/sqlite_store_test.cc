#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "support/temp_dir.h"

namespace phare::store::sqlite {
namespace {

using base::Time;
using model::ComponentStatus;

Time T(int64_t seconds) { return base::FromMillis(seconds * 1000); }

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = Open(); }
  std::unique_ptr<SqliteStore> Open() {
    auto s = SqliteStore::Open(dir_.File("phare.db"), {});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return std::move(s).value();
  }

  model::Component Component(const std::string& id, const std::string& name) {
    model::Component c;
    c.id = id;
    c.page_id = "page1";
    c.name = name;
    c.created_at = c.updated_at = T(100);
    return c;
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteStoreTest, ComponentsRoundTrip) {
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    PHARE_RETURN_IF_ERROR(tx.InsertComponent(Component("g", "Strasbourg")));
                    auto child = Component("c", "Dedicated servers");
                    child.group_id = "g";
                    child.description = "Bare metal";
                    child.status = ComponentStatus::kMajorOutage;
                    child.position = 2;
                    return tx.InsertComponent(child);
                  })
                  .ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    auto c = tx.GetComponent("c");
                    EXPECT_TRUE(c.ok());
                    EXPECT_EQ(c->group_id, "g");
                    EXPECT_EQ(c->description, "Bare metal");
                    EXPECT_EQ(c->status, ComponentStatus::kMajorOutage);
                    EXPECT_EQ(c->created_at, T(100));
                    EXPECT_EQ(tx.ListComponents()->size(), 2u);
                    EXPECT_EQ(tx.GetComponent("nope").status().code(), base::Code::kNotFound);
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(SqliteStoreTest, FailedTransactionLeavesNothing) {
  auto status = store_->Write([&](Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.InsertComponent(Component("a", "A")));
    return base::InvalidArgument("validation failed late");
  });
  EXPECT_EQ(status.code(), base::Code::kInvalidArgument);
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    EXPECT_TRUE(tx.ListComponents()->empty());
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(SqliteStoreTest, DuplicateIdIsAlreadyExists) {
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.InsertComponent(Component("a", "A")); }).ok());
  auto status = store_->Write([&](Tx& tx) { return tx.InsertComponent(Component("a", "B")); });
  EXPECT_EQ(status.code(), base::Code::kAlreadyExists);
}

TEST_F(SqliteStoreTest, IncidentWithUpdatesRoundTripsAndSurvivesReopen) {
  model::Incident i;
  i.id = "inc1";
  i.page_id = "page1";
  i.name = "Strasbourg power outage";
  i.status = model::IncidentStatus::kIdentified;
  i.impact = model::Impact::kCritical;
  i.created_at = i.updated_at = i.started_at = T(1000);
  i.identified_at = T(1100);
  i.component_ids = {"c"};
  i.cause = "power";
  i.estimates.push_back({"", T(2000), T(3000), T(5000), "operator", "announced", T(4000), true});

  model::IncidentUpdate first;
  first.id = "u1";
  first.incident_id = "inc1";
  first.status = model::IncidentStatus::kInvestigating;
  first.body = "Investigating";
  first.created_at = first.updated_at = first.display_at = T(1000);
  first.affected_components = std::vector<model::AffectedComponent>{
      {"c", "Dedicated servers", ComponentStatus::kOperational, ComponentStatus::kMajorOutage}};
  first.bodies.push_back({model::Audience::kGeneral, "fr", "Nous sommes désolés"});
  model::IncidentUpdate second = first;
  second.id = "u2";
  second.status = model::IncidentStatus::kIdentified;
  second.body = "Identified";
  second.display_at = T(1100);
  second.affected_components.reset();
  second.bodies.clear();
  second.next_update_at = T(1900);
  second.estimate = i.estimates.front();

  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    PHARE_RETURN_IF_ERROR(tx.InsertComponent(Component("c", "Dedicated servers")));
                    PHARE_RETURN_IF_ERROR(tx.PutIncident(i));
                    PHARE_RETURN_IF_ERROR(tx.InsertUpdate(first));
                    return tx.InsertUpdate(second);
                  })
                  .ok());

  // Updating the incident must keep its updates.
  i.status = model::IncidentStatus::kMonitoring;
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutIncident(i); }).ok());

  store_.reset();
  store_ = Open();
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    auto got = tx.GetIncident("inc1");
                    EXPECT_TRUE(got.ok()) << got.status().ToString();
                    if (!got.ok()) return base::Status::Ok();
                    EXPECT_EQ(got->status, model::IncidentStatus::kMonitoring);
                    EXPECT_EQ(got->identified_at, T(1100));
                    EXPECT_EQ(got->component_ids, std::vector<std::string>{"c"});
                    EXPECT_EQ(got->estimates.size(), 1u);
                    EXPECT_EQ(got->estimates.at(0).expected_by, T(4000));
                    EXPECT_EQ(got->estimates.at(0).source, "operator");
                    EXPECT_TRUE(got->estimates.at(0).late);
                    EXPECT_EQ(got->updates.size(), 2u);
                    EXPECT_EQ(got->updates[0].id, "u2");  // newest first
                    EXPECT_FALSE(got->updates[0].affected_components.has_value());
                    EXPECT_EQ(got->updates[0].next_update_at, T(1900));
                    EXPECT_EQ(got->updates[0].estimate->p90, T(5000));
                    EXPECT_EQ(got->updates[0].estimate->expected_by, T(4000));
                    EXPECT_EQ(got->updates[1].affected_components->size(), 1u);
                    EXPECT_EQ(got->updates[1].affected_components->at(0).new_status,
                              ComponentStatus::kMajorOutage);
                    EXPECT_EQ(got->updates[1].bodies.at(0).body, "Nous sommes désolés");
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(SqliteStoreTest, ProgressAndOperatorEstimatesRoundTripOldestFirst) {
  model::Incident i;
  i.id = "inc";
  i.page_id = "p";
  i.name = "x";
  ASSERT_TRUE(
      store_
          ->Write([&](Tx& tx) {
            PHARE_RETURN_IF_ERROR(tx.PutIncident(i));
            PHARE_RETURN_IF_ERROR(tx.AddProgress("inc", {"SBG1", T(20), 30, 100}));
            PHARE_RETURN_IF_ERROR(tx.AddProgress("inc", {"", T(10), 0, 100}));
            PHARE_RETURN_IF_ERROR(tx.AddOperatorEstimate("inc", {"", T(15), T(100), T(200)}));
            return tx.AddOperatorEstimate("inc", {"", T(16), std::nullopt, T(300)});
          })
          .ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    auto samples = tx.ListProgress("inc");
                    EXPECT_EQ(samples->size(), 2u);
                    EXPECT_EQ(samples->at(0).at, T(10));
                    EXPECT_EQ(samples->at(1).scope, "SBG1");
                    EXPECT_EQ(samples->at(1).restored, 30);
                    auto stated = tx.ListOperatorEstimates("inc");
                    EXPECT_EQ(stated->size(), 2u);
                    EXPECT_EQ(stated->at(0).from, T(100));
                    EXPECT_FALSE(stated->at(1).from.has_value());
                    EXPECT_EQ(stated->at(1).to, T(300));
                    return base::Status::Ok();
                  })
                  .ok());
  // Deleting the incident deletes its samples.
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.DeleteIncident("inc"); }).ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    EXPECT_TRUE(tx.ListProgress("inc")->empty());
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(SqliteStoreTest, ListIncidentsFiltersAndPages) {
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    for (int k = 0; k < 5; ++k) {
                      model::Incident i;
                      i.id = "i" + std::to_string(k);
                      i.page_id = "p";
                      i.name = k == 3 ? "Network trouble" : "Power";
                      i.status = k < 2 ? model::IncidentStatus::kResolved
                                       : model::IncidentStatus::kInvestigating;
                      i.started_at = i.created_at = i.updated_at = T(k * 10);
                      PHARE_RETURN_IF_ERROR(tx.PutIncident(i));
                    }
                    return base::Status::Ok();
                  })
                  .ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    IncidentQuery q;
                    auto all = tx.ListIncidents(q);
                    EXPECT_EQ(all->size(), 5u);
                    EXPECT_EQ(all->front().id, "i4");  // newest first
                    q.open_only = true;
                    EXPECT_EQ(tx.ListIncidents(q)->size(), 3u);
                    q.text = "NETWORK";
                    EXPECT_EQ(tx.ListIncidents(q)->size(), 1u);
                    IncidentQuery paged;
                    paged.limit = 2;
                    paged.offset = 2;
                    auto page = tx.ListIncidents(paged);
                    EXPECT_EQ(page->size(), 2u);
                    EXPECT_EQ(page->front().id, "i2");
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(SqliteStoreTest, DueMaintenanceFollowsTheWindow) {
  model::Incident m;
  m.id = "m";
  m.page_id = "p";
  m.kind = model::IncidentKind::kMaintenance;
  m.status = model::IncidentStatus::kScheduled;
  m.scheduled_for = T(100);
  m.scheduled_until = T(200);
  m.scheduled_auto_in_progress = true;
  m.scheduled_auto_completed = true;
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutIncident(m); }).ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    EXPECT_TRUE(tx.DueMaintenance(T(99))->empty());
                    EXPECT_EQ(tx.DueMaintenance(T(100))->size(), 1u);
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(SqliteStoreTest, TokensAreFoundByHashOnly) {
  model::ApiToken t{"t1", "ops", std::string("\x01\x02\x00\x03", 4), {model::Scope::kWrite}, T(1)};
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.InsertToken(t); }).ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    auto found = tx.FindTokenByHash(std::string("\x01\x02\x00\x03", 4));
                    EXPECT_TRUE(found.ok());
                    EXPECT_EQ(found->name, "ops");
                    EXPECT_EQ(found->scopes, std::vector<model::Scope>{model::Scope::kWrite});
                    EXPECT_EQ(tx.FindTokenByHash("\x01\x02").status().code(),
                              base::Code::kNotFound);
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(SqliteStoreTest, AuditIsNewestFirst) {
  ASSERT_TRUE(
      store_
          ->Write([&](Tx& tx) {
            PHARE_RETURN_IF_ERROR(
                tx.AppendAudit({0, T(1), "cli:root", "component.create", "component", "a", "{}"}));
            return tx.AppendAudit({0, T(2), "token:ops", "incident.create", "incident", "b", "{}"});
          })
          .ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    auto entries = tx.ListAudit(10, 0);
                    EXPECT_EQ(entries->size(), 2u);
                    EXPECT_EQ(entries->front().action, "incident.create");
                    EXPECT_EQ(tx.ListAudit(10, entries->front().id)->size(), 1u);
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(SqliteStoreTest, ChangeCounterSeesCommitsFromOtherConnections) {
  auto before = store_->ChangeCounter();
  ASSERT_TRUE(before.ok());
  auto other = Open();
  ASSERT_TRUE(other->Write([&](Tx& tx) { return tx.InsertComponent(Component("x", "X")); }).ok());
  auto after = store_->ChangeCounter();
  ASSERT_TRUE(after.ok());
  EXPECT_NE(*before, *after);
}

TEST_F(SqliteStoreTest, ChangeCounterIgnoresTokensAndTheAuditLog) {
  auto before = store_->ChangeCounter();
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    PHARE_RETURN_IF_ERROR(tx.AppendAudit({0, T(1), "x", "y", "z", "w", "{}"}));
                    return tx.InsertToken({"t", "n", "hash", {model::Scope::kRead}, T(1)});
                  })
                  .ok());
  EXPECT_EQ(*store_->ChangeCounter(), *before);
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.InsertComponent(Component("c", "C")); }).ok());
  EXPECT_NE(*store_->ChangeCounter(), *before);
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromANewerPhare) {
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir_.File("phare.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version=999", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto s = SqliteStore::Open(dir_.File("phare.db"), {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), base::Code::kFailedPrecondition);
}

TEST(SqliteStoreOpen, UnwritableLocationIsAnIoError) {
  auto s = SqliteStore::Open("/nonexistent-dir/phare.db", {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), base::Code::kIoError);
}

}  // namespace
}  // namespace phare::store::sqlite
