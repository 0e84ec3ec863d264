#include "app/demo_inventory.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "base/json.h"
#include "graph/demo.h"
#include "service/my_services.h"

namespace phare::app {
namespace {

using Clock = std::chrono::steady_clock;

const model::Actor kDemoActor{"demo"};

int64_t MillisSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// Node ids reported down are given as ids, restored ones as objects.
boost::json::array Reports(std::vector<std::string>::const_iterator begin,
                           std::vector<std::string>::const_iterator end, bool restored) {
  boost::json::array out;
  out.reserve(static_cast<size_t>(end - begin));
  for (auto it = begin; it != end; ++it) {
    if (restored) {
      out.emplace_back(boost::json::object{{"id", *it}, {"state", "restored"}});
    } else {
      out.emplace_back(*it);
    }
  }
  return out;
}

// The timeline's restored share of Strasbourg's servers, by time.
base::Result<std::vector<std::pair<base::Time, double>>> RestoredShares() {
  std::vector<std::pair<base::Time, double>> out;
  std::string_view text = graph::DemoTimelineJsonl();
  while (!text.empty()) {
    const auto eol = text.find('\n');
    const std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    if (line.empty()) continue;
    PHARE_ASSIGN_OR_RETURN(auto value, base::ParseJson(line));
    const auto& o = value.as_object();
    const auto* restored = o.if_contains("restored");
    if (o.at("site") != "SBG" || o.at("kind") != "restore" || !restored) continue;
    const double share = restored->is_number() ? restored->to_number<double>() : 0;
    if (share <= 0) continue;
    PHARE_ASSIGN_OR_RETURN(auto t, base::ParseTime(std::string(o.at("t").as_string())));
    out.emplace_back(t, share);
  }
  return out;
}

// The day's node reports: the generator's events, plus Strasbourg's servers reported
// down when power comes back and restored in the order they came back.
base::Result<std::vector<DemoNodeUpdate>> Updates(const graph::DemoInventory& demo) {
  std::vector<DemoNodeUpdate> out;
  const auto& servers = demo.sbg_servers_by_restore;
  bool servers_down = false;
  for (const auto& e : demo.events) {
    DemoNodeUpdate u;
    PHARE_ASSIGN_OR_RETURN(u.t, base::ParseTime(e.t));
    u.ref = e.nodes.front().substr(0, 3);
    const bool restored = e.condition == graph::Condition::kNormal;
    u.root_nodes = Reports(e.nodes.begin(), e.nodes.end(), restored);
    if (u.ref == "sbg" && restored && !servers_down) {
      // Power back is not servers back: they boot, or need repair, one by one.
      servers_down = true;
      auto down = Reports(servers.begin(), servers.end(), false);
      u.root_nodes.insert(u.root_nodes.end(), down.begin(), down.end());
    }
    out.push_back(std::move(u));
  }
  PHARE_ASSIGN_OR_RETURN(auto shares, RestoredShares());
  size_t done = 0;
  for (const auto& [t, share] : shares) {
    const auto upto = std::min(servers.size(), static_cast<size_t>(share * servers.size()));
    if (upto <= done) continue;
    DemoNodeUpdate u{t, "sbg", Reports(servers.begin() + done, servers.begin() + upto, true)};
    done = upto;
    out.push_back(std::move(u));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.t < b.t; });
  return out;
}

// A customer with a resource on the last server to come back: the day's longest story.
std::string ExampleCustomer(const graph::Inventory& inv, const std::vector<std::string>& order) {
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const auto server = inv.Find(*it);
    if (!server) continue;
    for (graph::GroupIndex g : inv.member_of(*server)) {
      const graph::ResourceIndex r = inv.resource_of(inv.group_owner(g));
      if (r != graph::kNone) return std::string(inv.customer_id(inv.resource_customer(r)));
    }
  }
  return "";
}

}  // namespace

void AppendRootNodes(boost::json::object& incident, const boost::json::array& nodes) {
  boost::json::value& phare = incident["phare"];
  if (!phare.is_object()) phare = boost::json::object();
  boost::json::value& list = phare.as_object()["root_nodes"];
  if (!list.is_array()) list = boost::json::array();
  auto& array = list.as_array();
  array.insert(array.end(), nodes.begin(), nodes.end());
}

base::Result<DemoInventorySetup> SetUpDemoInventory(
    Runtime& rt, const std::map<std::string, std::string>& components) {
  const auto start = Clock::now();
  PHARE_ASSIGN_OR_RETURN(auto demo, graph::GenerateDemoInventory());
  const int64_t generated_ms = MillisSince(start);
  PHARE_ASSIGN_OR_RETURN(auto stored, rt.inventory().Put(kDemoActor, demo.inventory));
  // The page says "Public Cloud — Strasbourg" for the inventory's cloud instances; the
  // other names match.
  for (const char* site : {"sbg", "rbx", "gra"}) {
    auto it = components.find(std::string(site) + "/cloud");
    if (it == components.end()) continue;
    PHARE_RETURN_IF_ERROR(rt.inventory().MapComponent(
        kDemoActor, std::string("component-cloud_instance-") + site, it->second));
  }
  DemoInventorySetup setup;
  PHARE_ASSIGN_OR_RETURN(setup.updates, Updates(demo));
  const std::string customer = ExampleCustomer(*demo.inventory, demo.sbg_servers_by_restore);
  if (!customer.empty()) {
    PHARE_ASSIGN_OR_RETURN(
        auto link, service::CreateCustomerLink(rt.ctx(), rt.inventory(), kDemoActor, customer));
    setup.example_link = link.url;
  }
  spdlog::info(
      "demo: inventory of {} nodes, {} resources, {} customers: generated in {} ms, "
      "stored in {} ms",
      stored.info.nodes, stored.info.resources, stored.info.customers, generated_ms,
      MillisSince(start) - generated_ms);
  return setup;
}

}  // namespace phare::app
