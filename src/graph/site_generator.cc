#include "graph/site_generator.h"

#include <cstdio>

namespace phare::graph::detail {
namespace {

std::string Num(int n, int width) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", width, n);
  return buffer;
}

}  // namespace

void SiteGenerator::Node(const std::string& id, NodeKind kind, uint32_t k,
                         const std::vector<std::string>& members, std::string_view name,
                         std::string_view site, bool standby) {
  NodeSpec spec;
  spec.id = id;
  spec.kind = kind;
  spec.name = name;
  spec.site = site;
  spec.standby = standby;
  builder_.AddNode(spec, 0);
  if (members.empty()) return;
  members_.assign(members.begin(), members.end());
  builder_.AddGroup(k, members_);
}

void SiteGenerator::Power(const SiteSpec& s) {
  const std::string& id = s.id;
  std::vector<std::string> feeds, gens;
  if (s.shared_breaker) {
    Node(id + "-grid-breaker", NodeKind::kBreaker, 0, {},
         "Grid operator breaker upstream of both feeds", id);
  }
  for (int i = 1; i <= s.grid_feeds; ++i) {
    feeds.push_back(id + "-grid-feed-" + std::to_string(i));
    if (s.shared_breaker) {
      Node(feeds.back(), NodeKind::kPowerFeed, 1, {id + "-grid-breaker"},
           "Grid feed " + std::to_string(i));
    } else {
      Node(feeds.back(), NodeKind::kPowerFeed, 0, {}, "Grid feed " + std::to_string(i), id);
    }
  }
  Node(id + "-grid", NodeKind::kLogical, 1, feeds, "Grid supply");
  for (int i = 0; i < s.generators; ++i) {
    gens.push_back(id + "-gen-" + std::string(1, static_cast<char>('a' + i)));
    Node(gens.back(), NodeKind::kGenerator, 0, {},
         "Generator chain " + gens.back().substr(gens.back().size() - 1), id);
  }
  Node(id + "-generators", NodeKind::kLogical, 1, gens, "Generators");
  Node(id + "-power", NodeKind::kLogical, 1, {id + "-grid", id + "-generators"}, "Site power");
  for (int i = 1; i <= s.ups_strings; ++i) {
    const std::string ups_id = id + "-ups-" + std::to_string(i);
    Node(ups_id + "-battery", NodeKind::kBattery, 0, {},
         "UPS string " + std::to_string(i) + " battery", id, /*standby=*/true);
    Node(ups_id, NodeKind::kUps, 1, {id + "-power", ups_id + "-battery"},
         "UPS string " + std::to_string(i));
  }
}

void SiteGenerator::Network(const SiteSpec& s) {
  std::vector<std::string> ups, routers;
  for (int i = 1; i <= s.ups_strings; ++i) ups.push_back(s.id + "-ups-" + std::to_string(i));
  for (int i = 1; i <= s.routing_rooms; ++i) {
    const std::string room = s.id + "-routing-room-" + std::to_string(i);
    NodeSpec spec;
    spec.id = room;
    spec.kind = NodeKind::kRoom;
    const std::string name = "Routing room " + std::to_string(i);
    spec.name = name;
    builder_.AddNode(spec, 0);
    const std::string_view site[] = {s.id};
    builder_.AddGroup(1, site);
    members_.assign(ups.begin(), ups.end());
    builder_.AddGroup(1, members_);
    routers.push_back(s.id + "-router-" + std::to_string(i));
    Node(routers.back(), NodeKind::kRouter, 1, {room}, "Router " + std::to_string(i));
  }
  const std::string network = s.id + "-network";
  NodeSpec spec;
  spec.id = network;
  spec.kind = NodeKind::kNetwork;
  spec.name = "Site network";
  builder_.AddNode(spec, 0);
  members_.assign(routers.begin(), routers.end());
  builder_.AddGroup(1, members_);
  if (!s.network_upstream.empty()) {
    const std::string_view upstream[] = {s.network_upstream};
    builder_.AddGroup(1, upstream);
  }
}

void SiteGenerator::Datacenter(const SiteSpec& s, const DatacenterSpec& dc, int& room_number,
                               std::vector<std::string>& servers) {
  Node(dc.id, NodeKind::kDatacenter, 1, {s.id}, dc.name);
  const int per_room = s.servers_per_rack * s.racks_per_room;
  for (int first = 0, room = 1; first < dc.servers; first += per_room, ++room, ++room_number) {
    const std::string room_id = dc.id + "-r" + Num(room, 2);
    NodeSpec spec;
    spec.id = room_id;
    spec.kind = NodeKind::kRoom;
    builder_.AddNode(spec, 0);
    const std::string_view datacenter[] = {dc.id};
    builder_.AddGroup(1, datacenter);
    const int a = (room_number * 2) % s.ups_strings + 1;
    const int b = (room_number * 2 + 1) % s.ups_strings + 1;
    const std::string ups_a = s.id + "-ups-" + std::to_string(a);
    const std::string ups_b = s.id + "-ups-" + std::to_string(b);
    const std::string_view ups[] = {ups_a, ups_b};
    builder_.AddGroup(1, {ups, a == b ? 1u : 2u});
    const std::string network = s.id + "-network";
    const std::string_view net[] = {network};
    builder_.AddGroup(1, net);
    const int in_room = std::min(per_room, dc.servers - first);
    for (int i = 0; i < in_room; ++i) {
      const int rack = i / s.servers_per_rack + 1;
      const std::string rack_id = room_id + "-k" + Num(rack, 3);
      if (i % s.servers_per_rack == 0) Node(rack_id, NodeKind::kRack, 1, {room_id});
      servers.push_back(rack_id + "-s" + Num(i % s.servers_per_rack + 1, 2));
      Node(servers.back(), NodeKind::kServer, 1, {rack_id});
    }
  }
}

std::vector<std::string> SiteGenerator::Generate(const SiteSpec& s) {
  Node(s.id, NodeKind::kSite, 0, {}, s.name);
  for (const auto& [language, name] : s.names) builder_.AddAttribute("name." + language, name);
  Power(s);
  Network(s);
  std::vector<std::string> servers;
  int room_number = 0;
  for (const DatacenterSpec& dc : s.datacenters) Datacenter(s, dc, room_number, servers);
  return servers;
}

}  // namespace phare::graph::detail
