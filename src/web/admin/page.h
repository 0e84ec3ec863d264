// How every console response looks: the layout around a page's content (landmarks, a
// skip link, the navigation a role may use, one external stylesheet and script), and
// the headers that keep admin pages private: never stored by any cache, a strict
// Content-Security-Policy (nothing inline, no framing), no MIME sniffing, no Referer.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "http/message.h"
#include "service/sessions.h"
#include "web/admin/words.h"
#include "web/templates.h"

namespace phare::web::admin {

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

struct Chrome {
  std::string title;
  std::string content;                     // the <main> element's HTML
  const service::SignedIn* who = nullptr;  // null: signed out (sign-in pages)
  std::string active;                      // the navigation entry to mark: "dashboard"
  std::string live;                        // non-empty: console.js polls this URL
  std::string etag;                        // with `live`: the ETag of this page's content
};

// The whole HTML document.
std::string RenderLayout(const Words& words, const Chrome& chrome);
// Template `name` of web/admin/templates ("login.mustache").
std::string RenderPart(std::string_view name, const Data& data);

// Adds the private-page headers to `r`.
void Harden(http::Response& r);
// An HTML page with the private-page headers.
http::Response HtmlPage(int status, std::string body);
// 303 See Other to `location` (a path of this site).
http::Response SeeOther(std::string location);

// A page with a title, a message and a link back to the dashboard (403, 404, errors).
http::Response MessagePage(int status, const Words& words, const service::SignedIn* who,
                           const std::string& title, const std::string& text);
// 503: what failed (the store, busy or broken), for a request that changed nothing.
http::Response FailedPage(const Words& words, const service::SignedIn* who,
                          const base::Status& status);

// A Set-Cookie value: HttpOnly, SameSite=Strict, Path=/admin, Secure when `tls`; empty
// `value` clears the cookie.
std::string CookieHeader(std::string_view name, std::string_view value, bool tls);

// True if `path` is a console path a sign-in may send the browser back to.
bool SafeNext(std::string_view path);

}  // namespace phare::web::admin
