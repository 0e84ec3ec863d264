// Downtime recorded from node reports and incidents (service/downtime.h), and the
// month's credits computed from it (service/credits.h), over a real SQLite store.
#include "service/credits.h"

#include "inventory_fixture.h"

namespace phare::service {
namespace {

using model::NodeCondition;
using std::chrono::hours;
using std::chrono::minutes;

class CreditsTest : public InventoryTest {
 protected:
  base::Result<CreditReport> Credits(const std::string& month = "2017-11",
                                     const std::string& customer = "") {
    return ComputeCredits(*store_, plans_, {month, customer}, clock_.Now(),
                          [this] { return inventory_->Snapshot(); });
  }

  void Resolve(const std::string& id) {
    IncidentInput resolve;
    resolve.status = model::IncidentStatus::kResolved;
    resolve.body = "Fixed.";
    auto done = incidents_->Update(actor_, id, resolve);
    ASSERT_TRUE(done.ok()) << done.status().ToString();
  }

  std::vector<model::Downtime> Open() {
    std::vector<model::Downtime> out;
    EXPECT_TRUE(store_
                    ->Read([&](store::Tx& tx) {
                      PHARE_ASSIGN_OR_RETURN(out, tx.ListOpenDowntime());
                      return base::Status::Ok();
                    })
                    .ok());
    return out;
  }

  // The line of `resource` in `report`, or null.
  static const CreditLine* Line(const CreditReport& report, const std::string& resource) {
    for (const auto& c : report.customers) {
      for (const auto& l : c.resources) {
        if (l.resource_id == resource) return &l;
      }
    }
    return nullptr;
  }

  std::vector<model::SlaPlan> plans_ = {model::DefaultSlaPlan()};
};

TEST_F(CreditsTest, AResourceOnARedundantPathThatNeverWentDownGetsNothing) {
  SetUpSmall();
  // The breaker takes both grid feeds, but the generator carries the site.
  auto i = Declare({Node("breaker")});
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  EXPECT_TRUE(Open().empty());
  clock_.Advance(hours(30));
  Resolve(i->id);
  auto report = Credits();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->customers.empty());
  EXPECT_TRUE(report->products.empty());
}

TEST_F(CreditsTest, ARestoredNodeEndsItsResourcesDowntime) {
  SetUpSmall();
  auto i = Declare({Node("rack-1")});
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  ASSERT_EQ(Open().size(), 2u);  // ded-1 and ded-2
  clock_.Advance(hours(2));
  ASSERT_TRUE(Report(i->id, {Node("rack-1", NodeCondition::kRestored)}).ok());
  EXPECT_TRUE(Open().empty());
  clock_.Advance(hours(5));
  auto report = Credits();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->complete);
  ASSERT_EQ(report->customers.size(), 2u);
  EXPECT_EQ(report->customers[0].customer_id, "cust-a");
  const CreditLine* ded1 = Line(*report, "ded-1");
  ASSERT_NE(ded1, nullptr);
  EXPECT_EQ(ded1->credit.downtime, hours(2));
  EXPECT_NEAR(ded1->credit.availability, 100.0 * (1 - 2.0 / (30 * 24)), 1e-9);
  EXPECT_EQ(ded1->credit.tier, 0);
  EXPECT_EQ(ded1->credit.credit, 10);
  EXPECT_EQ(ded1->plan, "default");
  EXPECT_EQ(Line(*report, "vps-1"), nullptr);
  ASSERT_EQ(report->products.size(), 1u);
  EXPECT_EQ(report->products[0].product, "dedicated");
  EXPECT_EQ(report->products[0].credited, 2u);
  EXPECT_EQ(report->products[0].by_credit.at(10), 2u);
}

TEST_F(CreditsTest, ResolvingTheIncidentEndsDowntimeAndStatementsAreTheCustomersOwn) {
  SetUpSmall();
  auto i = Declare({Node("srv-3")});
  ASSERT_TRUE(i.ok());
  clock_.Advance(hours(10));
  Resolve(i->id);
  EXPECT_TRUE(Open().empty());
  clock_.Advance(hours(24 * 30));  // into December: November is over
  auto report = Credits();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->complete);
  const CreditLine* vps2 = Line(*report, "vps-2");
  ASSERT_NE(vps2, nullptr);
  EXPECT_EQ(vps2->credit.downtime, hours(10));
  EXPECT_EQ(vps2->credit.credit, 25);  // 98.6 %: under 99 %
  auto mine = Credits("2017-11", "cust-c");
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->customers.size(), 1u);
  ASSERT_EQ(mine->customers[0].resources.size(), 1u);
  EXPECT_EQ(mine->customers[0].resources[0].resource_id, "vps-2");
  auto nobody = Credits("2017-11", "cust-b");
  ASSERT_TRUE(nobody.ok());
  EXPECT_TRUE(nobody->customers.empty());
  auto december = Credits("2017-12");
  ASSERT_TRUE(december.ok());
  EXPECT_TRUE(december->customers.empty());
}

