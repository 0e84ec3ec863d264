#include "service/my_services.h"

#include "inventory_fixture.h"

namespace phare::service {
namespace {

using model::NodeCondition;
using std::chrono::minutes;

class MyServicesTest : public InventoryTest {
 protected:
  std::string LinkFor(const std::string& customer) {
    auto link = CreateCustomerLink(*ctx_, *inventory_, actor_, customer);
    EXPECT_TRUE(link.ok()) << link.status().ToString();
    return link.ok() ? link->token : "";
  }

  std::vector<std::string> AllIds(const MyServices& view) {
    std::vector<std::string> ids;
    for (const auto& r : view.resources) ids.push_back(r.id);
    for (const auto& i : view.incidents) {
      for (const auto& r : i.resources) ids.push_back(r.id);
    }
    return ids;
  }
};

TEST_F(MyServicesTest, ShowsOnlyTheCustomersOwnResourcesAndTheIncidentsHittingThem) {
  SetUpSmall();
  auto rack = Declare({Node("rack-1")});  // ded-1 (cust-a), ded-2 (cust-b)
  ASSERT_TRUE(rack.ok());
  const std::string a = LinkFor("cust-a");
  const std::string c = LinkFor("cust-c");

  auto mine = MyServicesByToken(*ctx_, *inventory_, a);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  EXPECT_EQ(mine->customer_id, "cust-a");
  EXPECT_EQ(mine->resources_total, 2u);
  ASSERT_EQ(mine->incidents.size(), 1u);
  EXPECT_EQ(mine->incidents[0].id, rack->id);
  ASSERT_EQ(mine->incidents[0].resources.size(), 1u);
  EXPECT_EQ(mine->incidents[0].resources[0].id, "ded-1");
  EXPECT_EQ(mine->incidents[0].resources[0].state, "down");
  for (const auto& id : AllIds(*mine)) {
    EXPECT_TRUE(id == "ded-1" || id == "vps-1") << id << " is not cust-a's";
  }

  auto theirs = MyServicesByToken(*ctx_, *inventory_, c);
  ASSERT_TRUE(theirs.ok());
  EXPECT_TRUE(theirs->incidents.empty());  // vps-2 is up
  EXPECT_EQ(AllIds(*theirs), std::vector<std::string>{"vps-2"});
}

TEST_F(MyServicesTest, RestoredResourcesStayListedUntilTheIncidentCloses) {
  SetUpSmall();
  auto i = Declare({Node("srv-1")});
  ASSERT_TRUE(i.ok());
  const std::string a = LinkFor("cust-a");
  clock_.Advance(minutes(20));
  ASSERT_TRUE(Report(i->id, {Node("srv-1", NodeCondition::kRestored)}).ok());
  auto mine = MyServicesByToken(*ctx_, *inventory_, a);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->incidents.size(), 1u);
  EXPECT_EQ(mine->incidents[0].resources[0].state, "up");
  EXPECT_TRUE(mine->incidents[0].resources[0].restored);
  EXPECT_EQ(mine->incidents[0].restored, 1u);
  IncidentInput resolve;
  resolve.status = model::IncidentStatus::kResolved;
  resolve.body = "Fixed.";
  ASSERT_TRUE(incidents_->Update(actor_, i->id, resolve).ok());
  mine = MyServicesByToken(*ctx_, *inventory_, a);
  ASSERT_TRUE(mine.ok());
  EXPECT_TRUE(mine->incidents.empty());
}

TEST_F(MyServicesTest, WrongMalformedAndRevokedLinksAreNotFound) {
  SetUpSmall();
  const std::string a = LinkFor("cust-a");
  const std::string b = LinkFor("cust-b");
  ASSERT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  std::string wrong = a;
  wrong[5] = wrong[5] == 'x' ? 'y' : 'x';
  EXPECT_EQ(MyServicesByToken(*ctx_, *inventory_, wrong).status().code(), base::Code::kNotFound);
  EXPECT_EQ(MyServicesByToken(*ctx_, *inventory_, "short").status().code(), base::Code::kNotFound);
  EXPECT_EQ(MyServicesByToken(*ctx_, *inventory_, "").status().code(), base::Code::kNotFound);

  auto revoked = RevokeCustomerLinks(*ctx_, actor_, "cust-a");
  ASSERT_TRUE(revoked.ok());
  EXPECT_EQ(*revoked, 1);
  EXPECT_EQ(MyServicesByToken(*ctx_, *inventory_, a).status().code(), base::Code::kNotFound);
  EXPECT_TRUE(MyServicesByToken(*ctx_, *inventory_, b).ok());  // another customer's link
  EXPECT_EQ(RevokeCustomerLinks(*ctx_, actor_, "cust-a").status().code(), base::Code::kNotFound);
  auto links = ListCustomerLinks(*store_, "cust-a");
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_TRUE(links->front().revoked_at.has_value());
}

TEST_F(MyServicesTest, LinksNeedAKnownCustomerAndStoreOnlyAHash) {
  EXPECT_EQ(CreateCustomerLink(*ctx_, *inventory_, actor_, "cust-a").status().code(),
            base::Code::kFailedPrecondition);
  SetUpSmall();
  EXPECT_EQ(CreateCustomerLink(*ctx_, *inventory_, actor_, "cust-zz").status().code(),
            base::Code::kNotFound);
  auto link = CreateCustomerLink(*ctx_, *inventory_, actor_, "cust-b");
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link->url, "http://127.0.0.1:8080/my/" + link->token);
  EXPECT_NE(link->link.hash, link->token);
  EXPECT_EQ(link->link.hash.size(), 32u);
}

}  // namespace
}  // namespace phare::service
