#include "model/inventory.h"

namespace phare::model {

std::string_view ToString(NodeCondition condition) {
  switch (condition) {
    case NodeCondition::kRestored:
      return "restored";
    case NodeCondition::kDegraded:
      return "degraded";
    case NodeCondition::kDown:
      return "down";
  }
  return "down";
}

std::optional<NodeCondition> ParseNodeCondition(std::string_view text) {
  if (text == "down") return NodeCondition::kDown;
  if (text == "degraded") return NodeCondition::kDegraded;
  if (text == "restored") return NodeCondition::kRestored;
  return std::nullopt;
}

}  // namespace phare::model
