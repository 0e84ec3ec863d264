// Console users: argon2id passwords, one-time set-password links, disabling.
#include "service/users.h"

#include <gtest/gtest.h>

#include "base/crypto.h"
#include "service/sessions.h"
#include "service_fixture.h"

namespace phare::service {
namespace {

TEST(PasswordTest, HashesWithArgon2idAndVerifies) {
  auto hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery stapler"));
  EXPECT_FALSE(VerifyPassword("", "anything"));
  EXPECT_FALSE(VerifyPassword("not a hash", "anything"));
  // Salted: the same password hashes differently each time.
  EXPECT_NE(*HashPassword("correct horse battery staple"), *hash);
}

TEST(PasswordTest, RefusesShortAndHugePasswords) {
  EXPECT_EQ(CheckNewPassword("short").field(), "password");
  EXPECT_TRUE(CheckNewPassword(std::string(kMinPasswordBytes, 'x')).ok());
  EXPECT_FALSE(CheckNewPassword(std::string(kMaxPasswordBytes + 1, 'x')).ok());
}

TEST(RoleTest, HigherRolesIncludeLowerOnesAndDisabledUsersNone) {
  model::User u;
  u.role = model::Role::kCommunicator;
  EXPECT_TRUE(u.Allows(model::Role::kViewer));
  EXPECT_TRUE(u.Allows(model::Role::kCommunicator));
  EXPECT_FALSE(u.Allows(model::Role::kOperator));
  EXPECT_FALSE(u.Allows(model::Role::kAdmin));
  u.disabled_at = base::FromMillis(1);
  EXPECT_FALSE(u.Allows(model::Role::kViewer));
  EXPECT_EQ(model::ParseRole("operator"), model::Role::kOperator);
  EXPECT_FALSE(model::ParseRole("root"));
}

class UsersTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    users_ = std::make_unique<UserService>(*ctx_, std::chrono::hours(72));
  }
  std::unique_ptr<UserService> users_;
};

TEST_F(UsersTest, CreateStoresOnlyTheLinkHashAndAudits) {
  auto made = users_->Create(actor_, "Jeanne@Example.com", model::Role::kOperator);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made->user.email, "Jeanne@example.com");  // domain normalized
  EXPECT_TRUE(made->user.password_hash.empty());
  EXPECT_EQ(made->expires_at, clock_.Now() + std::chrono::hours(72));
  ASSERT_TRUE(store_
                  ->Read([&](store::Tx& tx) {
                    EXPECT_TRUE(tx.FindPasswordLink(base::Blake2b256(made->token)).ok());
                    EXPECT_FALSE(tx.FindPasswordLink(made->token).ok());  // never the token itself
                    auto audit = tx.ListAudit(10, 0);
                    EXPECT_EQ(audit->front().action, "user.create");
                    return base::Status::Ok();
                  })
                  .ok());
  auto again = users_->Create(actor_, "jeanne@example.com", model::Role::kViewer);
  EXPECT_EQ(again.status().code(), base::Code::kAlreadyExists);
  EXPECT_EQ(users_->Create(actor_, "not an address", model::Role::kViewer).status().code(),
            base::Code::kInvalidArgument);
}

TEST_F(UsersTest, ALinkSetsThePasswordOnceAndExpires) {
  auto made = users_->Create(actor_, "ops@example.com", model::Role::kAdmin);
  ASSERT_TRUE(made.ok());
  EXPECT_TRUE(users_->CheckLink(made->token).ok());
  EXPECT_EQ(users_->SetPassword(made->token, "short").status().field(), "password");
  auto set = users_->SetPassword(made->token, "a long enough password");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_TRUE(VerifyPassword(set->password_hash, "a long enough password"));
  EXPECT_EQ(users_->CheckLink(made->token).status().code(), base::Code::kFailedPrecondition);
  EXPECT_EQ(users_->SetPassword(made->token, "another long password").status().code(),
            base::Code::kFailedPrecondition);
  EXPECT_EQ(users_->CheckLink("unknown").status().code(), base::Code::kNotFound);

  auto reset = users_->ResetLink(actor_, "ops@example.com");
  ASSERT_TRUE(reset.ok());
  clock_.Advance(std::chrono::hours(72));
  EXPECT_EQ(users_->CheckLink(reset->token).status().code(), base::Code::kFailedPrecondition);
}

TEST_F(UsersTest, LanguagePreferenceIsOneOfPharesLanguages) {
  auto made = users_->Create(actor_, "l@example.com", model::Role::kViewer);
  ASSERT_TRUE(made.ok());
  auto set = users_->SetLanguage(actor_, made->user.id, "fr");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(users_->Get(made->user.id)->language, "fr");
  EXPECT_EQ(users_->SetLanguage(actor_, made->user.id, "xx").status().field(), "language");
  EXPECT_TRUE(users_->SetLanguage(actor_, made->user.id, "").ok());
  EXPECT_EQ(users_->SetLanguage(actor_, "nobody", "fr").status().code(), base::Code::kNotFound);
}

TEST_F(UsersTest, DisablingEndsSessions) {
  auto made = users_->Create(actor_, "c@example.com", model::Role::kCommunicator);
  ASSERT_TRUE(made.ok());
  ASSERT_TRUE(users_->SetPassword(made->token, "twelve chars ok").ok());
  SessionService sessions(*ctx_, SessionPolicy::From(base::ConsoleConfig{}));
  auto session = sessions.SignIn("c@example.com", "twelve chars ok", "127.0.0.1");
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  ASSERT_TRUE(sessions.Resolve(session->cookie).ok());
  ASSERT_TRUE(users_->Disable(actor_, "c@example.com").ok());
  EXPECT_EQ(sessions.Resolve(session->cookie).status().code(), base::Code::kUnauthenticated);
  EXPECT_EQ(sessions.SignIn("c@example.com", "twelve chars ok", "127.0.0.1").status().code(),
            base::Code::kUnauthenticated);
}

}  // namespace
}  // namespace phare::service
