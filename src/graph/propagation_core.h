// Internal to propagation and the single-point-of-failure search: node flags, group
// counters and the forward sweep that brings them up to date after some nodes' reported
// conditions change. Node indices follow dependency order (inventory.h), so one sweep
// in increasing index order evaluates each affected node once, after all its members.
#pragma once

#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

#include "graph/inventory.h"
#include "graph/kinds.h"

namespace phare::graph::detail {

// Node flags.
inline constexpr uint8_t kForcedDown = 1;      // reported down
inline constexpr uint8_t kForcedDegraded = 2;  // reported degraded
inline constexpr uint8_t kDown = 4;            // computed
inline constexpr uint8_t kAtRisk = 8;          // computed
inline constexpr uint8_t kDegraded = 16;       // computed
inline constexpr uint8_t kStandby = 32;        // static: the node is a standby source
inline constexpr uint8_t kComputed = kDown | kAtRisk | kDegraded;
inline constexpr uint8_t kForced = kForcedDown | kForcedDegraded;

inline NodeState StateOf(uint8_t flags) {
  if (flags & kDown) return NodeState::kDown;
  if (flags & kDegraded) return NodeState::kDegraded;
  if (flags & kAtRisk) return NodeState::kAtRisk;
  return NodeState::kUp;
}

// Per group: members up (alive), up and neither at risk nor standby (safe), up and not
// degraded (healthy).
struct GroupCounters {
  uint32_t alive = 0;
  uint32_t safe = 0;
  uint32_t healthy = 0;
  bool operator==(const GroupCounters&) const = default;
};

// A set of node indices popped in increasing order: a bitmap plus a summary bitmap of
// its non-empty words, so finding the next index skips 4096 absent ones per word read.
class DirtySet {
 public:
  void Reset(uint32_t size);
  void Insert(uint32_t i) {
    const uint32_t w = i >> 6;
    words_[w] |= uint64_t{1} << (i & 63);
    summary_[w >> 6] |= uint64_t{1} << (w & 63);
    if ((w >> 6) < cursor_) cursor_ = w >> 6;
  }
  bool PopMin(uint32_t& out) {
    for (; cursor_ < summary_.size(); ++cursor_) {
      uint64_t& s = summary_[cursor_];
      if (s == 0) continue;
      const uint32_t w = (cursor_ << 6) | static_cast<uint32_t>(std::countr_zero(s));
      uint64_t& word = words_[w];
      out = (w << 6) | static_cast<uint32_t>(std::countr_zero(word));
      word &= word - 1;
      if (word == 0) s &= s - 1;
      return true;
    }
    return false;
  }

 private:
  std::vector<uint64_t> words_;
  std::vector<uint64_t> summary_;
  uint32_t cursor_ = 0;
};

class PropagationCore {
 public:
  explicit PropagationCore(const Inventory& inventory);

  const Inventory& inventory() const { return *inv_; }
  uint8_t flags(NodeIndex n) const { return flags_[n]; }
  const GroupCounters& counters(GroupIndex g) const { return counters_[g]; }

  // Recomputes every flag and counter from the reported conditions alone.
  void Recompute();
  // Sets the reported bits (kForcedDown, kForcedDegraded) of `n`; Propagate() applies them.
  void SetForced(NodeIndex n, uint8_t forced);
  // Re-evaluates the queued nodes and everything that depends on them, calling
  // visit(node, old_flags, new_flags) for each node evaluated, in index order.
  // kDownOnly computes only kDown (at-risk and degraded bits go stale): for what-if
  // sweeps that are undone afterwards.
  template <bool kDownOnly = false, class Visit>
  void Propagate(Visit&& visit);

  // Between StartUndoLog() and Undo(), every change is logged; Undo() reverts them all.
  void StartUndoLog();
  void Undo();

 private:
  uint8_t Evaluate(NodeIndex n) const;
  bool EvaluateDown(NodeIndex n) const {
    if (flags_[n] & kForcedDown) return true;
    const IndexRange groups = inv_->groups(n);
    for (GroupIndex g = groups.begin; g < groups.end; ++g) {
      if (counters_[g].alive < inv_->group_k(g)) return true;
    }
    return false;
  }
  void SetFlags(NodeIndex n, uint8_t value) {
    if (logging_) node_log_.emplace_back(n, flags_[n]);
    flags_[n] = value;
  }

  const Inventory* inv_;
  std::vector<uint8_t> flags_;
  std::vector<GroupCounters> counters_;
  DirtySet dirty_;
  bool logging_ = false;
  std::vector<std::pair<NodeIndex, uint8_t>> node_log_;
  std::vector<std::pair<GroupIndex, GroupCounters>> group_log_;
};

template <bool kDownOnly, class Visit>
void PropagationCore::Propagate(Visit&& visit) {
  NodeIndex n;
  while (dirty_.PopMin(n)) {
    const uint8_t old_flags = flags_[n];
    const uint8_t new_flags =
        kDownOnly ? static_cast<uint8_t>((old_flags & ~kDown) | (EvaluateDown(n) ? kDown : 0))
                  : Evaluate(n);
    if (old_flags != new_flags) SetFlags(n, new_flags);
    const uint8_t changed = (old_flags ^ new_flags) & kComputed;
    if (changed) {
      const int alive = (new_flags & kDown ? 0 : 1) - (old_flags & kDown ? 0 : 1);
      const int safe = (new_flags & (kDown | kAtRisk | kStandby) ? 0 : 1) -
                       (old_flags & (kDown | kAtRisk | kStandby) ? 0 : 1);
      const int healthy =
          (new_flags & (kDown | kDegraded) ? 0 : 1) - (old_flags & (kDown | kDegraded) ? 0 : 1);
      for (GroupIndex g : inv_->member_of(n)) {
        GroupCounters& c = counters_[g];
        if (logging_) group_log_.emplace_back(g, c);
        c.alive += alive;
        c.safe += safe;
        c.healthy += healthy;
        dirty_.Insert(inv_->group_owner(g));
      }
    }
    visit(n, old_flags, new_flags);
  }
}

}  // namespace phare::graph::detail
