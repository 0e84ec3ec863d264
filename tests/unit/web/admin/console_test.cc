// The console's guard, through its real routes and services over a SQLite file: sign-in
// redirects, role checks, CSRF refusal, the private-page headers, escaping.
#include "web/admin/console.h"

#include <gtest/gtest.h>

#include <map>

#include "http/rate_limiter.h"
#include "service/audit.h"
#include "service/users.h"
#include "unit/service/service_fixture.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

class Headers final : public http::HeaderView {
 public:
  std::map<std::string, std::string> values;
  std::string_view Get(std::string_view name) const override {
    auto it = values.find(std::string(name));
    return it == values.end() ? std::string_view() : std::string_view(it->second);
  }
};

class ConsoleTest : public service::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    users_ = std::make_unique<service::UserService>(*ctx_, std::chrono::hours(1));
    sessions_ = std::make_unique<service::SessionService>(
        *ctx_, service::SessionPolicy::From(base::ConsoleConfig{}));
    subscribers_ = std::make_unique<service::SubscriberService>(*ctx_, service::SubscriberPolicy{});
    deps_ = std::make_unique<ConsoleDeps>(
        ConsoleDeps{*ctx_, *users_, *sessions_, *incidents_, *components_, *subscribers_,
                    per_account_, per_address_, false, "en", "Europe/Paris", "http://status.test"});
    RegisterConsoleRoutes(router_, *deps_);
  }

  // Signs `email` in with `role`; returns the session cookie and CSRF token.
  std::pair<std::string, std::string> SignIn(const std::string& email, model::Role role) {
    auto made = users_->Create(actor_, email, role);
    EXPECT_TRUE(made.ok());
    EXPECT_TRUE(users_->SetPassword(made->token, "a password long enough").ok());
    auto s = sessions_->SignIn(email, "a password long enough", "127.0.0.1");
    EXPECT_TRUE(s.ok());
    return {s->cookie, s->signed_in.session.csrf};
  }

  http::Response Call(http::Method method, const std::string& path, const std::string& cookie,
                      const std::string& body = {}) {
    auto match = router_.Find(method, path);
    EXPECT_NE(match.route, nullptr) << path;
    Headers headers;
    if (!cookie.empty()) headers.values["Cookie"] = std::string(kCookie) + "=" + cookie;
    http::Request req;
    req.method = method;
    req.target = path;
    req.path = path;
    req.body = body;
    req.remote_address = "127.0.0.1";
    req.headers = &headers;
    req.params = match.params;
    return match.route->handler(req);
  }

  static std::string HeaderOf(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }

  static constexpr std::string_view kCookie = "phare_console";
  http::RateLimiter per_account_{clock_, 5, std::chrono::minutes(6)};
  http::RateLimiter per_address_{clock_, 20, std::chrono::minutes(1)};
  std::unique_ptr<service::UserService> users_;
  std::unique_ptr<service::SessionService> sessions_;
  std::unique_ptr<service::SubscriberService> subscribers_;
  std::unique_ptr<ConsoleDeps> deps_;
  http::Router router_;
};

TEST_F(ConsoleTest, WithoutASessionPagesRedirectToSignIn) {
  auto r = Call(http::Method::kGet, "/admin/users", "");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(HeaderOf(r, "Location"), "/admin/login?next=%2Fadmin%2Fusers");
  auto expired = Call(http::Method::kGet, "/admin", "stale-cookie-value");
  EXPECT_EQ(expired.status, 303);
  EXPECT_EQ(HeaderOf(expired, "Location"), "/admin/login?expired=1");
}

TEST_F(ConsoleTest, RolesAreCheckedOnTheServer) {
  auto [communicator, csrf] = SignIn("c@example.com", model::Role::kCommunicator);
  EXPECT_EQ(Call(http::Method::kGet, "/admin", communicator).status, 200);
  auto users = Call(http::Method::kGet, "/admin/users", communicator);
  EXPECT_EQ(users.status, 403);
  EXPECT_NE(users.body.find("communicator"), std::string::npos);
  EXPECT_EQ(Call(http::Method::kPost, "/admin/users", communicator,
                 "csrf=" + csrf + "&email=x%40example.com&role=admin")
                .status,
            403);
  EXPECT_FALSE(users_->List()->size() > 1);  // nobody was created
  auto [admin, admin_csrf] = SignIn("a@example.com", model::Role::kAdmin);
  EXPECT_EQ(Call(http::Method::kGet, "/admin/users", admin).status, 200);
}

