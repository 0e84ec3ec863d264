#include "web/admin/page.h"

#include "model/user.h"

namespace phare::web::admin {

std::string_view EmbeddedFile(std::string_view name);  // generated from src/web/admin

std::string RenderPart(std::string_view name, const Data& data) {
  const std::string path = "templates/" + std::string(name);
  return RenderTemplateText(path, EmbeddedFile(path), data);
}

std::string RenderLayout(const Words& w, const Chrome& c) {
  Data d;
  d.set("lang", w.language());
  d.set("title", c.title + " — " + w("ui.console"));
  d.set("console", w("ui.console"));
  d.set("skip", w("ui.skip"));
  d.set("content", c.content);
  if (!c.live.empty()) {
    d.set("live", c.live);
    d.set("etag", c.etag);
  }
  if (c.who) {
    Data nav = Data::type::list;
    auto entry = [&](const char* id, const char* href, const char* key) {
      Data e;
      e.set("href", href);
      e.set("label", w(key));
      if (c.active == id) e.set("current", true);
      nav.push_back(e);
    };
    entry("dashboard", "/admin", "ui.dashboard");
    if (c.who->user.Allows(model::Role::kOperator)) {
      entry("declare", "/admin/declare", "ui.declare");
      entry("maintenance", "/admin/maintenance", "ui.maintenance");
    }
    if (c.who->user.Allows(model::Role::kAdmin)) {
      entry("subscribers", "/admin/subscribers", "ui.subscribers");
      entry("tokens", "/admin/tokens", "ui.tokens");
      entry("customers", "/admin/customers", "ui.customers");
      entry("users", "/admin/users", "ui.users");
      entry("audit", "/admin/audit", "ui.audit");
    }
    entry("public", "/", "ui.public_page");
    d.set("nav", nav);
    d.set("nav_label", w("ui.nav_label"));
    d.set("signed_in_as",
          w("ui.signed_in_as",
            {{"email", c.who->user.email},
             {"role", w("role." + std::string(model::ToString(c.who->user.role)))}}));
    d.set("sign_out", w("ui.sign_out"));
    d.set("csrf", c.who->session.csrf);
    Data languages = Data::type::list;
    Data automatic;
    automatic.set("code", "");
    automatic.set("name", w("ui.language_auto"));
    automatic.set("selected", c.who->user.language.empty());
    languages.push_back(automatic);
    for (const auto& code : ConsoleCatalogs().Languages()) {
      Data l;
      l.set("code", code);
      l.set("name", ConsoleCatalogs().Find(code)->name());
      l.set("selected", c.who->user.language == code);
      languages.push_back(l);
    }
    d.set("languages", languages);
    d.set("language_label", w("ui.language"));
    d.set("apply", w("ui.apply"));
  }
  return RenderPart("layout.mustache", d);
}

void Harden(http::Response& r) {
  r.Header("Cache-Control", "no-store, private")
      .Header("Content-Security-Policy", std::string(kContentSecurityPolicy))
      .Header("X-Content-Type-Options", "nosniff")
      .Header("X-Frame-Options", "DENY")
      .Header("Referrer-Policy", "no-referrer")
      .Header("X-Robots-Tag", "noindex");
}

http::Response HtmlPage(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  Harden(r);
  return r;
}

http::Response SeeOther(std::string location) {
  http::Response r;
  r.status = 303;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "See " + location + "\n";
  r.Header("Location", std::move(location));
  Harden(r);
  return r;
}

http::Response MessagePage(int status, const Words& w, const service::SignedIn* who,
                           const std::string& title, const std::string& text) {
  Data d;
  d.set("title", title);
  d.set("text", text);
  d.set("back", w("error.back"));
  Chrome c;
  c.title = title;
  c.who = who;
  c.content = RenderPart("message.mustache", d);
  return HtmlPage(status, RenderLayout(w, c));
}

http::Response FailedPage(const Words& w, const service::SignedIn* who,
                          const base::Status& status) {
  return MessagePage(503, w, who, w("error.failed_title"),
                     w("error.failed", {{"reason", status.message()}}));
}

std::string CookieHeader(std::string_view name, std::string_view value, bool tls) {
  std::string out =
      std::string(name) + "=" + std::string(value) + "; Path=/admin; HttpOnly; SameSite=Strict";
  if (value.empty()) out += "; Max-Age=0";
  if (tls) out += "; Secure";
  return out;
}

bool SafeNext(std::string_view path) {
  return path.size() <= 512 && (path == "/admin" || path.rfind("/admin/", 0) == 0) &&
         path.find_first_of("\\\r\n") == std::string_view::npos &&
         path.find("//") == std::string_view::npos;
}

}  // namespace phare::web::admin
