// Single points of failure: nodes whose failure alone hurts more than `threshold`
// resources, found by simulating each candidate's failure on a copy of a Propagation's
// state (undone after each candidate). Two rankings:
//
//   hard    the failure alone takes resources down; ranked by resources down.
//   hidden  the failure alone defeats a redundant group: a group with spare members
//           (size > k) becomes unsatisfied because all of them share this upstream, as
//           two grid feeds behind one breaker. Ranked by resources down or left at risk.
//
// Pass a Propagation with nothing reported for the inventory's design weaknesses, or the
// live one to see what has become critical during an incident.
//
// Cost: one down-only sweep per candidate, O(sum over candidates of the nodes their
// failure takes down, and their dependency edges), about O(edges x depth) on a
// hierarchical inventory; plus one full sweep (at-risk included) for the few candidates
// that defeat a group. Chains are shared: a node whose only dependent is up and has no
// spare left without it (its heir) fails exactly as the heir does, so its result is
// derived from the heir's without a sweep; a chain of n nodes costs one sweep, O(n), not
// O(n^2). Fan-outs below shared nodes with spares are still swept per candidate.
// Memory: one copy of the propagation state, and the results of heirs.
//
// Reads `propagation` (copies its state) and leaves it untouched: call it from the
// propagation's owner, or on a copy of it from another thread.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/inventory.h"
#include "graph/kinds.h"
#include "graph/propagation.h"

namespace phare::graph {

struct SpofOptions {
  uint32_t threshold = 0;  // report only what hurts more than this many resources
  uint32_t limit = 100;    // per ranking
  // Candidate kinds; empty means every kind but resources and components.
  std::vector<NodeKind> kinds;
  // Derive a chain link's result from the next one's (see Cost); false: simulate every
  // candidate (tests compare both).
  bool share_chains = true;
};

struct DefeatedGroup {
  NodeIndex owner = 0;  // the node that loses all its redundancy and goes down
  GroupIndex group = 0;
};

struct SinglePoint {
  NodeIndex node = 0;
  uint32_t resources_down = 0;
  uint32_t customers_down = 0;
  uint32_t resources_at_risk = 0;  // computed for hidden points only
  uint32_t defeated_count = 0;
  std::vector<DefeatedGroup> defeated;  // the first few
};

struct SpofReport {
  std::vector<SinglePoint> hard;
  std::vector<SinglePoint> hidden;
  uint32_t candidates = 0;
  uint64_t nodes_evaluated = 0;
};

SpofReport FindSinglePointsOfFailure(const Propagation& propagation,
                                     const SpofOptions& options = {});

}  // namespace phare::graph
