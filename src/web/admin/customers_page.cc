// A customer's "my services" link (admin only), to send by other means (a support
// ticket, a phone call): for a customer id of the inventory, make a new private link
// (shown on that page only: the store keeps its hash), list the customer's links (never
// the links themselves) and revoke them. Through service/my_services.h like
// `phare customer link|links|revoke`; audited there.
#include "service/my_services.h"
#include "service/users.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

struct Outcome {
  std::string customer = {}, url = {}, notice = {}, error = {};
  int status = 200;
};

Data Links(const ConsoleDeps& deps, const Visit& v, const std::vector<model::CustomerLink>& links) {
  Data rows = Data::type::list;
  for (auto it = links.rbegin(); it != links.rend(); ++it) {
    Data row;
    row.set("id", it->id);
    row.set("customer", it->customer_id);
    row.set("created", ShowTime(deps, it->created_at));
    row.set("state", it->revoked_at
                         ? v.words("tokens.revoked_at", {{"at", ShowTime(deps, *it->revoked_at)}})
                         : v.words("tokens.active"));
    row.set("can_revoke", !it->revoked_at);
    row.set("csrf", v.who.session.csrf);
    rows.push_back(row);
  }
  return rows;
}

http::Response Render(ConsoleDeps& deps, const Visit& v, const Outcome& o) {
  const Words& w = v.words;
  Data d;
  SetWords(d, w, "customers",
           {"title", "intro", "customer", "show", "links", "none", "created", "state", "revoke",
            "create", "url_intro"});
  d.set("csrf", v.who.session.csrf);
  d.set("customer", o.customer);
  if (!o.customer.empty() && o.customer.size() <= model::kMaxCustomerIdBytes) {
    auto links = service::ListCustomerLinks(deps.ctx.store, o.customer);
    if (!links.ok()) return FailedPage(w, &v.who, links.status());
    d.set("chosen", true);
    d.set("rows", Links(deps, v, *links));
    d.set("any", !links->empty());
  }
  if (!o.url.empty()) d.set("url", o.url);
  if (!o.notice.empty()) d.set("notice", o.notice);
  if (!o.error.empty()) d.set("error", o.error);
  return ShowScreen(v, w("customers.title"), "customers.mustache", d, "customers", o.status);
}

}  // namespace

http::Response CustomersPage(ConsoleDeps& deps, http::Request& req, const Visit& v) {
  return Render(deps, v, {.customer = req.Query("customer").value_or("")});
}

http::Response CustomerLinkCreate(ConsoleDeps& deps, const Visit& v) {
  const std::string customer = v.form.Get("customer");
  if (!deps.inventory) {
    return Render(
        deps, v, {.customer = customer, .error = v.words("customers.no_inventory"), .status = 409});
  }
  auto made = service::CreateCustomerLink(deps.ctx, *deps.inventory, service::ActorOf(v.who.user),
                                          customer);
  if (!made.ok()) {
    return Render(deps, v,
                  {.customer = customer,
                   .error = Problem(made.status()),
                   .status = StatusFor(made.status())});
  }
  return Render(deps, v, {.customer = customer, .url = made->url});
}

http::Response CustomerLinkRevoke(ConsoleDeps& deps, const Visit& v) {
  const std::string customer = v.form.Get("customer");
  auto revoked = service::RevokeCustomerLinks(deps.ctx, service::ActorOf(v.who.user), customer,
                                              v.form.Get("link"));
  if (!revoked.ok()) {
    return Render(deps, v,
                  {.customer = customer,
                   .error = Problem(revoked.status()),
                   .status = StatusFor(revoked.status())});
  }
  return Render(deps, v, {.customer = customer, .notice = v.words("customers.revoked_done")});
}

}  // namespace phare::web::admin
