// The demo's infrastructure: the inventory of 9 November 2017 (graph::GenerateDemoInventory)
// stored as the page's inventory, its component nodes shown as the demo's page
// components, and that day's node reports as replay steps on the Strasbourg and Roubaix
// incidents: the breaker, generators and UPS batteries, the optical links, then the
// Strasbourg servers reported down when power returns and restored as the timeline's
// restored share grows. Used by demo.cc only.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "app/runtime.h"

namespace phare::app {

// Node reports for one of the script's incidents at one instant.
struct DemoNodeUpdate {
  base::Time t{};
  std::string ref;                // the script's incident: "sbg" or "rbx"
  boost::json::array root_nodes;  // as phare.root_nodes takes them
};

struct DemoInventorySetup {
  std::vector<DemoNodeUpdate> updates;  // in time order
  std::string example_link;             // "my services" of a customer hit in Strasbourg
};

// Generates and stores the inventory, maps its component nodes to `components`
// ("sbg/cloud" → page component id, as the demo seeds them) and makes one example link.
base::Result<DemoInventorySetup> SetUpDemoInventory(
    Runtime& rt, const std::map<std::string, std::string>& components);

// Adds `nodes` to the incident object's phare.root_nodes.
void AppendRootNodes(boost::json::object& incident, const boost::json::array& nodes);

// Folds `updates` into the script's `events` (each with t, ref and an incident object,
// empty for events that are not incident writes):
// into the event of the same incident at the same time, into its creation when earlier
// (the day's first failures precede the declaration), else as a new event; then keeps
// the events in time order.
template <class Event>
void MergeNodeUpdates(const std::vector<DemoNodeUpdate>& updates, std::vector<Event>& events) {
  for (const auto& u : updates) {
    Event* target = nullptr;
    Event* created = nullptr;
    for (auto& e : events) {
      if (e.ref != u.ref || e.incident.empty()) continue;  // not another kind of event
      if (!created) created = &e;
      if (e.t == u.t) {
        target = &e;
        break;
      }
    }
    if (!target && created && u.t < created->t) target = created;
    if (target) {
      AppendRootNodes(target->incident, u.root_nodes);
    } else {
      boost::json::object incident;
      AppendRootNodes(incident, u.root_nodes);
      events.push_back(Event{u.t, u.ref, std::move(incident)});
    }
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.t < b.t; });
}

}  // namespace phare::app
