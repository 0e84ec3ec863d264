#include "graph/spof.h"

#include <algorithm>

namespace phare::graph {
namespace {

constexpr size_t kDefeatedKept = 5;

// Fails one node at a time on a private copy of the state, counts, then undoes.
class Simulator {
 public:
  explicit Simulator(const Propagation& propagation)
      : inv_(propagation.inventory()),
        core_(propagation.core()),
        customer_stamp_(inv_.customer_count(), 0) {}

  // Down-only unless `with_risk`, which also counts the resources left at risk.
  SinglePoint FailAlone(NodeIndex v, bool with_risk, uint64_t& evaluated) {
    SinglePoint point;
    point.node = v;
    ++stamp_;
    core_.StartUndoLog();
    core_.SetForced(v, detail::kForcedDown);
    auto visit = [&](NodeIndex n, uint8_t old_flags, uint8_t new_flags) {
      ++evaluated;
      if (!(old_flags & detail::kDown) && (new_flags & detail::kDown)) {
        Down(n, v, point);
      } else if (with_risk && !(new_flags & detail::kDown) && (new_flags & detail::kAtRisk) &&
                 !(old_flags & detail::kAtRisk) && inv_.resource_of(n) != kNone) {
        ++point.resources_at_risk;
      }
    };
    if (with_risk) {
      core_.Propagate(visit);
    } else {
      core_.Propagate<true>(visit);
    }
    core_.Undo();
    return point;
  }

 private:
  void Down(NodeIndex n, NodeIndex failed, SinglePoint& point) {
    if (const ResourceIndex r = inv_.resource_of(n); r != kNone) {
      ++point.resources_down;
      uint32_t& seen = customer_stamp_[inv_.resource_customer(r)];
      if (seen != stamp_) {
        seen = stamp_;
        ++point.customers_down;
      }
    }
    if (n == failed) return;
    const IndexRange groups = inv_.groups(n);
    for (GroupIndex g = groups.begin; g < groups.end; ++g) {
      if (inv_.group_size(g) <= inv_.group_k(g) || core_.counters(g).alive >= inv_.group_k(g)) {
        continue;
      }
      if (point.defeated_count++ < kDefeatedKept) point.defeated.push_back({n, g});
    }
  }

  const Inventory& inv_;
  detail::PropagationCore core_;
  std::vector<uint32_t> customer_stamp_;
  uint32_t stamp_ = 0;
};

bool IsCandidate(const Propagation& propagation, NodeIndex n, const SpofOptions& options) {
  const Inventory& inv = propagation.inventory();
  if (inv.member_of(n).empty() || propagation.down(n)) return false;
  const NodeKind kind = inv.kind(n);
  if (options.kinds.empty()) return kind != NodeKind::kResource && kind != NodeKind::kComponent;
  return std::find(options.kinds.begin(), options.kinds.end(), kind) != options.kinds.end();
}

template <class Less>
void Rank(std::vector<SinglePoint>& points, size_t limit, Less less) {
  const size_t keep = std::min(limit, points.size());
  std::partial_sort(points.begin(), points.begin() + keep, points.end(), less);
  points.resize(keep);
}

}  // namespace

SpofReport FindSinglePointsOfFailure(const Propagation& propagation, const SpofOptions& options) {
  const Inventory& inv = propagation.inventory();
  SpofReport report;
  Simulator simulator(propagation);
  for (NodeIndex n = 0; n < inv.node_count(); ++n) {
    if (!IsCandidate(propagation, n, options)) continue;
    ++report.candidates;
    SinglePoint point = simulator.FailAlone(n, false, report.nodes_evaluated);
    if (point.defeated_count > 0) {
      SinglePoint full = simulator.FailAlone(n, true, report.nodes_evaluated);
      if (full.resources_down + full.resources_at_risk > options.threshold) {
        report.hidden.push_back(std::move(full));
      }
    }
    if (point.resources_down > options.threshold) report.hard.push_back(std::move(point));
  }
  Rank(report.hard, options.limit, [](const SinglePoint& a, const SinglePoint& b) {
    if (a.resources_down != b.resources_down) return a.resources_down > b.resources_down;
    if (a.customers_down != b.customers_down) return a.customers_down > b.customers_down;
    return a.node < b.node;
  });
  Rank(report.hidden, options.limit, [](const SinglePoint& a, const SinglePoint& b) {
    const uint64_t ha = uint64_t{a.resources_down} + a.resources_at_risk;
    const uint64_t hb = uint64_t{b.resources_down} + b.resources_at_risk;
    return ha != hb ? ha > hb : a.node < b.node;
  });
  return report;
}

}  // namespace phare::graph
