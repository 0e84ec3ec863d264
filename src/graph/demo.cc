#include "graph/demo.h"

#include <algorithm>
#include <array>
#include <map>

#include "base/random.h"
#include "graph/builder.h"
#include "graph/demo_facts.h"
#include "graph/site_generator.h"

namespace phare::graph {

std::string_view EmbeddedFile(std::string_view name);  // data/graph, compiled in

std::string_view DemoTopologyJson() { return EmbeddedFile("topology.json"); }
std::string_view DemoTimelineJsonl() { return EmbeddedFile("timeline.jsonl"); }

namespace {

using detail::Facts;

// Server roles and what each hosts, sized on Strasbourg's 40,386 servers; the other
// sites use the same mix. The split is for the demo, not sourced (topology.json "note").
struct Role {
  std::string_view product;
  std::string_view prefix;  // resource id prefix
  std::string_view sla;
  std::string_view component;  // component name, before " — City"
  int per_40386;               // servers of this role on a site of 40,386
  int resources_per_server;
};
constexpr std::array<Role, 5> kRoles{{
    {"dedicated", "ded", "sla-99.9", "Dedicated servers", 30000, 1},
    {"vps", "vps", "sla-99.95", "VPS", 1800, 12},
    {"cloud_instance", "pci", "sla-99.99", "Public Cloud instances", 2400, 8},
    {"web_hosting", "web", "sla-99.9", "Web hosting", 600, 40},
    {"private_cloud", "pcc", "sla-99.99", "Private Cloud", 1200, 1},
}};
constexpr int kReferenceServers = 40386;  // the rest of a site's servers host no customer
constexpr int kCustomers = 25000;
constexpr int kRbxServers = 12000;
constexpr int kGraServers = 10000;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Slug(std::string_view text) {
  std::string out = Lower(text);
  for (char& c : out) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
  }
  return out;
}

struct City {
  std::string_view id;
  std::string_view name;
  std::array<std::pair<std::string_view, std::string_view>, 4> names;  // fr, de, es, it
};
constexpr std::array<City, 3> kCities{{
    {"sbg",
     "Strasbourg",
     {{{"fr", "Strasbourg"}, {"de", "Straßburg"}, {"es", "Estrasburgo"}, {"it", "Strasburgo"}}}},
    {"rbx",
     "Roubaix",
     {{{"fr", "Roubaix"}, {"de", "Roubaix"}, {"es", "Roubaix"}, {"it", "Roubaix"}}}},
    {"gra",
     "Gravelines",
     {{{"fr", "Gravelines"}, {"de", "Gravelines"}, {"es", "Gravelines"}, {"it", "Gravelines"}}}},
}};

// Labels of the products the demo's resources have (product records).
struct ProductLabel {
  std::string_view product;
  std::string_view name;
  std::array<std::pair<std::string_view, std::string_view>, 4> names;  // fr, de, es, it
};
constexpr std::array<ProductLabel, 5> kProductLabels{{
    {"dedicated",
     "Dedicated server",
     {{{"fr", "Serveur dédié"},
       {"de", "Dedizierter Server"},
       {"es", "Servidor dedicado"},
       {"it", "Server dedicato"}}}},
    {"vps", "VPS", {{{"fr", "VPS"}, {"de", "VPS"}, {"es", "VPS"}, {"it", "VPS"}}}},
    {"cloud_instance",
     "Cloud instance",
     {{{"fr", "Instance cloud"},
       {"de", "Cloud-Instanz"},
       {"es", "Instancia cloud"},
       {"it", "Istanza cloud"}}}},
    {"web_hosting",
     "Web hosting",
     {{{"fr", "Hébergement web"},
       {"de", "Webhosting"},
       {"es", "Alojamiento web"},
       {"it", "Hosting web"}}}},
    {"private_cloud",
     "Private cloud",
     {{{"fr", "Cloud privé"},
       {"de", "Private Cloud"},
       {"es", "Nube privada"},
       {"it", "Cloud privato"}}}},
}};

// One server with customer resources.
struct Hosted {
  std::string server;
  int role = 0;
  int city = 0;
};

class DemoGenerator {
 public:
  DemoGenerator(Facts facts, uint64_t seed)
      : facts_(std::move(facts)), random_(seed), sites_(builder_) {
    members_.assign(kRoles.size(), std::vector<std::vector<std::string>>(kCities.size()));
  }

