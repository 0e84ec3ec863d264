// SqliteTx: the dead letters of the notification outbox: listed for operators, and
// retried (all, those of a channel, or one).
#include <set>

#include "store/sqlite/delivery_moves.h"
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {

namespace {

struct Retried {
  size_t dead = 0;      // dead letters found
  int64_t pending = 0;  // made pending (the others: skipped, a newer one being pending)
};

// Retries the dead letters `select` yields (id, channel, subscriber): each becomes
// pending at `now` (or skipped when a newer one of its incident is pending), its
// attempts start over, and its quarantined subscriber is active again.
base::Result<Retried> RetryDead(Connection& conn, Statement& select, base::Time now) {
  struct Dead {
    int64_t id, subscriber;
    int channel;
  };
  std::vector<Dead> dead;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    dead.push_back({select.Int(0), select.Int(2), static_cast<int>(select.Int(1))});
  }
  PHARE_ASSIGN_OR_RETURN(
      Statement * restore,
      conn.Prepare("UPDATE subscribers SET state = 'active', quarantined_at = NULL, "
                   "dead_letters = 0 WHERE seq = ?1 AND state = 'quarantined'"));
  PHARE_ASSIGN_OR_RETURN(Statement * attempts,
                         conn.Prepare("UPDATE deliveries SET attempts = 0 WHERE id = ?1"));
  CountDeltas deltas;
  std::set<int64_t> subscribers;
  int64_t retried = 0;
  for (const auto& d : dead) {
    PHARE_ASSIGN_OR_RETURN(int ended, Requeue(conn, d.id, kDead, now, std::nullopt));
    if (ended < 0) continue;
    deltas.Move(d.channel, kDead, ended);
    if (ended != kPending) continue;
    ++retried;
    attempts->Bind(1, d.id);
    PHARE_RETURN_IF_ERROR(attempts->Run());
    if (subscribers.insert(d.subscriber).second) {
      restore->Bind(1, d.subscriber);
      PHARE_RETURN_IF_ERROR(restore->Run());
    }
  }
  PHARE_RETURN_IF_ERROR(deltas.Apply(conn));
  return Retried{dead.size(), retried};
}

}  // namespace

base::Result<int64_t> SqliteTx::RetryDeadDeliveries(base::Time now,
                                                    std::optional<model::Channel> channel) {
  std::string sql = "SELECT id, channel, subscriber FROM deliveries WHERE state = 3";
  if (channel) sql += " AND channel = ?1";
  // Newest first: of several dead letters for one incident, the latest is retried.
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare(sql + " ORDER BY id DESC"));
  if (channel) s->Bind(1, static_cast<int>(*channel));
  PHARE_ASSIGN_OR_RETURN(auto retried, RetryDead(conn_, *s, now));
  return retried.pending;
}

base::Status SqliteTx::RetryDeadDelivery(base::Time now, int64_t id) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT id, channel, subscriber FROM deliveries WHERE state = 3 AND id = ?1"));
  s->Bind(1, id);
  PHARE_ASSIGN_OR_RETURN(auto retried, RetryDead(conn_, *s, now));
  if (retried.dead == 0) {
    return base::NotFound("delivery " + std::to_string(id) + " is not a dead letter");
  }
  return base::Status::Ok();
}

base::Result<std::vector<DeadLetter>> SqliteTx::ListDeadDeliveries(size_t limit) {
  static_assert(static_cast<int>(model::DeliveryState::kDead) == 3);
  // Through the partial index deliveries_dead (state = 3): never a scan of the outbox.
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT d.id, d.channel, COALESCE(s.id, ''), COALESCE(s.address, ''), "
                    "d.incident_id, d.attempts, d.due_at, COALESCE(d.last_error, '') "
                    "FROM deliveries d LEFT JOIN subscribers s ON s.seq = d.subscriber "
                    "WHERE d.state = 3 ORDER BY d.id DESC LIMIT ?1"));
  s->Bind(1, static_cast<int64_t>(limit));
  std::vector<DeadLetter> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    DeadLetter d;
    d.id = s->Int(0);
    d.channel = static_cast<model::Channel>(s->Int(1));
    d.subscriber_id = s->Text(2);
    d.address = s->Text(3);
    d.incident_id = s->Text(4);
    d.attempts = static_cast<int>(s->Int(5));
    d.failed_at = base::FromMillis(s->Int(6));
    d.last_error = s->Text(7);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace phare::store::sqlite
