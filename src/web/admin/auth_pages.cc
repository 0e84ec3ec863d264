// Signing in and setting a password: the console's pages before a session exists. Their
// forms are protected by a double-submit token (a random cookie repeated in the form),
// since there is no session to hold one yet.
#include <algorithm>

#include "base/crypto.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

constexpr size_t kFormTokenBytes = 32;
constexpr size_t kMaxEmailBytes = 320;  // RFC 5321: 64 + 1 + 255

bool LooksLikeToken(std::string_view text) {
  return text.size() == 43 && text.find_first_not_of(
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
                                  "qrstuvwxyz0123456789-_") == std::string_view::npos;
}

// The form token of this browser: its cookie's, or a new one set on `r`.
std::string FormToken(ConsoleDeps& deps, const http::Request& req, http::Response& r) {
  if (auto cookie = req.Cookie(kFormCookie); cookie && LooksLikeToken(*cookie)) return *cookie;
  std::string raw(kFormTokenBytes, '\0');
  deps.ctx.random.Fill(raw.data(), raw.size());
  std::string token = base::Base64UrlEncode(raw);
  r.Header("Set-Cookie", CookieHeader(kFormCookie, token, deps.tls));
  return token;
}

bool FormTokenMatches(const http::Request& req, const Form& form) {
  const auto cookie = req.Cookie(kFormCookie);
  return cookie && LooksLikeToken(*cookie) && base::ConstantTimeEqual(*cookie, form.Get("csrf"));
}

struct LoginView {
  std::string notice, error, email, next;
};

http::Response RenderLogin(ConsoleDeps& deps, const http::Request& req, int status,
                           const LoginView& view) {
  const Words w = AnonymousWords(deps, req);
  http::Response r = HtmlPage(status, "");
  Data d;
  d.set("title", w("login.title"));
  d.set("email_label", w("login.email"));
  d.set("password_label", w("login.password"));
  d.set("submit", w("login.submit"));
  if (!view.notice.empty()) d.set("notice", view.notice);
  if (!view.error.empty()) d.set("error", view.error);
  d.set("email", view.email);
  d.set("next", SafeNext(view.next) ? view.next : "/admin");
  d.set("csrf", FormToken(deps, req, r));
  Chrome c;
  c.title = w("login.title");
  c.content = RenderPart("login.mustache", d);
  r.body = RenderLayout(w, c);
  return r;
}

http::Response CsrfRefused(ConsoleDeps& deps, const http::Request& req) {
  const Words w = AnonymousWords(deps, req);
  return MessagePage(403, w, nullptr, w("error.csrf_title"), w("error.csrf"));
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

Words AnonymousWords(const ConsoleDeps& deps, const http::Request& req) {
  return Words(ChooseLanguage("", req.Header("Accept-Language"), deps.default_language));
}

http::Response LoginPage(ConsoleDeps& deps, http::Request& req) {
  const Words w = AnonymousWords(deps, req);
  LoginView view;
  if (req.Query("expired")) view.notice = w("login.expired");
  if (req.Query("signed_out")) view.notice = w("login.signed_out");
  view.next = req.Query("next").value_or("/admin");
  return RenderLogin(deps, req, 200, view);
}

http::Response LoginSubmit(ConsoleDeps& deps, http::Request& req) {
  auto form = Form::Parse(req.body);
  if (!form.ok() || !FormTokenMatches(req, *form)) return CsrfRefused(deps, req);
  const Words w = AnonymousWords(deps, req);
  LoginView view{"", "", form->Get("email"), form->Get("next")};
  if (view.email.empty() || view.email.size() > kMaxEmailBytes) {  // never a limiter key
    view.error = w("login.failed");
    return RenderLogin(deps, req, 401, view);
  }
  // The account's bucket is spent only by attempts its address was allowed to make, so a
  // throttled address cannot drain (and lock out) somebody else's account.
  auto wait = deps.login_per_address.Take(req.remote_address);
  if (wait == base::Duration::zero()) wait = deps.login_per_account.Take(Lower(view.email));
  if (wait > base::Duration::zero()) {
    const auto minutes = std::chrono::ceil<std::chrono::minutes>(wait).count();
    view.error = w("login.busy", {{"minutes", int64_t{minutes}}});
    auto r = RenderLogin(deps, req, 429, view);
    r.Header("Retry-After", std::to_string(std::chrono::ceil<std::chrono::seconds>(wait).count()));
    return r;
  }
  auto session = deps.sessions.SignIn(view.email, form->Get("password"), req.remote_address);
  if (!session.ok()) {
    if (session.status().code() != base::Code::kUnauthenticated) {
      return FailedPage(w, nullptr, session.status());
    }
    view.error = w("login.failed");
    return RenderLogin(deps, req, 401, view);
  }
  auto r = SeeOther(SafeNext(view.next) ? view.next : "/admin");
  r.Header("Set-Cookie", CookieHeader(kSessionCookie, session->cookie, deps.tls));
  r.Header("Set-Cookie", CookieHeader(kFormCookie, "", deps.tls));
  return r;
}

http::Response PasswordPage(ConsoleDeps& deps, http::Request& req, bool post) {
  const Words w = AnonymousWords(deps, req);
  const std::string& token = req.params[0];
  http::Response r = HtmlPage(200, "");
  Data d;
  d.set("title", w("password.title"));
  auto user = deps.users.CheckLink(token);
  if (!user.ok()) {
    r.status = user.status().code() == base::Code::kNotFound ? 404 : 410;
    d.set("error", w("password.invalid"));
  } else if (post) {
    auto form = Form::Parse(req.body);
    if (!form.ok() || !FormTokenMatches(req, *form)) return CsrfRefused(deps, req);
    const std::string password = form->Get("password");
    const comms::MessageArgs min = {{"min", int64_t{service::kMinPasswordBytes}}};
    base::Status status = password == form->Get("confirm")
                              ? deps.users.SetPassword(token, password).status()
                              : base::InvalidArgument(w("password.mismatch"), "confirm");
    if (status.ok()) {
      d.set("done", w("password.done"));
      d.set("sign_in", w("login.title"));
    } else {
      r.status = status.code() == base::Code::kInvalidArgument ? 422 : 410;
      d.set("error", status.field() == "confirm"    ? w("password.mismatch")
                     : status.field() == "password" ? w("password.too_short", min)
                                                    : w("password.invalid"));
      post = false;  // show the form again
    }
  }
  if (user.ok() && !post) {
    d.set("form", true);
    d.set("intro", w("password.intro",
                     {{"email", user->email}, {"min", int64_t{service::kMinPasswordBytes}}}));
    d.set("email", user->email);
    d.set("action", "/admin/password/" + token);
    d.set("new_label", w("password.new"));
    d.set("confirm_label", w("password.confirm"));
    d.set("submit", w("password.submit"));
    d.set("min", std::to_string(service::kMinPasswordBytes));
    d.set("csrf", FormToken(deps, req, r));
  }
  Chrome c;
  c.title = w("password.title");
  c.content = RenderPart("password.mustache", d);
  r.body = RenderLayout(w, c);
  return r;
}

}  // namespace phare::web::admin