  base::Result<DemoInventory> Run() {
    DemoInventory demo;
    std::vector<std::string> sbg = sites_.Generate(Sbg());
    Optical();
    std::vector<std::string> rbx = sites_.Generate(Other(1, kRbxServers, "rbx-backbone"));
    std::vector<std::string> gra = sites_.Generate(Other(2, kGraServers, ""));
    AssignRoles(sbg, 0);
    const size_t sbg_hosted = hosted_.size();
    AssignRoles(rbx, 1);
    AssignRoles(gra, 2);
    Resources();
    Components();
    ProductLabels();
    demo.sbg_servers_by_restore = RestoreOrder(sbg_hosted);
    demo.events = Events();
    demo.inventory = builder_.Build();
    if (!demo.inventory) return base::Internal("demo inventory: " + builder_.errors().ToString());
    return demo;
  }

 private:
  detail::SiteSpec Sbg() const {
    detail::SiteSpec site;
    site.id = "sbg";
    site.name = "Strasbourg";
    for (const auto& [language, name] : kCities[0].names) site.names.emplace_back(language, name);
    site.grid_feeds = facts_.grid_feeds;
    site.shared_breaker = facts_.shared_breaker;
    site.generators = facts_.generator_chains;
    site.ups_strings = facts_.ups_strings;
    site.routing_rooms = facts_.routing_rooms;
    // Not sourced: SBG2 (the tower) holds most servers, SBG1 and SBG4 the rest.
    static constexpr int kPercent[] = {20, 70, 10};
    int left = facts_.sbg_servers;
    for (size_t i = 0; i < facts_.sbg_datacenters.size(); ++i) {
      const std::string& name = facts_.sbg_datacenters[i];
      const bool last = i + 1 == facts_.sbg_datacenters.size();
      const int servers = last ? left : facts_.sbg_servers * kPercent[std::min<size_t>(i, 2)] / 100;
      left -= servers;
      site.datacenters.push_back({Lower(name), name, servers});
    }
    return site;
  }

  static detail::SiteSpec Other(int city, int servers, std::string upstream) {
    const std::string id(kCities[city].id);
    detail::SiteSpec site;
    site.id = id;
    site.name = kCities[city].name;
    for (const auto& [language, name] : kCities[city].names) {
      site.names.emplace_back(language, name);
    }
    site.network_upstream = std::move(upstream);
    for (int d = 1; d <= 3; ++d) {
      site.datacenters.push_back({id + std::to_string(d), Upper(id) + std::to_string(d),
                                  servers / 3 + (d == 1 ? servers % 3 : 0)});
    }
    return site;
  }

  static std::string Upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
  }

  // Roubaix's backbone: each point of presence needs one of its links; the site network
  // needs one point of presence.
  void Optical() {
    const auto pops = static_cast<int>(facts_.points_of_presence.size());
    std::vector<std::vector<std::string>> links(pops);
    for (int i = 1; i <= facts_.optical_links; ++i) {
      const int pop = (i - 1) % pops;
      std::string id = "rbx-optical-" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      NodeSpec spec;
      spec.id = id;
      spec.kind = NodeKind::kOpticalLink;
      spec.site = "rbx";
      const std::string name =
          "Optical link " + std::to_string(i) + " to " + facts_.points_of_presence[pop];
      spec.name = name;
      builder_.AddNode(spec, 0);
      builder_.AddAttribute("gbps", std::to_string(facts_.gbps_each));
      builder_.AddAttribute("pop", facts_.points_of_presence[pop]);
      links[pop].push_back(std::move(id));
    }
    std::vector<std::string> pop_ids;
    for (int p = 0; p < pops; ++p) {
      pop_ids.push_back("rbx-pop-" + Slug(facts_.points_of_presence[p]));
      sites_.Node(pop_ids.back(), NodeKind::kNetwork, 1, links[p],
                  "Point of presence " + facts_.points_of_presence[p]);
    }
    sites_.Node("rbx-backbone", NodeKind::kNetwork, 1, pop_ids, "Roubaix optical backbone");
  }

