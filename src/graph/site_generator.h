// Internal to the generators (demo.h, synthetic.h): emits one site's infrastructure into
// an InventoryBuilder: power (grid feeds, optionally behind one shared breaker,
// generator chains, UPS strings each bridged by a standby battery), routing rooms with
// routers, datacenters, rooms fed by two UPS strings, racks and servers.
//
//   <site>-grid-breaker -> <site>-grid-feed-N -> <site>-grid (k=1)      -> <site>-power (k=1)
//   <site>-gen-X                              -> <site>-generators (k=1) ->
//   <site>-power + <site>-ups-N-battery (standby) -> <site>-ups-N (k=1)
//   <site>-ups-* (k=1) -> <site>-routing-room-N -> <site>-router-N -> <site>-network (k=1)
//   <site> -> <dc> ; <dc> + 2 UPS (k=1) + <site>-network -> <dc>-rNN -> <dc>-rNN-kNNN -> -sNN
#pragma once

#include <string>
#include <vector>

#include "graph/builder.h"

namespace phare::graph::detail {

struct DatacenterSpec {
  std::string id;    // "sbg1"
  std::string name;  // "SBG1"
  int servers = 0;
};

struct SiteSpec {
  std::string id;    // "sbg"
  std::string name;  // "Strasbourg"
  std::vector<std::pair<std::string, std::string>>
      names;  // in other languages: {"de", "Straßburg"}
  int grid_feeds = 2;
  bool shared_breaker = false;
  int generators = 2;
  int ups_strings = 4;
  int routing_rooms = 2;
  int servers_per_rack = 40;
  int racks_per_room = 25;
  std::string network_upstream;  // optional node id the site network also needs
  std::vector<DatacenterSpec> datacenters;
};

class SiteGenerator {
 public:
  explicit SiteGenerator(InventoryBuilder& builder) : builder_(builder) {}

  // Emits the site; returns its server ids in order.
  std::vector<std::string> Generate(const SiteSpec& site);

  // Emits one node with at most one group; for the generators' other nodes.
  void Node(const std::string& id, NodeKind kind, uint32_t k,
            const std::vector<std::string>& members, std::string_view name = {},
            std::string_view site = {}, bool standby = false);

 private:
  void Power(const SiteSpec& site);
  void Network(const SiteSpec& site);
  void Datacenter(const SiteSpec& site, const DatacenterSpec& dc, int& room_number,
                  std::vector<std::string>& servers);

  InventoryBuilder& builder_;
  std::vector<std::string_view> members_;
};

}  // namespace phare::graph::detail
