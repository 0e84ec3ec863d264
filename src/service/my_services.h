// "My services": what one customer sees through their private link: only the open
// incidents that hit their own resources, which resources and their state now, and the
// restoration estimate where known. Built on request from a GraphState snapshot (it is
// per customer: never pre-rendered); only the customer's own resources are visited (the
// inventory numbers them as one contiguous range), so nothing of another customer can
// appear in it.
//
// Links are 32 random bytes shown once, in the URL {page url}/my/{token}; only their
// BLAKE2b-256 hash is stored, and they can be revoked. Thread-safe functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/access.h"
#include "model/incident.h"
#include "model/inventory.h"
#include "service/context.h"
#include "service/credits.h"
#include "service/graph_state.h"
#include "service/inventory.h"

namespace phare::service {

struct MyResource {
  std::string id;
  std::string product;    // the inventory's code ("cloud_instance"): see MyServices::labels
  std::string site;       // the site node's id ("sbg")
  std::string state;      // now: up, at_risk, degraded, down
  bool restored = false;  // hit by the incident (down or degraded), and no longer
};

struct MyIncident {
  std::string id;
  std::string name;
  model::LocalizedNames names;  // in other languages
  model::IncidentStatus status = model::IncidentStatus::kInvestigating;
  model::Impact impact = model::Impact::kNone;
  base::Time started_at{};
  base::Time updated_at{};
  std::optional<model::Estimate> estimate;
  std::vector<MyResource> resources;  // the customer's resources it hits or hit
  uint32_t restored = 0;
};

// What readers see for a product code or a site id: `text` by default (the inventory's
// label, a site's name, or else the code made readable: "cloud_instance" → "Cloud
// instance"), `names` in other languages.
struct ReaderLabel {
  std::string text;
  model::LocalizedNames names;
};

struct MyServices {
  std::string customer_id;
  model::Page page;
  base::Time generated_at{};
  uint32_t resources_total = 0;
  std::vector<MyResource> resources;  // all of the customer's, state with every report
  std::vector<MyIncident> incidents;  // open incidents hitting them, newest first
  bool truncated = false;             // more than kMaxMyResources resources
  // Labels of the products and sites of the resources listed, by code and by site id.
  std::map<std::string, ReaderLabel, std::less<>> product_labels;
  std::map<std::string, ReaderLabel, std::less<>> site_labels;
  // Service credits statements (service/credits.h) of the previous month and of this
  // month so far, only this customer's; set by MyServicesByToken.
  std::vector<CreditReport> credits;
};

// "cloud_instance" → "Cloud instance": separators become spaces, the first letter upper-case.
std::string ReadableCode(std::string_view code);

inline constexpr uint32_t kMaxMyResources = 1000;

// A customer absent from the inventory gets an empty view (the link stays valid).
MyServices BuildMyServices(const GraphState& state, std::string_view customer_id, base::Time now);

struct NewCustomerLink {
  model::CustomerLink link;
  std::string token;  // the only copy: print it and forget it
  std::string url;    // {page url}/my/{token}
};

// NotFound when the current inventory has no such customer; FailedPrecondition
// without an inventory.
base::Result<NewCustomerLink> CreateCustomerLink(Context& ctx, InventoryService& inventory,
                                                 const model::Actor& actor,
                                                 const std::string& customer_id);
// The customer behind `token`; NotFound when unknown, malformed or revoked.
base::Result<std::string> ResolveCustomerLink(store::Store& store, std::string_view token);
// Revokes the customer's links (only `link_id` when not empty); NotFound when there
// was none to revoke.
base::Result<int64_t> RevokeCustomerLinks(Context& ctx, const model::Actor& actor,
                                          const std::string& customer_id,
                                          const std::string& link_id = "");
base::Result<std::vector<model::CustomerLink>> ListCustomerLinks(store::Store& store,
                                                                 const std::string& customer_id);

// ResolveCustomerLink, then BuildMyServices on a current snapshot, with the customer's
// credits statements (ctx.policies.sla_plans).
base::Result<MyServices> MyServicesByToken(Context& ctx, InventoryService& inventory,
                                           std::string_view token);

}  // namespace phare::service
