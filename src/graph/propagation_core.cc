#include "graph/propagation_core.h"

#include <cassert>

namespace phare::graph::detail {

void DirtySet::Reset(uint32_t size) {
  words_.assign((size + 63) / 64, 0);
  summary_.assign((words_.size() + 63) / 64, 0);
  cursor_ = 0;
}

PropagationCore::PropagationCore(const Inventory& inventory) : inv_(&inventory) {
  flags_.assign(inv_->node_count(), 0);
  for (NodeIndex n = 0; n < inv_->node_count(); ++n) {
    if (inv_->standby(n)) flags_[n] = kStandby;
  }
  counters_.resize(inv_->group_count());
  dirty_.Reset(inv_->node_count());
  Recompute();
}

uint8_t PropagationCore::Evaluate(NodeIndex n) const {
  const uint8_t flags = flags_[n];
  bool down = flags & kForcedDown;
  bool at_risk = false;
  bool degraded = flags & kForcedDegraded;
  const IndexRange groups = inv_->groups(n);
  for (GroupIndex g = groups.begin; g < groups.end; ++g) {
    const GroupCounters& c = counters_[g];
    const uint32_t k = inv_->group_k(g);
    down |= c.alive < k;
    // No spare left in a redundant group, or relying on members at risk or on standby.
    at_risk |= (c.alive == k && inv_->group_size(g) > k) || c.safe < k;
    degraded |= c.healthy < k;
  }
  uint8_t out = flags & ~kComputed;
  if (down) return out | kDown;
  if (at_risk) out |= kAtRisk;
  if (degraded) out |= kDegraded;
  return out;
}

void PropagationCore::Recompute() {
  for (NodeIndex n = 0; n < inv_->node_count(); ++n) {
    const IndexRange groups = inv_->groups(n);
    for (GroupIndex g = groups.begin; g < groups.end; ++g) {
      GroupCounters c;
      for (NodeIndex m : inv_->members(g)) {
        const uint8_t f = flags_[m];
        c.alive += f & kDown ? 0 : 1;
        c.safe += f & (kDown | kAtRisk | kStandby) ? 0 : 1;
        c.healthy += f & (kDown | kDegraded) ? 0 : 1;
      }
      counters_[g] = c;
    }
    flags_[n] = Evaluate(n);
  }
  dirty_.Reset(inv_->node_count());
}

void PropagationCore::SetForced(NodeIndex n, uint8_t forced) {
  assert((forced & ~kForced) == 0 && "only reported bits may be forced");
  const uint8_t value = (flags_[n] & ~kForced) | forced;
  if (value != flags_[n]) SetFlags(n, value);
  dirty_.Insert(n);
}

void PropagationCore::StartUndoLog() {
  logging_ = true;
  node_log_.clear();
  group_log_.clear();
}

void PropagationCore::Undo() {
  for (auto it = node_log_.rbegin(); it != node_log_.rend(); ++it) flags_[it->first] = it->second;
  for (auto it = group_log_.rbegin(); it != group_log_.rend(); ++it) {
    counters_[it->first] = it->second;
  }
  node_log_.clear();
  group_log_.clear();
  logging_ = false;
}

}  // namespace phare::graph::detail
