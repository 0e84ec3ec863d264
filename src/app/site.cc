#include "app/site.h"

#include <unordered_map>

#include "api/uptime_json.h"
#include "comms/catalog.h"
#include "http/problem.h"
#include "http/redirect.h"
#include "web/pages.h"

namespace phare::app {
namespace {

constexpr std::string_view kLangCookie = "phare_lang";
constexpr std::string_view kZoneCookie = "phare_tz";

comms::LanguageNegotiator MakeNegotiator(const std::string& default_language) {
  auto n =
      comms::LanguageNegotiator::Create(comms::Catalogs::Builtin().Languages(), default_language);
  if (!n.ok()) {
    // The default language was validated with the configuration; fall back to English.
    return std::move(comms::LanguageNegotiator::Create(comms::Catalogs::Builtin().Languages(),
                                                       comms::kDefaultLanguage)
                         .value());
  }
  return std::move(n).value();
}

// "/history?page=3" for history pages, the path otherwise.
std::string PathOf(const http::Request& req) {
  std::string path(req.path);
  if (path == "/history") {
    if (auto page = req.Query("page"); page && *page != "1" && !page->empty() &&
                                       page->size() <= 6 &&
                                       page->find_first_not_of("0123456789") == std::string::npos) {
      path += "?page=" + *page;
    }
  }
  return path;
}

}  // namespace

Site::Site(Publisher& publisher, std::string default_language)
    : publisher_(publisher),
      default_language_(std::move(default_language)),
      negotiator_(MakeNegotiator(default_language_)) {}

web::Reading Site::ReadingOf(const http::Request& req, const std::string& page_zone) const {
  const auto lang_query = req.Query("lang").value_or("");
  const auto lang_cookie = req.Cookie(kLangCookie).value_or("");
  // Browsers send a handful of Accept-Language values; remember their outcome per thread.
  thread_local std::unordered_map<std::string, std::string> by_header;
  std::string language;
  const std::string_view header = req.Header("Accept-Language");
  if (lang_query.empty() && lang_cookie.empty()) {
    auto it = by_header.find(std::string(header));
    if (it != by_header.end()) {
      language = it->second;
    } else {
      language = negotiator_.Choose({"", "", header}).language;
      if (by_header.size() > 256) by_header.clear();
      by_header.emplace(std::string(header), language);
    }
  } else {
    language = negotiator_.Choose({lang_query, lang_cookie, header}).language;
  }
  auto page = base::Zone::Find(page_zone);
  const auto zone =
      comms::NegotiateZone(req.Query("tz").value_or(""), req.Cookie(kZoneCookie).value_or(""),
                           page.ok() ? *page : base::Zone::Utc());
  return {language, zone.zone.name()};
}

std::string Site::Key(const http::Request& req) const {
  std::string path = PathOf(req);
  if (!web::IsPagePath(path)) return path;
  if (req.query.empty() && req.Header("Accept-Language").empty() && req.Header("Cookie").empty()) {
    return path;  // the page's own reading: the common, fast case
  }
  auto state = publisher_.state();
  if (!state) return path;
  const web::Reading defaults{default_language_, state->page.time_zone};
  return web::VariantKey(path, ReadingOf(req, state->page.time_zone), defaults);
}

http::Response Site::NotFound(http::Request& req) const {
  auto state = publisher_.state();
  if (req.path.rfind("/api/", 0) == 0 || req.path.rfind("/v1/", 0) == 0 || !state) {
    return http::Problem(404, "not-found", "no resource at " + std::string(req.path));
  }
  const web::SiteOptions site{default_language_};
  const std::string key = Key(req);
  // A page the snapshot did not keep (its lazy cache is full): render it for this request.
  if (auto page = web::RenderPage(*state, site, key)) {
    http::Response r;
    r.content_type = page->content_type;
    r.body = std::move(page->body);
    r.Header("Cache-Control", "public, max-age=10").Header("Vary", "Accept-Language, Cookie");
    return r;
  }
  http::Response r;
  r.status = 404;
  r.content_type = "text/html; charset=utf-8";
  const auto parsed = web::ParseVariantKey(key, web::Defaults(*state, site));
  r.body = web::RenderNotFound(*state, site, parsed ? parsed->second : web::Defaults(*state, site));
  return r;
}

http::Response Site::Preferences(http::Request& req) const {
  http::Response r;
  r.status = 303;
  r.content_type = "text/plain; charset=utf-8";
  const std::string back = http::SameOriginPath(req.Query("return").value_or("/")).value_or("/");
  const std::string attributes = "; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly";
  if (auto lang = req.Query("lang"); lang && comms::Catalogs::Builtin().Find(*lang)) {
    r.Header("Set-Cookie", std::string(kLangCookie) + "=" + *lang + attributes);
  }
  if (auto tz = req.Query("tz"); tz && base::Zone::Find(*tz).ok()) {
    r.Header("Set-Cookie", std::string(kZoneCookie) + "=" + *tz + attributes);
  }
  r.Header("Location", back).Header("Cache-Control", "no-store");
  r.body = "See " + back + "\n";
  return r;
}

void Site::Install(http::Server& server, http::Router& router) {
  server.SetResourceKey([this](const http::Request& req) { return Key(req); });
  server.SetNotFound([this](http::Request& req) { return NotFound(req); });
  router.Add(http::Method::kGet, "/preferences",
             [this](http::Request& req) { return Preferences(req); });
  router.Add(http::Method::kGet, "/api/v2/components/{}/uptime.json",
             [this](http::Request& req) { return Uptime(req); });
}

http::Response Site::Uptime(http::Request& req) const {
  auto state = publisher_.state();
  if (!state) return http::Problem(503, "unavailable", "the page is starting");
  auto body = api::RenderUptime(*state, req.params.at(0), req.Query("days"));
  if (!body.ok()) return http::ProblemFromStatus(body.status());
  http::Response r;
  r.body = std::move(body).value();
  r.Header("Access-Control-Allow-Origin", "*").Header("Cache-Control", "public, max-age=60");
  return r;
}

}  // namespace phare::app
