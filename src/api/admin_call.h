// What each admin handler gets once the request is authenticated and its page
// checked: the actor, the page, the parsed JSON body, and helpers to answer.
// Internal to the api layer.
#pragma once

#include <boost/json/value.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "api/admin.h"
#include "api/json_render.h"
#include "http/message.h"
#include "model/access.h"
#include "model/page.h"

namespace phare::api {

struct AdminCall {
  AdminCall(AdminDeps& d, http::Request& r, model::Actor a, model::Page p, base::Zone z)
      : deps(d), req(r), actor(std::move(a)), page(std::move(p)), zone(z) {}
  // A copy that reloads the components (after a write changed them).
  AdminCall Fresh() const { return AdminCall(deps, req, actor, page, zone); }

  AdminDeps& deps;
  http::Request& req;
  model::Actor actor;
  model::Page page;
  base::Zone zone;
  boost::json::value body;  // null unless the route takes a body

  // The page's components (loaded on first use) and a RenderContext over them.
  const std::vector<model::Component>& Components();
  RenderContext Render();

 private:
  std::optional<std::vector<model::Component>> components_;
  std::unique_ptr<comms::Readers> readers_;
};

using AdminFn = std::function<http::Response(AdminCall&)>;

enum class Body { kNone, kJson, kOptionalJson };  // kOptionalJson: an empty body is fine

// A token and the page it may act on.
struct Authorized {
  model::ApiToken token;
  model::Page page;
};
// Authenticates `req` (401), checks the token's scope (403) and the page id in path
// parameter 0, when there is one (404): the refusal, or nullopt with `out` set.
std::optional<http::Response> Authorize(AdminDeps& deps, model::Scope scope,
                                        const http::Request& req, Authorized& out);
// The same checks as a route's RouteOptions::admit, run before the body is read.
std::function<std::optional<http::Response>(http::Request&)> AdmitAdmin(AdminDeps& deps,
                                                                        model::Scope scope);

// Wraps `fn` with authentication (scope), the page id check (path parameter 0, when the
// route has parameters) and,
// for Body::kJson, content-type and JSON parsing (415 / 400 problems).
http::Handler Admin(AdminDeps& deps, model::Scope scope, Body body, AdminFn fn);

// A JSON response.
http::Response Json(int status, const boost::json::value& value);
// Query parameter `name` as an integer within [min, max], or `fallback`.
int64_t QueryInt(const http::Request& req, std::string_view name, int64_t fallback, int64_t min,
                 int64_t max);

}  // namespace phare::api
