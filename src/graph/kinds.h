// Node kinds, node states and operator conditions of the infrastructure graph, with
// their wire names ("power_feed", "at_risk", ...). Plain enums; no state.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace phare::graph {

enum class NodeKind : uint8_t {
  kRegion,
  kSite,
  kDatacenter,
  kRoom,
  kRack,
  kServer,
  kPowerFeed,
  kBreaker,
  kGenerator,
  kUps,
  kBattery,
  kPdu,
  kCooling,
  kOpticalLink,
  kRouter,
  kSwitch,
  kNetwork,
  kService,
  kLogical,    // an aggregate with no hardware of its own: "grid", "site power bus"
  kComponent,  // a component of the public page ("Dedicated servers — Strasbourg")
  kResource,   // a customer's resource (server, VPS, hosting plan)
};
inline constexpr int kNodeKindCount = 21;

std::string_view ToString(NodeKind kind);  // "power_feed"
std::optional<NodeKind> ParseNodeKind(std::string_view text);
// "region, site, ..." for error messages.
std::string_view NodeKindNames();

// What propagation computes for a node, from best to worst. A node is
//   down      when it is reported down or one of its groups has fewer than k members up;
//   degraded  when it is reported degraded or one of its groups has fewer than k members
//             that are up and not degraded (redundancy masks a degraded member);
//   at_risk   when it still works but a single further failure could take it down: a
//             group has no spare left, or relies on members that are themselves at risk
//             or on standby sources (batteries);
//   up        otherwise.
// A node that is both degraded and at risk shows as degraded.
enum class NodeState : uint8_t { kUp, kAtRisk, kDegraded, kDown };
inline constexpr int kNodeStateCount = 4;

std::string_view ToString(NodeState state);  // "at_risk"
std::optional<NodeState> ParseNodeState(std::string_view text);

// What an operator or a monitor says about one node. kNormal clears an earlier report
// ("restored"): the node's state is then computed from its dependencies alone.
enum class Condition : uint8_t { kNormal, kDegraded, kDown };

std::string_view ToString(Condition condition);  // "down"; kNormal is "restored"
// Accepts "down", "degraded", "restored" (and "normal", "up").
std::optional<Condition> ParseCondition(std::string_view text);

}  // namespace phare::graph
