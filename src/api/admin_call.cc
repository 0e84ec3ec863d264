#include "api/admin_call.h"

#include <boost/json/serialize.hpp>

#include <charconv>

#include "base/json.h"
#include "http/problem.h"
#include "service/page.h"
#include "service/tokens.h"

namespace phare::api {
namespace {

// The token from "OAuth x", "Bearer x" or "Token x".
std::string_view TokenOf(std::string_view header) {
  for (std::string_view scheme : {"OAuth ", "Bearer ", "Token "}) {
    if (header.size() > scheme.size() &&
        std::equal(scheme.begin(), scheme.end(), header.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      std::string_view token = header.substr(scheme.size());
      while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
      while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
      return token;
    }
  }
  return {};
}

bool IsJsonContentType(std::string_view type) {
  const auto semi = type.find(';');
  std::string_view media = type.substr(0, semi);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  return media.empty() || media == "application/json" ||
         (media.size() > 5 && media.substr(media.size() - 5) == "+json");
}

}  // namespace

const std::vector<model::Component>& AdminCall::Components() {
  if (!components_) {
    auto all = deps.components.List();
    components_ = all.ok() ? std::move(all).value() : std::vector<model::Component>{};
  }
  return *components_;
}

RenderContext AdminCall::Render() {
  if (!readers_) readers_ = std::make_unique<comms::Readers>(zone);
  return RenderContext{page,
                       zone,
                       Components(),
                       readers_.get(),
                       deps.ctx.policies.default_language,
                       deps.ctx.clock.Now(),
                       deps.ctx.policies.default_audience};
}

http::Response Json(int status, const boost::json::value& value) {
  http::Response r;
  r.status = status;
  r.body = boost::json::serialize(value);
  return r;
}

int64_t QueryInt(const http::Request& req, std::string_view name, int64_t fallback, int64_t min,
                 int64_t max) {
  auto text = req.Query(name);
  if (!text) return fallback;
  int64_t value = fallback;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) return fallback;
  return std::clamp(value, min, max);
}

std::optional<http::Response> Authorize(AdminDeps& deps, model::Scope scope,
                                        const http::Request& req, Authorized& out) {
  const std::string_view token = TokenOf(req.Header("Authorization"));
  if (token.empty()) {
    return http::Problem(401, "unauthenticated",
                         "send an API token: 'Authorization: Bearer TOKEN' (or 'OAuth TOKEN')");
  }
  auto found = service::Authenticate(deps.ctx.store, token);
  if (!found.ok()) return http::ProblemFromStatus(found.status());
  if (!found->Allows(scope)) {
    return http::Problem(
        403, "forbidden",
        "this token lacks the '" + std::string(model::ToString(scope)) + "' scope");
  }
  auto page = service::GetPage(deps.ctx.store);
  if (!page.ok()) return http::ProblemFromStatus(page.status());
  if (!req.params.empty() && req.params[0] != page->id) {
    return http::Problem(
        404, "not-found",
        "no page '" + req.params[0] + "'; this server's page is '" + page->id + "'");
  }
  out.token = std::move(found).value();
  out.page = std::move(page).value();
  return std::nullopt;
}

std::function<std::optional<http::Response>(http::Request&)> AdmitAdmin(AdminDeps& deps,
                                                                        model::Scope scope) {
  return [&deps, scope](http::Request& req) {
    Authorized ignored;
    return Authorize(deps, scope, req, ignored);
  };
}

http::Handler Admin(AdminDeps& deps, model::Scope scope, Body body, AdminFn fn) {
  return [&deps, scope, body, fn = std::move(fn)](http::Request& req) -> http::Response {
    Authorized auth;
    if (auto refusal = Authorize(deps, scope, req, auth)) return std::move(*refusal);
    auto zone = base::Zone::Find(auth.page.time_zone);
    AdminCall call(deps, req, model::Actor{"token:" + auth.token.name}, std::move(auth.page),
                   zone.ok() ? *zone : base::Zone::Utc());
    const bool empty_allowed = body == Body::kOptionalJson && req.body.empty();
    if (body != Body::kNone && !empty_allowed) {
      if (!IsJsonContentType(req.Header("Content-Type"))) {
        return http::Problem(415, "unsupported-media-type",
                             "send the body as JSON with 'Content-Type: application/json'");
      }
      auto parsed = base::ParseJson(req.body);
      if (!parsed.ok()) return http::Problem(400, "malformed-json", parsed.status().message());
      call.body = std::move(parsed).value();
    }
    return fn(call);
  };
}

}  // namespace phare::api
