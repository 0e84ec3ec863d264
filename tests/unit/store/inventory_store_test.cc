// The store's inventory tables: inventories and the current pointer, node reports,
// impact counts, component nodes and customer links.
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace phare::store::sqlite {
namespace {

using base::Time;
using model::NodeCondition;

Time T(int64_t seconds) { return base::FromMillis(seconds * 1000); }

class InventoryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = SqliteStore::Open(dir_.File("phare.db"), {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }

  // An incident row, open or closed.
  void PutIncident(const std::string& id, bool closed) {
    model::Incident i;
    i.id = id;
    i.page_id = "page1";
    i.name = id;
    i.status = closed ? model::IncidentStatus::kResolved : model::IncidentStatus::kInvestigating;
    ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutIncident(i); }).ok());
  }

  model::NodeReport Report(const std::string& incident, const std::string& node, NodeCondition c,
                           int64_t at) {
    model::NodeReport r;
    r.incident_id = incident;
    r.node_id = node;
    r.condition = r.worst = c;
    r.reported_at = T(at);
    return r;
  }

  std::vector<model::NodeReport> Reports(const std::string& incident) {
    std::vector<model::NodeReport> out;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) {
                      PHARE_ASSIGN_OR_RETURN(out, tx.ListNodeReports(incident));
                      return base::Status::Ok();
                    })
                    .ok());
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(InventoryStoreTest, SchemaHasTheInventoryMigration) {
  EXPECT_GE(store_->SchemaVersion(), 3);
}

TEST_F(InventoryStoreTest, AddingAnInventoryMakesItCurrentAndKeepsTheLastFew) {
  EXPECT_EQ(store_->Read([](Tx& tx) { return tx.CurrentInventory().status(); }).code(),
            base::Code::kNotFound);
  std::vector<int64_t> ids;
  for (int n = 1; n <= kKeptInventories + 2; ++n) {
    model::InventoryInfo info;
    info.created_at = T(n);
    info.actor = "cli:ops";
    info.sha256 = std::string(64, static_cast<char>('a' + n));
    info.nodes = 10 * n;
    info.resources = n;
    info.customers = 1;
    ASSERT_TRUE(store_
                    ->Write([&](Tx& tx) {
                      PHARE_ASSIGN_OR_RETURN(int64_t id,
                                             tx.AddInventory(info, "blob-" + std::to_string(n)));
                      ids.push_back(id);
                      return base::Status::Ok();
                    })
                    .ok());
  }
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    PHARE_ASSIGN_OR_RETURN(auto current, tx.CurrentInventory());
                    EXPECT_EQ(current.id, ids.back());
                    EXPECT_EQ(current.nodes, 10 * (kKeptInventories + 2));
                    EXPECT_EQ(current.bytes, 6);
                    EXPECT_EQ(current.actor, "cli:ops");
                    PHARE_ASSIGN_OR_RETURN(auto body, tx.InventoryBody(current.id));
                    EXPECT_EQ(body, "blob-" + std::to_string(kKeptInventories + 2));
                    EXPECT_EQ(tx.InventoryBody(ids.front()).status().code(), base::Code::kNotFound);
                    EXPECT_TRUE(tx.InventoryBody(ids[ids.size() - kKeptInventories]).ok());
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(InventoryStoreTest, ReportsKeepTheLatestConditionAndTheWorstEver) {
  PutIncident("inc1", false);
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    return tx.PutNodeReports(
                        {Report("inc1", "rack-1", NodeCondition::kDown, 10),
                         Report("inc1", "feed-2", NodeCondition::kDegraded, 11)});
                  })
                  .ok());
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    return tx.PutNodeReports(
                        {Report("inc1", "rack-1", NodeCondition::kRestored, 20),
                         Report("inc1", "feed-2", NodeCondition::kDown, 21),
                         Report("inc1", "ups-3", NodeCondition::kRestored, 22)});
                  })
                  .ok());
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    return tx.PutNodeReports(
                        {Report("inc1", "feed-2", NodeCondition::kDegraded, 30)});
                  })
                  .ok());
  auto reports = Reports("inc1");
  ASSERT_EQ(reports.size(), 3u);  // by node id
  EXPECT_EQ(reports[0].node_id, "feed-2");
  EXPECT_EQ(reports[0].condition, NodeCondition::kDegraded);
  EXPECT_EQ(reports[0].worst, NodeCondition::kDown);
  EXPECT_EQ(reports[0].reported_at, T(30));
  EXPECT_EQ(reports[1].node_id, "rack-1");
  EXPECT_EQ(reports[1].condition, NodeCondition::kRestored);
  EXPECT_EQ(reports[1].worst, NodeCondition::kDown);
  EXPECT_EQ(reports[2].node_id, "ups-3");
  EXPECT_EQ(reports[2].worst, NodeCondition::kRestored);
}

TEST_F(InventoryStoreTest, OpenReportsLeaveClosedIncidentsOutAndGoWithTheirIncident) {
  PutIncident("open1", false);
  PutIncident("done1", true);
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    return tx.PutNodeReports({Report("open1", "a", NodeCondition::kDown, 1),
                                              Report("done1", "b", NodeCondition::kDown, 1)});
                  })
                  .ok());
  std::vector<model::NodeReport> open;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    PHARE_ASSIGN_OR_RETURN(open, tx.ListOpenNodeReports());
                    return base::Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].incident_id, "open1");
  ASSERT_TRUE(store_->Write([](Tx& tx) { return tx.DeleteIncident("open1"); }).ok());
  EXPECT_TRUE(Reports("open1").empty());
  EXPECT_EQ(Reports("done1").size(), 1u);
}

