#include "service/my_services.h"

#include <algorithm>

#include "base/crypto.h"
#include "service/audit.h"

namespace phare::service {
namespace {

constexpr size_t kTokenBytes = 32;
constexpr size_t kTokenChars = 43;  // unpadded base64url of 32 bytes

bool Impaired(graph::NodeState s) {
  return s == graph::NodeState::kDown || s == graph::NodeState::kDegraded;
}

MyResource Resource(const graph::Propagation& now, graph::ResourceIndex r) {
  const graph::Inventory& inv = now.inventory();
  const graph::NodeIndex node = inv.resource_node(r);
  MyResource out;
  out.id = std::string(inv.id(node));
  out.product = std::string(inv.product_name(inv.resource_product(r)));
  out.site = std::string(inv.site_id(inv.site(node)));
  out.state = std::string(ToString(now.state(node)));
  return out;
}

// The customer's resources `g` hits or hit, with their state under its reports now.
MyIncident IncidentView(const IncidentGraph& g, graph::IndexRange range) {
  MyIncident out;
  out.id = g.incident_id;
  out.name = g.name;
  out.names = g.names;
  out.status = g.status;
  out.impact = g.impact;
  out.started_at = g.started_at;
  out.updated_at = g.updated_at;
  out.estimate = g.estimate;
  const graph::Inventory& inv = g.current->inventory();
  for (graph::ResourceIndex r = range.begin; r < range.end; ++r) {
    if (out.resources.size() == kMaxMyResources) break;
    const graph::NodeIndex node = inv.resource_node(r);
    const graph::NodeState now = g.current->state(node);
    const bool hit = Impaired(g.hit->state(node));
    if (!hit && now == graph::NodeState::kUp) continue;
    MyResource item = Resource(*g.current, r);
    item.restored = hit && !Impaired(now);
    out.restored += item.restored;
    out.resources.push_back(std::move(item));
  }
  return out;
}

ReaderLabel LabelFrom(const graph::Labels& labels, std::string_view fallback) {
  ReaderLabel out;
  out.text = std::string(fallback);
  for (const auto& [language, text] : labels) {
    if (language.empty()) {
      out.text = std::string(text);
    } else {
      out.names.push_back({std::string(language), std::string(text)});
    }
  }
  return out;
}

// The labels of the products and sites of the resources in `out`.
void AddLabels(const graph::Inventory& inv, MyServices& out) {
  auto add = [&](const MyResource& r) {
    if (!out.product_labels.count(r.product)) {
      out.product_labels.emplace(r.product,
                                 LabelFrom(inv.ProductLabels(r.product), ReadableCode(r.product)));
    }
    if (!r.site.empty() && !out.site_labels.count(r.site)) {
      const auto node = inv.Find(r.site);
      out.site_labels.emplace(
          r.site, LabelFrom(node ? inv.SiteLabels(inv.site(*node)) : graph::Labels(), r.site));
    }
  };
  for (const auto& r : out.resources) add(r);
  for (const auto& i : out.incidents) {
    for (const auto& r : i.resources) add(r);
  }
}

}  // namespace

std::string ReadableCode(std::string_view code) {
  std::string out(code);
  for (char& c : out) {
    if (c == '_' || c == '-') c = ' ';
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

MyServices BuildMyServices(const GraphState& state, std::string_view customer_id, base::Time now) {
  MyServices out;
  out.customer_id = std::string(customer_id);
  out.page = state.page;
  out.generated_at = now;
  if (!state.has_inventory()) return out;
  const auto customer = state.inventory->FindCustomer(customer_id);
  if (!customer) return out;
  const graph::IndexRange range = state.inventory->customer_resources(*customer);
  out.resources_total = range.size();
  out.truncated = range.size() > kMaxMyResources;
  for (graph::ResourceIndex r = range.begin; r < range.end && r - range.begin < kMaxMyResources;
       ++r) {
    out.resources.push_back(Resource(*state.combined, r));
  }
  for (const auto& g : state.incidents) {
    MyIncident view = IncidentView(g, range);
    if (!view.resources.empty()) out.incidents.push_back(std::move(view));
  }
  std::stable_sort(out.incidents.begin(), out.incidents.end(),
                   [](const auto& a, const auto& b) { return a.started_at > b.started_at; });
  AddLabels(*state.inventory, out);
  return out;
}

base::Result<NewCustomerLink> CreateCustomerLink(Context& ctx, InventoryService& inventory,
                                                 const model::Actor& actor,
                                                 const std::string& customer_id) {
  if (customer_id.empty() || customer_id.size() > model::kMaxCustomerIdBytes) {
    return base::InvalidArgument("must be 1 to 128 bytes", "customer");
  }
  PHARE_ASSIGN_OR_RETURN(auto state, inventory.Snapshot());
  if (!state->has_inventory()) {
    return base::Status(base::Code::kFailedPrecondition, "no inventory has been imported");
  }
  if (!state->inventory->FindCustomer(customer_id)) {
    return base::NotFound("no customer '" + customer_id + "' in the current inventory");
  }
  std::string raw(kTokenBytes, '\0');
  ctx.random.Fill(raw.data(), raw.size());
  NewCustomerLink out;
  out.token = base::Base64UrlEncode(raw);
  out.link.id = base::NewId(ctx.random);
  out.link.customer_id = customer_id;
  out.link.hash = base::Blake2b256(out.token);
  out.link.created_at = ctx.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto page, tx.GetPage());
    out.url = page.url + "/my/" + out.token;
    PHARE_RETURN_IF_ERROR(tx.InsertCustomerLink(out.link));
    return RecordAudit(tx, actor, out.link.created_at, "customer_link.create", "customer",
                       customer_id, "{\"link\":\"" + out.link.id + "\"}");
  }));
  return out;
}

