#include "graph/kinds.h"

#include <array>

namespace phare::graph {
namespace {

constexpr std::array<std::string_view, kNodeKindCount> kKindNames{
    "region",  "site",      "datacenter", "room",    "rack",    "server",    "power_feed",
    "breaker", "generator", "ups",        "battery", "pdu",     "cooling",   "optical_link",
    "router",  "switch",    "network",    "service", "logical", "component", "resource",
};

constexpr std::array<std::string_view, kNodeStateCount> kStateNames{"up", "at_risk", "degraded",
                                                                    "down"};

}  // namespace

std::string_view ToString(NodeKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

std::optional<NodeKind> ParseNodeKind(std::string_view text) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == text) return static_cast<NodeKind>(i);
  }
  return std::nullopt;
}

std::string_view NodeKindNames() {
  return "region, site, datacenter, room, rack, server, power_feed, breaker, generator, ups, "
         "battery, pdu, cooling, optical_link, router, switch, network, service, logical, "
         "component, resource";
}

std::string_view ToString(NodeState state) { return kStateNames[static_cast<size_t>(state)]; }

std::optional<NodeState> ParseNodeState(std::string_view text) {
  for (size_t i = 0; i < kStateNames.size(); ++i) {
    if (kStateNames[i] == text) return static_cast<NodeState>(i);
  }
  return std::nullopt;
}

std::string_view ToString(Condition condition) {
  switch (condition) {
    case Condition::kDown:
      return "down";
    case Condition::kDegraded:
      return "degraded";
    case Condition::kNormal:
      break;
  }
  return "restored";
}

std::optional<Condition> ParseCondition(std::string_view text) {
  if (text == "down") return Condition::kDown;
  if (text == "degraded") return Condition::kDegraded;
  if (text == "restored" || text == "normal" || text == "up") return Condition::kNormal;
  return std::nullopt;
}

}  // namespace phare::graph
