#include "service/components.h"

#include "service/public_state.h"
#include "service/tokens.h"
#include "service_fixture.h"

namespace phare::service {
namespace {

class ComponentServiceTest : public ServiceTest {};

TEST_F(ComponentServiceTest, GroupsTakeTheirWorstChildInThePublicState) {
  const std::string a = MakeComponent("Dedicated servers");
  const std::string b = MakeComponent("VPS");
  GroupInput g;
  g.name = "Strasbourg";
  g.components = std::vector<std::string>{a, b};
  auto group = components_->CreateGroup(actor_, g);
  ASSERT_TRUE(group.ok()) << group.status().ToString();
  ComponentInput down;
  down.status = model::ComponentStatus::kPartialOutage;
  ASSERT_TRUE(components_->Update(actor_, b, down).ok());

  auto state = LoadPublicState(*store_, clock_.Now(), 1);
  ASSERT_TRUE(state.ok());
  for (const auto& c : (*state)->components) {
    if (c.id == group->id) EXPECT_EQ(c.status, model::ComponentStatus::kPartialOutage);
    if (c.id == a) EXPECT_EQ(c.group_id, group->id);
  }
}

TEST_F(ComponentServiceTest, DeletingAGroupDetachesItsChildren) {
  const std::string a = MakeComponent("A");
  GroupInput g;
  g.name = "G";
  g.components = std::vector<std::string>{a};
  auto group = components_->CreateGroup(actor_, g);
  ASSERT_TRUE(components_->Delete(actor_, group->id).ok());
  EXPECT_FALSE(components_->Get(a)->group_id.has_value());
}

TEST_F(ComponentServiceTest, RejectsBadInput) {
  ComponentInput nameless;
  EXPECT_EQ(components_->Create(actor_, nameless).status().field(), "component.name");
  ComponentInput bad_group;
  bad_group.name = "x";
  bad_group.group_id = std::optional<std::string>("missing");
  EXPECT_EQ(components_->Create(actor_, bad_group).status().field(), "component.group_id");
  ComponentInput bad_date;
  bad_date.name = "x";
  bad_date.start_date = std::optional<std::string>("2017-02-30");
  EXPECT_EQ(components_->Create(actor_, bad_date).status().field(), "component.start_date");
  EXPECT_TRUE(components_->List()->empty());
}

TEST_F(ComponentServiceTest, TokensAuthenticateUntilRevoked) {
  auto t = CreateToken(*ctx_, actor_, "ops", {model::Scope::kWrite});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->secret.rfind("phare_", 0), 0u);
  auto found = Authenticate(*store_, t->secret);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->name, "ops");
  EXPECT_EQ(Authenticate(*store_, t->secret + "x").status().code(), base::Code::kUnauthenticated);
  EXPECT_EQ(Authenticate(*store_, "").status().code(), base::Code::kUnauthenticated);
  ASSERT_TRUE(RevokeToken(*ctx_, actor_, t->token.id).ok());
  EXPECT_EQ(Authenticate(*store_, t->secret).status().code(), base::Code::kUnauthenticated);
}

}  // namespace
}  // namespace phare::service
