// Internal to the demo: the counts read from topology.json (see data/graph/ovh-2017-11-09).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace phare::graph::detail {

struct Facts {
  int sbg_servers = 0;
  std::vector<std::string> sbg_datacenters;
  int grid_feeds = 0;
  bool shared_breaker = false;
  int generator_chains = 0;
  int ups_strings = 0;
  int routing_rooms = 0;
  int optical_links = 0;
  int gbps_each = 0;
  std::vector<std::string> points_of_presence;
  std::map<std::string, int> still_down;  // products_on_sbg_still_down_after_20h
};

// InvalidArgument naming what is missing or mistyped.
base::Result<Facts> ReadDemoFacts(std::string_view topology_json);

}  // namespace phare::graph::detail
