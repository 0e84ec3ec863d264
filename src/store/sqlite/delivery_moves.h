// Moving deliveries between states, shared by tx_deliveries.cc and tx_dead_letters.cc
// (internal to the SQLite backend): the states as stored, the delivery_counts deltas of
// a transaction, and the state changes themselves.
#pragma once

#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "base/status.h"
#include "base/time.h"
#include "model/subscriber.h"
#include "store/sqlite/db.h"

namespace phare::store::sqlite {

inline constexpr int kPending = static_cast<int>(model::DeliveryState::kPending);
inline constexpr int kLeased = static_cast<int>(model::DeliveryState::kLeased);
inline constexpr int kDelivered = static_cast<int>(model::DeliveryState::kDelivered);
inline constexpr int kDead = static_cast<int>(model::DeliveryState::kDead);
inline constexpr int kSkipped = static_cast<int>(model::DeliveryState::kSkipped);

// Changes to delivery_counts made by one transaction, applied once at its end.
class CountDeltas {
 public:
  void Move(int channel, int from, int to) {
    if (from >= 0) deltas_[{channel, from}] -= 1;
    deltas_[{channel, to}] += 1;
  }
  base::Status Apply(Connection& conn) const {
    PHARE_ASSIGN_OR_RETURN(
        Statement * s,
        conn.Prepare("INSERT INTO delivery_counts (channel, state, n) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT (channel, state) DO UPDATE SET n = n + excluded.n"));
    for (const auto& [key, delta] : deltas_) {
      if (delta == 0) continue;
      s->Bind(1, key.first).Bind(2, key.second).Bind(3, delta);
      PHARE_RETURN_IF_ERROR(s->Run());
    }
    return base::Status::Ok();
  }

 private:
  std::map<std::pair<int, int>, int64_t> deltas_;
};

// Sets one delivery's state; with `only_from`, only if it is in that state. Returns
// whether the row changed. `ignore_conflict`: a pending row that would break the
// one-pending-per-(subscriber, incident) rule is left unchanged (false).
base::Result<bool> SetState(Connection& conn, int64_t id, int state, base::Time due_at,
                            std::optional<std::string_view> error, int only_from,
                            bool ignore_conflict = false);

// Makes a delivery pending again; when a newer pending delivery of the same incident
// holds its place, it is skipped instead. Returns the state it ended in, or -1 if it
// was not in `from`.
base::Result<int> Requeue(Connection& conn, int64_t id, int from, base::Time due_at,
                          std::optional<std::string_view> error);

}  // namespace phare::store::sqlite
