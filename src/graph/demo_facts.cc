#include "graph/demo_facts.h"

#include "base/json.h"

namespace phare::graph::detail {
namespace {

namespace json = boost::json;

base::Result<int> Int(const json::value& v, std::string_view path) {
  if (!v.is_int64()) {
    return base::InvalidArgument("demo topology: " + std::string(path) + " must be an integer");
  }
  return static_cast<int>(v.get_int64());
}

}  // namespace

base::Result<Facts> ReadDemoFacts(std::string_view topology_json) {
  PHARE_ASSIGN_OR_RETURN(json::value root, base::ParseJson(topology_json));
  Facts f;
  try {  // at() throws on a missing key: the embedded file is malformed
    const json::object& sbg = root.at("sites").at("SBG").as_object();
    const json::object& power = sbg.at("power").as_object();
    PHARE_ASSIGN_OR_RETURN(f.sbg_servers, Int(sbg.at("servers"), "SBG.servers"));
    for (const json::value& dc : sbg.at("datacenters").as_array()) {
      f.sbg_datacenters.emplace_back(dc.as_string());
    }
    PHARE_ASSIGN_OR_RETURN(f.grid_feeds, Int(power.at("grid").at("feeds"), "grid.feeds"));
    f.shared_breaker = power.at("grid").as_object().contains("shared_upstream");
    PHARE_ASSIGN_OR_RETURN(f.generator_chains, Int(power.at("generators").at("chains"), "chains"));
    PHARE_ASSIGN_OR_RETURN(f.ups_strings, Int(power.at("ups").at("strings"), "ups.strings"));
    PHARE_ASSIGN_OR_RETURN(f.routing_rooms, Int(sbg.at("routing_rooms"), "routing_rooms"));
    const json::object& optical = root.at("sites").at("RBX").at("optical").as_object();
    PHARE_ASSIGN_OR_RETURN(f.optical_links, Int(optical.at("links"), "optical.links"));
    PHARE_ASSIGN_OR_RETURN(f.gbps_each, Int(optical.at("gbps_each"), "optical.gbps_each"));
    for (const json::value& pop : optical.at("points_of_presence").as_array()) {
      f.points_of_presence.emplace_back(pop.as_string());
    }
    for (const auto& [product, count] :
         root.at("products_on_sbg_still_down_after_20h").as_object()) {
      PHARE_ASSIGN_OR_RETURN(f.still_down[std::string(product)], Int(count, product));
    }
  } catch (const std::exception& e) {
    return base::InvalidArgument(std::string("demo topology: ") + e.what());
  }
  return f;
}

}  // namespace phare::graph::detail
