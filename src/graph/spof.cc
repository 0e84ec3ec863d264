#include "graph/spof.h"

#include <algorithm>
#include <optional>

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

// Deep chains: a node that is a member of one group only, of an owner that is up and has
// no spare left in it, fails exactly as that owner (its heir) does, plus the heir's loss
// of that group. Its result is derived from the heir's, so a chain of n such nodes costs
// one simulation and n derivations instead of n simulations of up to n nodes each.
class Chains {
 public:
  Chains(const Propagation& propagation, bool enabled)
      : inv_(propagation.inventory()),
        simulator_(propagation),
        heir_(inv_.node_count(), kNone),
        is_heir_(inv_.node_count(), false),
        down_(inv_.node_count()),
        full_(inv_.node_count()) {
    if (!enabled) return;
    for (NodeIndex u = 0; u < inv_.node_count(); ++u) {
      const auto groups = inv_.member_of(u);
      if (groups.size() != 1 || inv_.resource_of(u) != kNone || propagation.down(u)) continue;
      const NodeIndex v = inv_.group_owner(groups[0]);
      if (propagation.down(v) ||
          propagation.core().counters(groups[0]).alive > inv_.group_k(groups[0])) {
        continue;
      }
      heir_[u] = v;
      is_heir_[v] = true;
    }
  }

  // What failing `n` alone does; down-only unless `with_risk` (as Simulator::FailAlone).
  SinglePoint FailAlone(NodeIndex n, bool with_risk, uint64_t& evaluated) {
    auto& memo = with_risk ? full_ : down_;
    path_.clear();
    NodeIndex at = n;
    while (!memo[at] && heir_[at] != kNone) {
      path_.push_back(at);
      at = heir_[at];
    }
    SinglePoint point = memo[at] ? *memo[at] : simulator_.FailAlone(at, with_risk, evaluated);
    if (is_heir_[at] && !memo[at]) memo[at] = point;
    for (auto it = path_.rbegin(); it != path_.rend(); ++it) {
      point = Through(*it, std::move(point));
      if (is_heir_[*it]) memo[*it] = point;
    }
    return point;
  }

 private:
  // `u`'s result from its heir's.
  SinglePoint Through(NodeIndex u, SinglePoint of_heir) const {
    const GroupIndex g = inv_.member_of(u)[0];
    of_heir.node = u;
    if (inv_.group_size(g) > inv_.group_k(g)) {  // the heir loses a redundant group
      of_heir.defeated.insert(of_heir.defeated.begin(), {heir_[u], g});
      if (of_heir.defeated.size() > kDefeatedKept) of_heir.defeated.pop_back();
      ++of_heir.defeated_count;
    }
    return of_heir;
  }

  const Inventory& inv_;
  Simulator simulator_;
  std::vector<NodeIndex> heir_;  // kNone: no heir
  std::vector<bool> is_heir_;    // results kept for these only
  std::vector<std::optional<SinglePoint>> down_, full_;
  std::vector<NodeIndex> path_;
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
  Chains simulator(propagation, options.share_chains);
  // Heirs have higher indices: from the top, each chain is simulated once, at its end.
  for (NodeIndex n = inv.node_count(); n-- > 0;) {
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
