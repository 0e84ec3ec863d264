// Console sessions: sign-in, idle and absolute expiry on the injected clock, CSRF tokens.
#include "service/sessions.h"

#include <gtest/gtest.h>

#include "base/crypto.h"
#include "service/audit.h"
#include "service/users.h"
#include "service_fixture.h"

namespace phare::service {
namespace {

class SessionsTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    UserService users(*ctx_, std::chrono::hours(1));
    auto made = users.Create(actor_, "ops@example.com", model::Role::kOperator);
    ASSERT_TRUE(made.ok());
    ASSERT_TRUE(users.SetPassword(made->token, "the right password").ok());
    base::ConsoleConfig config;
    config.session_idle_minutes = 30;
    config.session_max_hours = 12;
    sessions_ = std::make_unique<SessionService>(*ctx_, SessionPolicy::From(config));
  }

  std::string SignIn() {
    auto s = sessions_->SignIn("ops@example.com", "the right password", "192.0.2.1");
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? s->cookie : "";
  }

  std::unique_ptr<SessionService> sessions_;
};

TEST_F(SessionsTest, WrongPasswordsAndUnknownUsersGetTheSameAnswer) {
  auto wrong = sessions_->SignIn("ops@example.com", "the wrong password", "192.0.2.1");
  auto unknown = sessions_->SignIn("nobody@example.com", "the right password", "192.0.2.1");
  EXPECT_EQ(wrong.status().code(), base::Code::kUnauthenticated);
  EXPECT_EQ(unknown.status().code(), base::Code::kUnauthenticated);
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
  auto audit = ListAudit(*store_, 10, 0);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "session.refused");
  EXPECT_EQ(audit->front().actor, "user:ops@example.com");
}

TEST_F(SessionsTest, TheStoreKeepsOnlyTheCookiesHash) {
  const std::string cookie = SignIn();
  ASSERT_TRUE(store_
                  ->Read([&](store::Tx& tx) {
                    EXPECT_FALSE(tx.FindSession(cookie).ok());
                    EXPECT_TRUE(tx.FindSession(base::Blake2b256(cookie)).ok());
                    return base::Status::Ok();
                  })
                  .ok());
  auto who = sessions_->Resolve(cookie);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.email, "ops@example.com");
  EXPECT_FALSE(sessions_->Resolve(cookie + "x").ok());
  EXPECT_FALSE(sessions_->Resolve("").ok());
}

TEST_F(SessionsTest, IdleSessionsExpireAndUseKeepsThemAlive) {
  const std::string cookie = SignIn();
  for (int i = 0; i < 4; ++i) {  // two hours of use, a request every 29 minutes
    clock_.Advance(std::chrono::minutes(29));
    ASSERT_TRUE(sessions_->Resolve(cookie).ok()) << i;
  }
  clock_.Advance(std::chrono::minutes(30));
  EXPECT_EQ(sessions_->Resolve(cookie).status().code(), base::Code::kUnauthenticated);
  // Gone for good, even if the clock went back.
  clock_.Advance(-std::chrono::minutes(30));
  EXPECT_FALSE(sessions_->Resolve(cookie).ok());
}

TEST_F(SessionsTest, BackgroundPollsDoNotKeepASessionAlive) {
  const std::string cookie = SignIn();
  for (int i = 0; i < 29; ++i) {  // an open tab polling every minute, nobody at the keyboard
    clock_.Advance(std::chrono::minutes(1));
    ASSERT_TRUE(sessions_->Resolve(cookie, /*activity=*/false).ok()) << i;
  }
  clock_.Advance(std::chrono::minutes(1));
  EXPECT_EQ(sessions_->Resolve(cookie, /*activity=*/false).status().code(),
            base::Code::kUnauthenticated);
}

TEST_F(SessionsTest, SessionsEndAfterTheAbsoluteLimitEvenWhenUsed) {
  const std::string cookie = SignIn();
  for (int i = 0; i < 12 * 3 - 1; ++i) {
    clock_.Advance(std::chrono::minutes(20));
    ASSERT_TRUE(sessions_->Resolve(cookie).ok()) << i;
  }
  clock_.Advance(std::chrono::minutes(20));  // 12 hours after sign-in
  EXPECT_FALSE(sessions_->Resolve(cookie).ok());
}

TEST_F(SessionsTest, SignOutEndsTheSession) {
  const std::string cookie = SignIn();
  auto who = sessions_->Resolve(cookie);
  ASSERT_TRUE(who.ok());
  ASSERT_TRUE(sessions_->SignOut(*who).ok());
  EXPECT_FALSE(sessions_->Resolve(cookie).ok());
}

TEST_F(SessionsTest, PurgeRemovesIdleSessions) {
  SignIn();
  clock_.Advance(std::chrono::minutes(10));
  SignIn();
  clock_.Advance(std::chrono::minutes(25));
  auto purged = sessions_->Purge();
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(*purged, 1);
}

TEST_F(SessionsTest, CsrfTokensArePerSessionAndCompared) {
  auto a = sessions_->Resolve(SignIn());
  auto b = sessions_->Resolve(SignIn());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->session.csrf.size(), 43u);
  EXPECT_NE(a->session.csrf, b->session.csrf);
  EXPECT_TRUE(CsrfMatches(a->session, a->session.csrf));
  EXPECT_FALSE(CsrfMatches(a->session, b->session.csrf));
  EXPECT_FALSE(CsrfMatches(a->session, ""));
  EXPECT_FALSE(CsrfMatches(a->session, a->session.csrf.substr(1)));
}

}  // namespace
}  // namespace phare::service