  void AssignRoles(std::vector<std::string>& servers, int city) {
    for (size_t i = servers.size(); i > 1; --i) {
      std::swap(servers[i - 1], servers[random_.Uniform(static_cast<uint32_t>(i))]);
    }
    size_t next = 0;
    for (size_t role = 0; role < kRoles.size(); ++role) {
      const auto count =
          static_cast<size_t>(int64_t{kRoles[role].per_40386} *
                              static_cast<int64_t>(servers.size()) / kReferenceServers);
      for (size_t i = 0; i < count && next < servers.size(); ++i) {
        hosted_.push_back({servers[next++], static_cast<int>(role), city});
      }
    }
  }

  std::vector<uint32_t> CustomerOfEachResource(size_t total) {
    std::vector<uint32_t> order(total);
    for (uint32_t i = 0; i < total; ++i) order[i] = i;
    for (size_t i = total; i > 1; --i)
      std::swap(order[i - 1], order[random_.Uniform(static_cast<uint32_t>(i))]);
    std::vector<uint32_t> customer(total);
    for (uint32_t p = 0; p < total; ++p) {
      // Each customer owns at least one resource; the rest go mostly to a few customers.
      customer[order[p]] = p < kCustomers
                               ? p
                               : static_cast<uint32_t>(uint64_t{random_.Uniform(kCustomers)} *
                                                       random_.Uniform(kCustomers) / kCustomers);
    }
    return customer;
  }

  void Resources() {
    size_t total = 0;
    for (const Hosted& h : hosted_) total += kRoles[h.role].resources_per_server;
    const std::vector<uint32_t> customer = CustomerOfEachResource(total);
    std::vector<std::vector<int>> counter(kRoles.size(), std::vector<int>(kCities.size(), 0));
    size_t slot = 0;
    for (const Hosted& h : hosted_) {
      const Role& role = kRoles[h.role];
      for (int i = 0; i < role.resources_per_server; ++i) {
        char number[16];
        std::snprintf(number, sizeof number, "%05d", ++counter[h.role][h.city]);
        std::string id =
            std::string(role.prefix) + "-" + std::string(kCities[h.city].id) + "-" + number;
        char customer_id[16];
        std::snprintf(customer_id, sizeof customer_id, "cust-%05u", customer[slot++] + 1);
        NodeSpec spec;
        spec.id = id;
        spec.kind = NodeKind::kResource;
        spec.customer = customer_id;
        spec.product = role.product;
        spec.sla = role.sla;
        builder_.AddNode(spec, 0);
        const std::string_view on[] = {h.server};
        builder_.AddGroup(1, on);
        members_[h.role][h.city].push_back(std::move(id));
      }
    }
  }

  void ProductLabels() {
    for (const ProductLabel& p : kProductLabels) {
      builder_.AddProduct(p.product, p.name, 0);
      for (const auto& [language, name] : p.names) {
        builder_.AddAttribute("name." + std::string(language), name);
      }
    }
  }

  void Components() {
    for (size_t c = 0; c < kCities.size(); ++c) {
      const std::string city(kCities[c].name);
      for (size_t r = 0; r < kRoles.size(); ++r) {
        const std::string id =
            "component-" + std::string(kRoles[r].product) + "-" + std::string(kCities[c].id);
        Component(id, std::string(kRoles[r].component) + " — " + city, city, members_[r][c]);
      }
      Component("component-network-" + std::string(kCities[c].id), "Network — " + city, city,
                {std::string(kCities[c].id) + "-network"});
    }
  }

  void Component(const std::string& id, const std::string& name, const std::string& group,
                 const std::vector<std::string>& members) {
    sites_.Node(id, NodeKind::kComponent, 1, members, name);
    builder_.AddAttribute("group", group);
  }

  std::vector<std::string> RestoreOrder(size_t sbg_hosted);
  std::vector<DemoNodeEvent> Events() const;