TEST_F(ConsoleTest, FormsWithoutTheSessionsCsrfTokenAreRefused) {
  auto [admin, csrf] = SignIn("a@example.com", model::Role::kAdmin);
  const std::string form = "email=x%40example.com&role=viewer";
  EXPECT_EQ(Call(http::Method::kPost, "/admin/users", admin, form).status, 403);
  EXPECT_EQ(Call(http::Method::kPost, "/admin/users", admin, form + "&csrf=wrong").status, 403);
  auto [other, other_csrf] = SignIn("b@example.com", model::Role::kAdmin);
  EXPECT_EQ(Call(http::Method::kPost, "/admin/users", admin, form + "&csrf=" + other_csrf).status,
            403);
  auto made = Call(http::Method::kPost, "/admin/users", admin, form + "&csrf=" + csrf);
  EXPECT_EQ(made.status, 200);
  EXPECT_NE(made.body.find("http://status.test/admin/password/"), std::string::npos);
  auto audit = service::ListAudit(*store_, 1, 0);
  EXPECT_EQ(audit->front().actor, "user:a@example.com");
  EXPECT_EQ(audit->front().action, "user.create");
}

TEST_F(ConsoleTest, AnAdminCannotDisableTheirOwnAccount) {
  auto [admin, csrf] = SignIn("a@example.com", model::Role::kAdmin);
  auto r = Call(http::Method::kPost, "/admin/users/disable", admin,
                "csrf=" + csrf + "&email=A%40Example.com");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(Call(http::Method::kGet, "/admin/users", admin).status, 200);  // still signed in
}

TEST_F(ConsoleTest, AThrottledAddressDoesNotSpendAnAccountsSignInBudget) {
  SignIn("victim@example.com", model::Role::kAdmin);
  const auto attempt = [&](const std::string& email) {
    auto page = Call(http::Method::kGet, "/admin/login", "");
    const std::string set = HeaderOf(page, "Set-Cookie");  // the pre-sign-in form cookie
    const std::string token = set.substr(set.find('=') + 1, set.find(';') - set.find('=') - 1);
    Headers headers;
    headers.values["Cookie"] = set.substr(0, set.find(';'));
    http::Request req;
    req.method = http::Method::kPost;
    req.target = req.path = "/admin/login";
    const std::string body = "csrf=" + token + "&email=" + email + "&password=wrong";
    req.body = body;
    req.remote_address = "192.0.2.7";
    req.headers = &headers;
    return router_.Find(req.method, req.path).route->handler(req).status;
  };
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(attempt("nobody" + std::to_string(i) + "%40example.com"), 401) << i;
  }
  for (int i = 0; i < 10; ++i) EXPECT_EQ(attempt("victim%40example.com"), 429) << i;
  // The attacker's address is throttled; the victim's own account budget is untouched.
  EXPECT_EQ(per_account_.Take("victim@example.com"), base::Duration::zero());
}

TEST_F(ConsoleTest, PagesArePrivateAndStrict) {
  auto [viewer, csrf] = SignIn("v@example.com", model::Role::kViewer);
  for (const auto& r :
       {Call(http::Method::kGet, "/admin", viewer), Call(http::Method::kGet, "/admin/login", ""),
        Call(http::Method::kGet, "/admin/users", viewer)}) {
    EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-store, private");
    EXPECT_EQ(HeaderOf(r, "Content-Security-Policy"), kContentSecurityPolicy);
    EXPECT_EQ(HeaderOf(r, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.body.find("<script>"), std::string::npos);
    EXPECT_EQ(r.body.find("style="), std::string::npos);
  }
}

TEST_F(ConsoleTest, NamesAreEscaped) {
  service::IncidentInput in;
  in.name = "<script>alert(1)</script>";
  in.status = model::IncidentStatus::kInvestigating;
  in.body = "We are looking into it.";
  ASSERT_TRUE(incidents_->Create(actor_, in).ok());
  auto [viewer, csrf] = SignIn("v@example.com", model::Role::kViewer);
  auto r = Call(http::Method::kGet, "/admin", viewer);
  EXPECT_EQ(r.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST(ConsolePageTest, CookiesAndReturnPaths) {
  EXPECT_EQ(CookieHeader("phare_console", "abc", true),
            "phare_console=abc; Path=/admin; HttpOnly; SameSite=Strict; Secure");
  EXPECT_EQ(CookieHeader("phare_console", "", false),
            "phare_console=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0");
  EXPECT_TRUE(SafeNext("/admin/users"));
  EXPECT_FALSE(SafeNext("//evil.example/admin"));
  EXPECT_FALSE(SafeNext("/admin//evil"));
  EXPECT_FALSE(SafeNext("https://evil.example/admin"));
  EXPECT_FALSE(SafeNext("/administrator"));
}

}  // namespace
}  // namespace phare::web::admin