TEST_F(InventoryStoreTest, ImpactCountsReplaceAndLoadWithTheIncident) {
  PutIncident("inc1", false);
  model::ImpactCount total{"total", "", 100, 40, 5, 30, 75, 20, 3, 9, 25, 80, 5};
  model::ImpactCount vps{"product", "vps", 60, 30, 0, 0, 30, 12, 0, 0, 12, 35, 5};
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutImpactCounts("inc1", {vps, total}); }).ok());
  ASSERT_TRUE(store_->Write([&](Tx& tx) { return tx.PutImpactCounts("inc1", {total, vps}); }).ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    PHARE_ASSIGN_OR_RETURN(auto i, tx.GetIncident("inc1"));
                    EXPECT_EQ(i.impact_counts.size(), 2u);
                    if (i.impact_counts.size() != 2) return base::Status::Ok();
                    const auto& t = i.impact_counts[0];
                    EXPECT_EQ(t.dimension, "total");
                    EXPECT_EQ(t.resources, 100);
                    EXPECT_EQ(t.down, 40);
                    EXPECT_EQ(t.affected, 75);
                    EXPECT_EQ(t.customers_affected, 25);
                    EXPECT_EQ(t.hit, 80);
                    EXPECT_EQ(t.restored, 5);
                    EXPECT_EQ(i.impact_counts[1].key, "vps");
                    IncidentQuery q;
                    PHARE_ASSIGN_OR_RETURN(auto all, tx.ListIncidents(q));
                    EXPECT_EQ(all.at(0).impact_counts.size(), 2u);
                    return base::Status::Ok();
                  })
                  .ok());
}

TEST_F(InventoryStoreTest, ComponentNodesFollowTheirComponent) {
  model::Component c;
  c.id = "comp1";
  c.page_id = "page1";
  c.name = "Public Cloud — Strasbourg";
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    PHARE_RETURN_IF_ERROR(tx.InsertComponent(c));
                    PHARE_RETURN_IF_ERROR(tx.PutComponentNode("component-pci-sbg", "comp1"));
                    PHARE_RETURN_IF_ERROR(tx.PutComponentNode("component-pcc-sbg", "comp1"));
                    return tx.PutComponentNode("component-pcc-sbg", "");
                  })
                  .ok());
  auto list = [&] {
    std::vector<std::pair<std::string, std::string>> out;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) {
                      PHARE_ASSIGN_OR_RETURN(out, tx.ListComponentNodes());
                      return base::Status::Ok();
                    })
                    .ok());
    return out;
  };
  EXPECT_EQ(list(),
            (std::vector<std::pair<std::string, std::string>>{{"component-pci-sbg", "comp1"}}));
  ASSERT_TRUE(store_->Write([](Tx& tx) { return tx.DeleteComponent("comp1"); }).ok());
  EXPECT_TRUE(list().empty());
}

TEST_F(InventoryStoreTest, CustomerLinksAreFoundByHashAndRevoked) {
  auto link = [](const std::string& id, const std::string& customer) {
    model::CustomerLink l;
    l.id = id;
    l.customer_id = customer;
    l.hash = std::string(32, id[0]);
    l.created_at = T(5);
    return l;
  };
  ASSERT_TRUE(store_
                  ->Write([&](Tx& tx) {
                    PHARE_RETURN_IF_ERROR(tx.InsertCustomerLink(link("a1", "cust-1")));
                    PHARE_RETURN_IF_ERROR(tx.InsertCustomerLink(link("b2", "cust-1")));
                    return tx.InsertCustomerLink(link("c3", "cust-2"));
                  })
                  .ok());
  EXPECT_EQ(
      store_->Write([&](Tx& tx) { return tx.InsertCustomerLink(link("a9", "cust-3")); }).code(),
      base::Code::kAlreadyExists);  // the hash is unique
  ASSERT_TRUE(
      store_
          ->Write([&](Tx& tx) {
            PHARE_ASSIGN_OR_RETURN(auto found, tx.FindCustomerLinkByHash(std::string(32, 'b')));
            EXPECT_EQ(found.id, "b2");
            EXPECT_EQ(found.customer_id, "cust-1");
            EXPECT_FALSE(found.revoked_at);
            EXPECT_EQ(tx.FindCustomerLinkByHash(std::string(32, 'z')).status().code(),
                      base::Code::kNotFound);
            PHARE_ASSIGN_OR_RETURN(int64_t one, tx.RevokeCustomerLinks("cust-1", "b2", T(9)));
            EXPECT_EQ(one, 1);
            PHARE_ASSIGN_OR_RETURN(int64_t rest, tx.RevokeCustomerLinks("cust-1", "", T(10)));
            EXPECT_EQ(rest, 1);  // b2 was already revoked
            PHARE_ASSIGN_OR_RETURN(int64_t none, tx.RevokeCustomerLinks("cust-1", "c3", T(11)));
            EXPECT_EQ(none, 0);  // another customer's link
            PHARE_ASSIGN_OR_RETURN(auto links, tx.ListCustomerLinks("cust-1"));
            EXPECT_EQ(links.size(), 2u);
            for (const auto& l : links) EXPECT_TRUE(l.revoked_at.has_value());
            PHARE_ASSIGN_OR_RETURN(auto other, tx.FindCustomerLinkByHash(std::string(32, 'c')));
            EXPECT_FALSE(other.revoked_at);
            return base::Status::Ok();
          })
          .ok());
}

}  // namespace
}  // namespace phare::store::sqlite
