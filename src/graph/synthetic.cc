#include "graph/synthetic.h"

#include <array>
#include <cassert>
#include <string>
#include <vector>

#include "base/random.h"
#include "graph/site_generator.h"

namespace phare::graph {
namespace {

constexpr std::array<std::string_view, 5> kProducts{"dedicated", "vps", "cloud_instance",
                                                    "web_hosting", "private_cloud"};
constexpr std::array<uint32_t, 5> kProductPercent{10, 35, 30, 20, 5};
constexpr int kDatacentersPerSite = 3;

uint32_t PickProduct(base::Random& random) {
  uint32_t roll = random.Uniform(100);
  for (uint32_t p = 0; p < kProducts.size(); ++p) {
    if (roll < kProductPercent[p]) return p;
    roll -= kProductPercent[p];
  }
  return 0;
}

std::string Padded(std::string_view prefix, uint32_t n) {
  std::string digits = std::to_string(n);
  return std::string(prefix) + std::string(digits.size() < 7 ? 7 - digits.size() : 0, '0') + digits;
}

detail::SiteSpec Site(uint32_t number, uint32_t infrastructure_per_site) {
  detail::SiteSpec site;
  site.id = "site-" + std::to_string(number);
  site.name = "Site " + std::to_string(number);
  site.ups_strings = 6;
  // Per server: itself, 1/40 rack, 1/1000 room; about 30 nodes of power and network.
  const double per_server = 1.0 + 1.0 / 40 + 1.0 / 1000;
  const int servers = std::max(1, static_cast<int>((infrastructure_per_site - 30) / per_server));
  for (int d = 1; d <= kDatacentersPerSite; ++d) {
    const int share = servers / kDatacentersPerSite + (d <= servers % kDatacentersPerSite ? 1 : 0);
    site.datacenters.push_back(
        {site.id + "-dc" + std::to_string(d), "DC" + std::to_string(d), share});
  }
  return site;
}

// Resources on random servers; returns their ids by product and site.
std::vector<std::vector<std::vector<std::string>>> AddResources(
    InventoryBuilder& builder, const SyntheticOptions& options,
    const std::vector<std::vector<std::string>>& servers, base::Random& random) {
  std::vector<std::vector<std::vector<std::string>>> members(
      kProducts.size(), std::vector<std::vector<std::string>>(options.sites));
  for (uint32_t i = 0; i < options.resources; ++i) {
    const uint32_t site = random.Uniform(options.sites);
    const std::vector<std::string>& on_site = servers[site];
    const std::string& host = on_site[random.Uniform(static_cast<uint32_t>(on_site.size()))];
    const uint32_t product = PickProduct(random);
    // Every customer owns one resource; the rest go mostly to the first customers.
    const uint32_t customer =
        i < options.customers
            ? i
            : static_cast<uint32_t>(uint64_t{random.Uniform(options.customers)} *
                                    random.Uniform(options.customers) / options.customers);
    const std::string id = Padded("res-", i + 1);
    const std::string customer_id = Padded("cust-", customer + 1);
    NodeSpec spec;
    spec.id = id;
    spec.kind = NodeKind::kResource;
    spec.customer = customer_id;
    spec.product = kProducts[product];
    builder.AddNode(spec, 0);
    const std::string_view on[] = {host};
    builder.AddGroup(1, on);
    members[product][site].push_back(id);
  }
  return members;
}

}  // namespace

std::shared_ptr<const Inventory> GenerateSyntheticInventory(const SyntheticOptions& options) {
  assert(options.sites > 0 && options.customers > 0 &&
         "a synthetic inventory needs sites and customers");
  base::SeededRandom random(options.seed);
  InventoryBuilder builder;
  detail::SiteGenerator sites(builder);
  std::vector<std::vector<std::string>> servers;
  for (uint32_t s = 1; s <= options.sites; ++s) {
    servers.push_back(sites.Generate(Site(s, options.infrastructure / options.sites)));
  }
  // members[product][site]: resource ids, for the components.
  const std::vector<std::vector<std::vector<std::string>>> members =
      AddResources(builder, options, servers, random);
  for (uint32_t p = 0; p < kProducts.size(); ++p) {
    for (uint32_t s = 0; s < options.sites; ++s) {
      if (members[p][s].empty()) continue;
      const std::string id =
          "component-" + std::string(kProducts[p]) + "-site-" + std::to_string(s + 1);
      sites.Node(id, NodeKind::kComponent, 1, members[p][s],
                 std::string(kProducts[p]) + " — Site " + std::to_string(s + 1));
    }
  }
  auto inventory = builder.Build();
  assert(inventory && "the synthetic inventory is valid by construction");
  return inventory;
}

}  // namespace phare::graph
