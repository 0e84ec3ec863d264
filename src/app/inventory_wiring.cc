#include "app/inventory_wiring.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "api/inventory_json.h"
#include "http/problem.h"
#include "service/my_services.h"
#include "web/my_services.h"

namespace phare::app {
namespace {

constexpr std::string_view kJsonSuffix = "/summary.json";

http::Response Private(http::Response r) {
  r.Header("Cache-Control", "private, no-store");
  r.Header("Referrer-Policy", "no-referrer");
  r.Header("X-Robots-Tag", "noindex");
  return r;
}

http::Response NotFound(bool json) {
  if (json) return Private(http::Problem(404, "not-found", "this link is not valid"));
  http::Response r;
  r.status = 404;
  r.content_type = "text/html; charset=utf-8";
  r.body = web::RenderMyServicesNotFound();
  return Private(std::move(r));
}

http::Response Serve(service::Context& ctx, service::InventoryService& inventory, const Site& site,
                     const http::Request& req, bool json) {
  const std::string& token = req.params[0];
  auto view = service::MyServicesByToken(ctx, inventory, token);
  if (!view.ok()) {
    if (view.status().code() == base::Code::kNotFound) return NotFound(json);
    return Private(http::ProblemFromStatus(view.status()));
  }
  http::Response r;
  if (json) {
    r.body = api::MyServicesJson(*view);
  } else {
    r.content_type = "text/html; charset=utf-8";
    r.body = web::RenderMyServices(*view, "/my/" + token + std::string(kJsonSuffix),
                                   site.ReadingOf(req, view->page.time_zone));
  }
  return Private(std::move(r));
}

}  // namespace

base::Status LoadInventory(service::InventoryService& inventory) {
  const auto start = std::chrono::steady_clock::now();
  PHARE_ASSIGN_OR_RETURN(auto state, inventory.Snapshot());
  if (!state->has_inventory()) return base::Status::Ok();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  spdlog::info("inventory {} loaded in {} ms: {} nodes, {} resources, {} customers", state->info.id,
               ms, state->info.nodes, state->info.resources, state->info.customers);
  return base::Status::Ok();
}

void RegisterMyServicesRoutes(http::Router& router, service::Context& ctx,
                              service::InventoryService& inventory, const Site& site) {
  router.Add(http::Method::kGet, "/my/{}",
             [&ctx, &inventory, &site](http::Request& req) {
               return Serve(ctx, inventory, site, req, false);
             },
             {true, "/my/{}"});
  router.Add(http::Method::kGet, "/my/{}" + std::string(kJsonSuffix),
             [&ctx, &inventory, &site](http::Request& req) {
               return Serve(ctx, inventory, site, req, true);
             },
             {true, "/my/{}/summary.json"});
}

}  // namespace phare::app