base::Result<std::string> ResolveCustomerLink(store::Store& store, std::string_view token) {
  const base::Status not_found = base::NotFound("no such page");
  if (token.size() != kTokenChars) return not_found;
  const std::string hash = base::Blake2b256(token);
  model::CustomerLink link;
  auto status = store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(link, tx.FindCustomerLinkByHash(hash));
    return base::Status::Ok();
  });
  if (status.code() == base::Code::kNotFound) return not_found;
  PHARE_RETURN_IF_ERROR(status);
  if (!base::ConstantTimeEqual(link.hash, hash) || link.revoked_at) return not_found;
  return link.customer_id;
}

base::Result<int64_t> RevokeCustomerLinks(Context& ctx, const model::Actor& actor,
                                          const std::string& customer_id,
                                          const std::string& link_id) {
  const auto now = ctx.clock.Now();
  int64_t revoked = 0;
  PHARE_RETURN_IF_ERROR(ctx.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(revoked, tx.RevokeCustomerLinks(customer_id, link_id, now));
    if (revoked == 0) {
      return base::NotFound("customer '" + customer_id + "' has no active link" +
                            (link_id.empty() ? "" : " '" + link_id + "'"));
    }
    return RecordAudit(tx, actor, now, "customer_link.revoke", "customer", customer_id,
                       "{\"revoked\":" + std::to_string(revoked) + "}");
  }));
  return revoked;
}

base::Result<std::vector<model::CustomerLink>> ListCustomerLinks(store::Store& store,
                                                                 const std::string& customer_id) {
  std::vector<model::CustomerLink> out;
  PHARE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.ListCustomerLinks(customer_id));
    return base::Status::Ok();
  }));
  return out;
}

base::Result<MyServices> MyServicesByToken(Context& ctx, InventoryService& inventory,
                                           std::string_view token) {
  PHARE_ASSIGN_OR_RETURN(std::string customer, ResolveCustomerLink(ctx.store, token));
  PHARE_ASSIGN_OR_RETURN(auto state, inventory.Snapshot());
  MyServices view = BuildMyServices(*state, customer, ctx.clock.Now());
  const model::Span month = model::ParseMonth(model::MonthOf(view.generated_at)).value();
  const std::string previous = model::MonthOf(month.begin - std::chrono::hours(24));
  for (const std::string& m : {previous, model::MonthOf(month.begin)}) {
    CreditQuery q{m, customer};
    PHARE_ASSIGN_OR_RETURN(auto statement,
                           ComputeCredits(ctx.store, ctx.policies.sla_plans, q, view.generated_at,
                                          [state] { return state; }));
    view.credits.push_back(std::move(statement));
  }
  return view;
}

}  // namespace phare::service
