// The demo inventory of 9 November 2017, generated from the topology facts of
// data/graph/ovh-2017-11-09/topology.json (embedded at build time): Strasbourg (SBG,
// 40,386 servers in SBG1, SBG2, SBG4; two grid feeds behind one shared breaker at the
// operator, two generator chains, six UPS strings bridged by batteries, two routing
// rooms), Roubaix (RBX, whose network needs its 44 optical 100G links to six points of
// presence) and Gravelines (GRA, healthy). About 25,000 customers own dedicated
// servers, VPS, cloud instances, web hosting and private-cloud hosts; each product and
// site is a component of the public page ("Dedicated servers — Strasbourg").
//
// `events` maps the timeline's failures and restorations (timeline.jsonl, by time) to
// the node ids to report down or restored, so a replay tells the day's story: breaker,
// generators, UPS batteries one by one (rooms go at risk, then down), the optical links.
// Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/inventory.h"
#include "graph/kinds.h"

namespace phare::graph {

struct DemoNodeEvent {
  std::string t;                           // the timeline event's "t" (RFC 3339, UTC)
  Condition condition = Condition::kDown;  // kDown, or kNormal for a restoration
  std::vector<std::string> nodes;
  std::string what;
};

struct DemoInventory {
  std::shared_ptr<const Inventory> inventory;
  std::vector<DemoNodeEvent> events;  // in time order
  // SBG servers hosting customer resources, in the order they came back once power
  // returned; the last ones are what was still down 20 hours later (710 dedicated
  // servers, hosts of 903 cloud instances and 2,400 VPS, 170 private-cloud hosts). A
  // replay may report them down at 09:39 and restore them as `restored` grows.
  std::vector<std::string> sbg_servers_by_restore;
};

inline constexpr uint64_t kDemoSeed = 20171109;

// InvalidArgument if the embedded topology is malformed (a build problem).
base::Result<DemoInventory> GenerateDemoInventory(uint64_t seed = kDemoSeed);

// The embedded copies of data/graph/ovh-2017-11-09/topology.json and timeline.jsonl.
std::string_view DemoTopologyJson();
std::string_view DemoTimelineJsonl();

}  // namespace phare::graph
