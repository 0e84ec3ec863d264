// The infrastructure inventory as the store keeps it, what operators and monitors
// report about its nodes during incidents, and customers' "my services" links.
// The graph itself lives in src/graph; these are the plain records around it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"

namespace phare::model {

// One stored inventory; its canonical form (graph::SerializeInventory) is kept apart.
struct InventoryInfo {
  int64_t id = 0;
  base::Time created_at{};
  std::string actor;
  std::string sha256;  // lower-case hex of the canonical form
  int64_t nodes = 0;
  int64_t resources = 0;
  int64_t customers = 0;
  int64_t bytes = 0;  // size of the canonical form
};

// What was said about a node, from best to worst. kRestored clears earlier reports.
enum class NodeCondition : uint8_t { kRestored, kDegraded, kDown };
std::string_view ToString(NodeCondition condition);  // "restored", "degraded", "down"
std::optional<NodeCondition> ParseNodeCondition(std::string_view text);

// The latest report on one node within one incident.
struct NodeReport {
  std::string incident_id;
  std::string node_id;
  NodeCondition condition = NodeCondition::kDown;
  NodeCondition worst = NodeCondition::kDown;  // the worst reported during the incident
  base::Time reported_at{};
};

// A customer's private "my services" link. Only the token's hash is stored.
struct CustomerLink {
  std::string id;
  std::string customer_id;
  std::string hash;  // BLAKE2b-256 of the token
  base::Time created_at{};
  std::optional<base::Time> revoked_at;
};

inline constexpr size_t kMaxCustomerIdBytes = 128;

}  // namespace phare::model