  Facts facts_;
  base::SeededRandom random_;
  InventoryBuilder builder_;
  detail::SiteGenerator sites_;
  std::vector<Hosted> hosted_;
  std::vector<std::vector<std::vector<std::string>>> members_;  // [role][city] resource ids
};

std::vector<std::string> DemoGenerator::RestoreOrder(size_t sbg_hosted) {
  // Servers still down 20 hours later, by role: topology.json names them per product.
  const std::map<std::string, std::pair<int, int>> kStillDown{{"dedicated", {0, 1}},
                                                              {"vps", {1, 12}},
                                                              {"cloud_instances", {2, 8}},
                                                              {"private_cloud_hosts", {4, 1}}};
  std::vector<int> tail_left(kRoles.size(), 0);
  for (const auto& [product, count] : facts_.still_down) {
    if (auto it = kStillDown.find(product); it != kStillDown.end()) {
      tail_left[it->second.first] = (count + it->second.second - 1) / it->second.second;
    }
  }
  std::vector<std::string> first, tail;
  for (size_t i = 0; i < sbg_hosted; ++i) {  // hosted_ is already shuffled
    const Hosted& h = hosted_[i];
    if (tail_left[h.role] > 0) {
      --tail_left[h.role];
      tail.push_back(h.server);
    } else {
      first.push_back(h.server);
    }
  }
  for (size_t i = first.size(); i > 1; --i)
    std::swap(first[i - 1], first[random_.Uniform(static_cast<uint32_t>(i))]);
  first.insert(first.end(), tail.begin(), tail.end());
  return first;
}

std::vector<DemoNodeEvent> DemoGenerator::Events() const {
  auto battery = [](int n) { return "sbg-ups-" + std::to_string(n) + "-battery"; };
  std::vector<std::string> gens, batteries, links;
  for (int i = 0; i < facts_.generator_chains; ++i)
    gens.push_back("sbg-gen-" + std::string(1, static_cast<char>('a' + i)));
  for (int i = 1; i <= facts_.ups_strings; ++i) batteries.push_back(battery(i));
  for (int i = 1; i <= facts_.optical_links; ++i) {
    links.push_back("rbx-optical-" + std::string(i < 10 ? "0" : "") + std::to_string(i));
  }
  const Condition down = Condition::kDown, up = Condition::kNormal;
  return {
      {"2017-11-09T06:04:07Z",
       down,
       {"sbg-grid-breaker"},
       "Shared grid breaker trips: both feeds lost"},
      {"2017-11-09T06:04:17Z", down, gens, "Generator chains fail to start"},
      {"2017-11-09T06:12:48Z", down, {battery(6)}, "UPS string 6 battery exhausted"},
      {"2017-11-09T06:15:48Z", down, {battery(5)}, "UPS string 5 battery exhausted"},
      {"2017-11-09T06:17:25Z", down, {battery(2)}, "UPS string 2 battery exhausted"},
      {"2017-11-09T06:18:39Z", down, {battery(1)}, "UPS string 1 battery exhausted"},
      {"2017-11-09T06:19:19Z", down, {battery(4)}, "UPS string 4 battery exhausted"},
      {"2017-11-09T06:21:00Z",
       down,
       {battery(3)},
       "UPS string 3 battery exhausted: routing rooms unpowered"},
      {"2017-11-09T07:01:00Z", down, links, "All Roubaix optical links lost"},
      {"2017-11-09T09:31:00Z", up, links, "Optical configuration reloaded"},
      {"2017-11-09T09:39:00Z", up, {"sbg-grid-breaker"}, "Grid power restored"},
      {"2017-11-09T09:55:00Z", up, gens, "Generators up"},
      {"2017-11-09T11:44:00Z", up, batteries, "Everything back up electrically"},
  };
}

}  // namespace

base::Result<DemoInventory> GenerateDemoInventory(uint64_t seed) {
  PHARE_ASSIGN_OR_RETURN(Facts facts, detail::ReadDemoFacts(DemoTopologyJson()));
  return DemoGenerator(std::move(facts), seed).Run();
}

}  // namespace phare::graph