TEST_F(CreditsTest, OpenDowntimeCountsUpToNow) {
  SetUpSmall();
  ASSERT_TRUE(Declare({Node("srv-1")}).ok());
  clock_.Advance(hours(8));
  auto report = Credits();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(Line(*report, "ded-1")->credit.downtime, hours(8));
  EXPECT_EQ(Line(*report, "ded-1")->credit.credit, 25);
}

TEST_F(CreditsTest, DegradedThenDownIsTwoIntervalsAndOnlyDownCountsByDefault) {
  SetUpSmall();
  auto i = Declare({Node("srv-1", NodeCondition::kDegraded)});
  ASSERT_TRUE(i.ok());
  ASSERT_EQ(Open().size(), 1u);
  EXPECT_EQ(Open()[0].kind, model::DowntimeKind::kDegraded);
  clock_.Advance(hours(3));
  ASSERT_TRUE(Report(i->id, {Node("srv-1")}).ok());
  ASSERT_EQ(Open().size(), 1u);
  EXPECT_EQ(Open()[0].kind, model::DowntimeKind::kDown);
  clock_.Advance(hours(1));
  Resolve(i->id);
  auto report = Credits();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(Line(*report, "ded-1")->credit.downtime, hours(1));
  plans_[0].count_degraded = true;
  EXPECT_EQ(Line(*Credits(), "ded-1")->credit.downtime, hours(4));
}

TEST_F(CreditsTest, MaintenanceOfTheResourcesComponentIsCutOut) {
  SetUpSmall();
  IncidentInput m;
  m.name = "Power work";
  m.scheduled_for = clock_.Now() + hours(1);
  m.scheduled_until = clock_.Now() + hours(3);
  m.component_ids = std::vector<std::string>{vps_};
  ASSERT_TRUE(incidents_->Create(actor_, m).ok());
  auto i = Declare({Node("rack-1"), Node("rack-2")});
  ASSERT_TRUE(i.ok());
  clock_.Advance(hours(5));
  Resolve(i->id);
  auto report = Credits();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->maintenance_windows, 1u);
  EXPECT_EQ(Line(*report, "vps-1")->credit.downtime, hours(3));  // 5 h less the 2 h window
  EXPECT_EQ(Line(*report, "ded-1")->credit.downtime, hours(5));  // not under maintenance
}

TEST_F(CreditsTest, ABadMonthOrCustomerIsRefusedByName) {
  SetUpSmall();
  EXPECT_EQ(Credits("2017-13").status().field(), "month");
  EXPECT_EQ(Credits("november").status().field(), "month");
  auto future = Credits("2018-01");
  EXPECT_EQ(future.status().code(), base::Code::kInvalidArgument);
  EXPECT_EQ(future.status().field(), "month");
  EXPECT_EQ(Credits("2017-11", std::string(200, 'x')).status().field(), "customer");
}

TEST_F(CreditsTest, AReimportEndsDowntimeOfResourcesItRemoves) {
  SetUpSmall();
  ASSERT_TRUE(Declare({Node("srv-3")}).ok());
  ASSERT_EQ(Open().size(), 2u);
  clock_.Advance(hours(1));
  std::string without(kSmallInventory);
  const std::string line =
      R"({"id":"vps-2","kind":"resource","customer":"cust-c","product":"vps","on":"srv-3"})"
      "\n";
  without.erase(without.find(line), line.size());
  auto component = without.find(R"(["vps-1","vps-2"])");
  without.replace(component, 17, R"(["vps-1"])");
  ImportRequest request;
  request.bytes = without;
  request.source_name = "inventory.jsonl";
  auto imported = inventory_->Import(actor_, request, nullptr);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  const auto open = Open();
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].resource_id, "vps-1");
  EXPECT_EQ(Line(*Credits(), "vps-2")->credit.downtime, hours(1));
}

}  // namespace
}  // namespace phare::service
