#include "web/admin/console.h"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {

std::string_view EmbeddedFile(std::string_view name);  // generated from src/web/admin

namespace {

// Largest form body the console accepts (an update's bodies in a few languages).
constexpr size_t kMaxFormBytes = 256 * 1024;
constexpr size_t kMaxSignInBytes = 8 * 1024;  // sign-in and set-password forms

using VisitHandler = std::function<http::Response(http::Request&, const Visit&)>;

http::Response ToLogin(const ConsoleDeps& deps, const http::Request& req, bool had_cookie) {
  std::string location = "/admin/login";
  std::string next = req.method == http::Method::kGet ? std::string(req.path) : "/admin";
  if (SafeNext(next) && next != "/admin") {
    location += "?next=" + boost::urls::encode(next, boost::urls::unreserved_chars);
  }
  if (had_cookie)
    location += (location.find('?') == std::string::npos ? "?" : "&") + std::string("expired=1");
  auto r = SeeOther(location);
  if (had_cookie) r.Header("Set-Cookie", CookieHeader(kSessionCookie, "", deps.tls));
  return r;
}

// Checks session, role and (for POST) the CSRF token, then runs `fn`.
http::Response Guarded(ConsoleDeps& deps, http::Request& req, model::Role min,
                       const VisitHandler& fn) {
  const auto cookie = req.Cookie(kSessionCookie);
  // console.js marks its polls: an unattended open tab must still reach the idle expiry.
  auto who = deps.sessions.Resolve(cookie.value_or(""), req.Header("X-Phare-Poll").empty());
  if (!who.ok()) {
    if (who.status().code() == base::Code::kUnauthenticated) {
      return ToLogin(deps, req, cookie.has_value() && !cookie->empty());
    }
    const Words words = AnonymousWords(deps, req);
    return MessagePage(503, words, nullptr, words("error.failed_title"),
                       words("error.failed", {{"reason", who.status().message()}}));
  }
  const Words words(
      ChooseLanguage(who->user.language, req.Header("Accept-Language"), deps.default_language));
  if (!who->user.Allows(min)) {
    return MessagePage(
        403, words, &*who, words("error.forbidden_title"),
        words("error.forbidden",
              {{"role", words("role." + std::string(model::ToString(who->user.role)))}}));
  }
  Form form;
  if (req.method == http::Method::kPost) {
    auto parsed = Form::Parse(req.body);
    if (!parsed.ok() || !service::CsrfMatches(who->session, parsed->Get("csrf"))) {
      return MessagePage(403, words, &*who, words("error.csrf_title"), words("error.csrf"));
    }
    form = std::move(parsed).value();
  }
  return fn(req, Visit{*who, words, form});
}

http::Response Logout(ConsoleDeps& deps, http::Request& req, const Visit& v) {
  (void)deps.sessions.SignOut(v.who);
  auto r = SeeOther("/admin/login?signed_out=1");
  r.Header("Set-Cookie", CookieHeader(kSessionCookie, "", deps.tls));
  return r;
}

// Sets the user's interface language and goes back to the dashboard.
http::Response Preferences(ConsoleDeps& deps, const Visit& v) {
  auto user =
      deps.users.SetLanguage(service::ActorOf(v.who.user), v.who.user.id, v.form.Get("language"));
  if (!user.ok()) {
    return MessagePage(422, v.words, &v.who, v.words("error.failed_title"),
                       v.words("error.failed", {{"reason", user.status().message()}}));
  }
  return SeeOther("/admin");
}

http::Response Static(http::Request& req) {
  const std::string& name = req.params[0];
  const std::string_view text =
      (name == "console.css" || name == "console.js") ? EmbeddedFile("static/" + name) : "";
  http::Response r;
  if (text.empty()) {
    r.status = 404;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "not found\n";
    return r;
  }
  r.content_type =
      name.ends_with(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
  r.body = std::string(text);
  r.Header("Cache-Control", "private, max-age=300").Header("X-Content-Type-Options", "nosniff");
  return r;
}

// The screens of progress, maintenance, subscribers, tokens and customer links.
template <class Add>
void RegisterScreens(Add& guarded, ConsoleDeps& deps) {
  using M = http::Method;
  using R = model::Role;
  const std::string progress = "/admin/incidents/{}/progress";
  guarded(M::kGet, progress, R::kOperator, [&deps](http::Request& r, const Visit& v) {
    return ProgressPage(deps, r, r.params[0], v);
  });
  guarded(M::kPost, progress, R::kOperator, [&deps](http::Request& r, const Visit& v) {
    return ProgressSubmit(deps, r.params[0], v);
  });
  guarded(M::kPost, "/admin/incidents/{}/nodes", R::kOperator,
          [&deps](http::Request& r, const Visit& v) { return NodesSubmit(deps, r.params[0], v); });
  guarded(M::kGet, "/admin/maintenance", R::kOperator,
          [&deps](http::Request& r, const Visit& v) { return MaintenancePage(deps, r, v); });
  guarded(M::kPost, "/admin/maintenance", R::kOperator,
          [&deps](http::Request&, const Visit& v) { return MaintenanceCreate(deps, v); });
  guarded(M::kGet, "/admin/maintenance/{}", R::kOperator,
          [&deps](http::Request& r, const Visit& v) {
            return MaintenanceEditPage(deps, r.params[0], v);
          });
  guarded(
      M::kPost, "/admin/maintenance/{}", R::kOperator,
      [&deps](http::Request& r, const Visit& v) { return MaintenanceEdit(deps, r.params[0], v); });
  guarded(M::kPost, "/admin/maintenance/{}/cancel", R::kOperator,
          [&deps](http::Request& r, const Visit& v) {
            return MaintenanceCancel(deps, r.params[0], v);
          });
  guarded(M::kGet, "/admin/subscribers", R::kAdmin,
          [&deps](http::Request& r, const Visit& v) { return SubscribersPage(deps, r, v); });
  guarded(M::kPost, "/admin/subscribers/remove", R::kAdmin,
          [&deps](http::Request&, const Visit& v) { return SubscriberRemove(deps, v); });
  guarded(M::kPost, "/admin/deliveries/retry", R::kAdmin,
          [&deps](http::Request&, const Visit& v) { return DeliveryRetry(deps, v); });
  guarded(M::kGet, "/admin/tokens", R::kAdmin,
          [&deps](http::Request&, const Visit& v) { return TokensPage(deps, v); });
  guarded(M::kPost, "/admin/tokens", R::kAdmin,
          [&deps](http::Request&, const Visit& v) { return TokensCreate(deps, v); });
  guarded(M::kPost, "/admin/tokens/revoke", R::kAdmin,
          [&deps](http::Request&, const Visit& v) { return TokensRevoke(deps, v); });
  guarded(M::kGet, "/admin/customers", R::kAdmin,
          [&deps](http::Request& r, const Visit& v) { return CustomersPage(deps, r, v); });
  guarded(M::kPost, "/admin/customers/link", R::kAdmin,
          [&deps](http::Request&, const Visit& v) { return CustomerLinkCreate(deps, v); });
  guarded(M::kPost, "/admin/customers/revoke", R::kAdmin,
          [&deps](http::Request&, const Visit& v) { return CustomerLinkRevoke(deps, v); });
}

}  // namespace

void RegisterConsoleRoutes(http::Router& router, ConsoleDeps& deps) {
  http::RouteOptions blocking;
  blocking.blocking = true;
  blocking.max_body_bytes = kMaxFormBytes;
  auto guarded = [&](http::Method method, const std::string& pattern, model::Role min,
                     VisitHandler fn) {
    http::RouteOptions o = blocking;
    o.name = pattern;
    if (method == http::Method::kPost) {
      // Checked on the request's head: without a session, no form body is read at all.
      o.admit = [&deps](http::Request& req) -> std::optional<http::Response> {
        const auto cookie = req.Cookie(kSessionCookie);
        if (deps.sessions.Resolve(cookie.value_or(""), /*activity=*/false).ok()) {
          return std::nullopt;
        }
        return ToLogin(deps, req, cookie.has_value() && !cookie->empty());
      };
    }
    router.Add(
        method, pattern,
        [&deps, min, fn = std::move(fn)](http::Request& req) {
          return Guarded(deps, req, min, fn);
        },
        o);
  };
  using M = http::Method;
  using R = model::Role;
  http::RouteOptions sign_in = blocking;
  sign_in.max_body_bytes = kMaxSignInBytes;
  router.Add(
      M::kGet, "/admin/login", [&deps](http::Request& r) { return LoginPage(deps, r); }, blocking);
  router.Add(
      M::kPost, "/admin/login", [&deps](http::Request& r) { return LoginSubmit(deps, r); },
      sign_in);
  router.Add(
      M::kGet, "/admin/password/{}",
      [&deps](http::Request& r) { return PasswordPage(deps, r, false); }, blocking);
  router.Add(
      M::kPost, "/admin/password/{}",
      [&deps](http::Request& r) { return PasswordPage(deps, r, true); }, sign_in);
  router.Add(M::kGet, "/admin/static/{}", [](http::Request& r) { return Static(r); });
  guarded(M::kPost, "/admin/logout", R::kViewer,
          [&deps](http::Request& r, const Visit& v) { return Logout(deps, r, v); });
  guarded(M::kPost, "/admin/preferences", R::kViewer,
          [&deps](http::Request&, const Visit& v) { return Preferences(deps, v); });
  guarded(M::kGet, "/admin", R::kViewer,
          [&deps](http::Request& r, const Visit& v) { return Dashboard(deps, r, v); });
  guarded(M::kGet, "/admin/incidents/{}/update", R::kCommunicator,
          [&deps](http::Request& r, const Visit& v) { return UpdatePage(deps, r.params[0], v); });
  guarded(M::kPost, "/admin/incidents/{}/update", R::kCommunicator,
          [&deps](http::Request& r, const Visit& v) { return UpdateSubmit(deps, r.params[0], v); });
  guarded(M::kGet, "/admin/declare", R::kOperator,
          [&deps](http::Request&, const Visit& v) { return DeclarePage(deps, v); });
  guarded(M::kPost, "/admin/declare", R::kOperator,
          [&deps](http::Request&, const Visit& v) { return DeclareSubmit(deps, v); });
  RegisterScreens(guarded, deps);
  guarded(M::kGet, "/admin/audit", R::kAdmin,
          [&deps](http::Request& r, const Visit& v) { return AuditPage(deps, r, v); });
  guarded(M::kGet, "/admin/users", R::kAdmin,
          [&deps](http::Request&, const Visit& v) { return UsersPage(deps, v); });
  guarded(M::kPost, "/admin/users", R::kAdmin,
          [&deps](http::Request&, const Visit& v) { return UsersCreate(deps, v); });
  guarded(M::kPost, "/admin/users/disable", R::kAdmin,
          [&deps](http::Request&, const Visit& v) { return UsersDisable(deps, v); });
}

}  // namespace phare::web::admin
