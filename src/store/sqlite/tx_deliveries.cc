// SqliteTx: the deliveries of the notification outbox, their leases and outcomes, and
// the counts by channel and state that every transition keeps exact.
#include "store/sqlite/delivery_moves.h"
#include "store/sqlite/notify_rows.h"
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {

base::Result<bool> SetState(Connection& conn, int64_t id, int state, base::Time due_at,
                            std::optional<std::string_view> error, int only_from,
                            bool ignore_conflict) {
  const std::string verb = ignore_conflict ? "UPDATE OR IGNORE" : "UPDATE";
  PHARE_ASSIGN_OR_RETURN(
      Statement * s, conn.Prepare(verb + " deliveries SET state = ?2, due_at = ?3, last_error = ?4 "
                                         "WHERE id = ?1 AND state = ?5"));
  s->Bind(1, id).Bind(2, state).Bind(3, base::ToMillis(due_at));
  if (error) {
    s->Bind(4, *error);
  } else {
    s->BindNull(4);
  }
  s->Bind(5, only_from);
  PHARE_RETURN_IF_ERROR(s->Run());
  return s->Changes() > 0;
}

base::Result<int> Requeue(Connection& conn, int64_t id, int from, base::Time due_at,
                          std::optional<std::string_view> error) {
  PHARE_ASSIGN_OR_RETURN(bool pending, SetState(conn, id, kPending, due_at, error, from, true));
  if (pending) return kPending;
  PHARE_ASSIGN_OR_RETURN(bool skipped,
                         SetState(conn, id, kSkipped, due_at, "replaced by a newer update", from));
  return skipped ? kSkipped : -1;
}

namespace {

using model::DeliveryState;

std::string LeaseSql(bool wait_for_jobs) {
  std::string sql =
      "SELECT d.id, d.job_id, d.variant_id, d.incident_id, d.channel, d.attempts, "
      "COALESCE(j.update_id, ''), s.seq IS NOT NULL, " +
      SubscriberColumns("s.") +
      " FROM deliveries d LEFT JOIN subscribers s ON s.seq = d.subscriber "
      "LEFT JOIN notify_jobs j ON j.id = d.job_id "
      "WHERE d.state < 2 AND d.state = ?1 AND d.due_at <= ?2";
  if (wait_for_jobs) {
    sql +=
        " AND NOT EXISTS (SELECT 1 FROM notify_jobs o WHERE o.finished_at IS NULL AND "
        "o.incident_id = d.incident_id AND o.id > d.job_id)";
  }
  return sql + " ORDER BY d.due_at LIMIT ?3";
}

struct Candidate {
  LeasedDelivery delivery;
  int channel = 0;
  int state = 0;
  bool has_subscriber = false;
};

// Why a due delivery must not go out, or nullopt if it may.
std::optional<std::string_view> SkipReason(const Candidate& c) {
  if (!c.has_subscriber) return "the subscriber unsubscribed";
  const auto state = c.delivery.subscriber.state;
  if (c.delivery.failure_notice()) {
    if (state != model::SubscriberState::kQuarantined) return "no longer quarantined";
    if (c.delivery.subscriber.contact_email.empty()) return "no contact address";
    return std::nullopt;
  }
  const bool confirmation = c.delivery.job_id == 0;
  if (confirmation && state != model::SubscriberState::kPending) return "already confirmed";
  if (!confirmation && state == model::SubscriberState::kPending) return "not confirmed";
  return std::nullopt;
}

}  // namespace

base::Result<QueueCounts> SqliteTx::QueueDeliveries(const std::vector<NewDelivery>& batch) {
  // A new row gets the next id; a coalesced one keeps its older id. So comparing the
  // returned id with the largest so far tells an insert from a replacement.
  PHARE_ASSIGN_OR_RETURN(Statement * max,
                         conn_.Prepare("SELECT COALESCE(MAX(id), 0) FROM deliveries"));
  PHARE_ASSIGN_OR_RETURN(bool row, max->Step());
  int64_t largest = row ? max->Int(0) : 0;
  PHARE_RETURN_IF_ERROR(max->Run());
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO deliveries (job_id, variant_id, subscriber, incident_id, "
                    "channel, state, attempts, due_at) VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, ?6) "
                    "ON CONFLICT (subscriber, incident_id) WHERE state = 0 DO UPDATE SET "
                    "job_id = excluded.job_id, variant_id = excluded.variant_id, attempts = 0, "
                    "due_at = max(due_at, excluded.due_at), last_error = NULL RETURNING id"));
  QueueCounts counts;
  CountDeltas deltas;
  for (const auto& d : batch) {
    s->Bind(1, d.job_id).Bind(2, d.variant_id).Bind(3, d.subscriber).Bind(4, d.incident_id);
    s->Bind(5, static_cast<int>(d.channel)).Bind(6, base::ToMillis(d.due_at));
    PHARE_ASSIGN_OR_RETURN(bool returned, s->Step());
    const int64_t id = returned ? s->Int(0) : 0;
    PHARE_RETURN_IF_ERROR(s->Run());
    if (id > largest) {
      largest = id;
      ++counts.inserted;
      deltas.Move(static_cast<int>(d.channel), -1, kPending);
    } else {
      ++counts.coalesced;
    }
  }
  PHARE_RETURN_IF_ERROR(deltas.Apply(conn_));
  return counts;
}

base::Result<std::vector<LeasedDelivery>> SqliteTx::LeaseDeliveries(base::Time now,
                                                                    base::Time lease_until,
                                                                    size_t limit) {
  // While a fan-out expands, what was queued since it was published waits for it: the
  // fan-out gets the machine, and may still replace older deliveries of its incident.
  PHARE_ASSIGN_OR_RETURN(
      Statement * open,
      conn_.Prepare("SELECT MIN(created_at) FROM notify_jobs WHERE finished_at IS NULL"));
  PHARE_ASSIGN_OR_RETURN(bool row, open->Step());
  const std::optional<int64_t> oldest_open = row ? open->OptInt(0) : std::nullopt;
  PHARE_RETURN_IF_ERROR(open->Run());
  int64_t due_by = base::ToMillis(now);
  if (oldest_open) due_by = std::min(due_by, *oldest_open - 1);
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare(LeaseSql(oldest_open.has_value())));
  std::vector<Candidate> candidates;
  for (int state : {kPending, kLeased}) {  // due first attempts and retries, then lost leases
    if (candidates.size() >= limit) break;
    s->Bind(1, state).Bind(2, due_by);
    s->Bind(3, static_cast<int64_t>(limit - candidates.size()));
    for (;;) {
      PHARE_ASSIGN_OR_RETURN(bool more, s->Step());
      if (!more) break;
      Candidate c;
      c.delivery.id = s->Int(0);
      c.delivery.job_id = s->Int(1);
      c.delivery.variant_id = s->Int(2);
      c.delivery.incident_id = s->Text(3);
      c.channel = static_cast<int>(s->Int(4));
      c.delivery.channel = static_cast<model::Channel>(c.channel);
      c.delivery.attempts = static_cast<int>(s->Int(5)) + 1;
      c.delivery.update_id = s->Text(6);
      c.has_subscriber = s->Int(7) != 0;
      if (c.has_subscriber) c.delivery.subscriber = ReadSubscriber(*s, 8);
      c.state = state;
      candidates.push_back(std::move(c));
    }
  }
  PHARE_ASSIGN_OR_RETURN(
      Statement * lease,
      conn_.Prepare("UPDATE deliveries SET state = 1, due_at = ?2, attempts = attempts + 1 "
                    "WHERE id = ?1"));
  std::vector<LeasedDelivery> out;
  CountDeltas deltas;
  for (auto& c : candidates) {
    if (auto reason = SkipReason(c)) {
      PHARE_ASSIGN_OR_RETURN(bool changed,
                             SetState(conn_, c.delivery.id, kSkipped, now, *reason, c.state));
      if (changed) deltas.Move(c.channel, c.state, kSkipped);
      continue;
    }
    if (c.delivery.subscriber.state == model::SubscriberState::kQuarantined &&
        !c.delivery.failure_notice()) {
      PHARE_ASSIGN_OR_RETURN(
          bool changed,
          SetState(conn_, c.delivery.id, kDead, now,
                   "the subscriber is quarantined after repeated dead letters", c.state));
      if (changed) deltas.Move(c.channel, c.state, kDead);
      continue;
    }
    lease->Bind(1, c.delivery.id).Bind(2, base::ToMillis(lease_until));
    PHARE_RETURN_IF_ERROR(lease->Run());
    if (c.state != kLeased) deltas.Move(c.channel, c.state, kLeased);
    out.push_back(std::move(c.delivery));
  }
  PHARE_RETURN_IF_ERROR(deltas.Apply(conn_));
  return out;
}

base::Result<std::vector<int64_t>> SqliteTx::RecordDeliveries(
    const std::vector<DeliveryOutcome>& outcomes, int quarantine_after, base::Time now) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * cleared,
      conn_.Prepare("UPDATE subscribers SET dead_letters = 0 WHERE seq = ?1 AND dead_letters > 0"));
  PHARE_ASSIGN_OR_RETURN(
      Statement * failed,
      conn_.Prepare("UPDATE subscribers SET dead_letters = dead_letters + 1 WHERE seq = ?1"));
  PHARE_ASSIGN_OR_RETURN(
      Statement * quarantine,
      conn_.Prepare("UPDATE subscribers SET state = 'quarantined', quarantined_at = ?3 "
                    "WHERE seq = ?1 AND ?2 > 0 AND dead_letters >= ?2 AND state = 'active'"));
  std::vector<int64_t> quarantined;
  CountDeltas deltas;
  for (const auto& o : outcomes) {
    const int channel = static_cast<int>(o.channel);
    int ended = -1;
    const std::optional<std::string_view> error =
        o.last_error.empty() ? std::nullopt : std::optional<std::string_view>(o.last_error);
    if (o.state == DeliveryState::kPending) {
      PHARE_ASSIGN_OR_RETURN(ended, Requeue(conn_, o.id, kLeased, o.due_at, error));
    } else {
      const int state = o.state == DeliveryState::kDelivered ? kDelivered : kDead;
      PHARE_ASSIGN_OR_RETURN(bool changed, SetState(conn_, o.id, state, o.due_at, error, kLeased));
      if (changed) ended = state;
    }
    if (ended < 0) continue;  // no longer leased: a duplicate or stale outcome
    deltas.Move(channel, kLeased, ended);
    if (ended == kDelivered) {
      PHARE_RETURN_IF_ERROR(cleared->Bind(1, o.subscriber).Run());
    } else if (ended == kDead) {
      PHARE_RETURN_IF_ERROR(failed->Bind(1, o.subscriber).Run());
      quarantine->Bind(1, o.subscriber).Bind(2, quarantine_after).Bind(3, base::ToMillis(now));
      PHARE_RETURN_IF_ERROR(quarantine->Run());
      if (quarantine->Changes() > 0) quarantined.push_back(o.subscriber);  // active until now
    }
  }
  PHARE_RETURN_IF_ERROR(deltas.Apply(conn_));
  return quarantined;
}

base::Result<int64_t> SqliteTx::ReleaseLeases(base::Time now) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT id, channel FROM deliveries WHERE state < 2 AND state = 1"));
  std::vector<std::pair<int64_t, int>> leased;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    leased.emplace_back(s->Int(0), static_cast<int>(s->Int(1)));
  }
  CountDeltas deltas;
  for (const auto& [id, channel] : leased) {
    PHARE_ASSIGN_OR_RETURN(int ended, Requeue(conn_, id, kLeased, now, std::nullopt));
    if (ended >= 0) deltas.Move(channel, kLeased, ended);
  }
  PHARE_RETURN_IF_ERROR(deltas.Apply(conn_));
  return static_cast<int64_t>(leased.size());
}

base::Result<DeliveryCounts> SqliteTx::CountDeliveries() {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT channel, state, n FROM delivery_counts"));
  DeliveryCounts counts;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    const auto channel = static_cast<size_t>(s->Int(0));
    const auto state = static_cast<size_t>(s->Int(1));
    if (channel < counts.by_channel.size() && state < model::kDeliveryStateCount) {
      counts.by_channel[channel][state] = s->Int(2);
    }
  }
  return counts;
}

base::Result<int64_t> SqliteTx::PurgeDeliveries(base::Time before, size_t limit) {
  // Job by job (a short list), each through deliveries_finished (job_id WHERE state IN
  // (2, 4)): never a scan of the outbox.
  static_assert(kDelivered == 2 && kSkipped == 4);
  PHARE_ASSIGN_OR_RETURN(
      Statement * jobs,
      conn_.Prepare("SELECT id FROM notify_jobs WHERE finished_at IS NOT NULL AND "
                    "finished_at < ?1 ORDER BY id"));
  jobs->Bind(1, base::ToMillis(before));
  std::vector<int64_t> ids;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, jobs->Step());
    if (!row) break;
    ids.push_back(jobs->Int(0));
  }
  PHARE_ASSIGN_OR_RETURN(
      Statement * purge,
      conn_.Prepare("DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries WHERE "
                    "job_id = ?1 AND state IN (2, 4) LIMIT ?2)"));
  int64_t removed = 0;
  for (int64_t job : ids) {
    const auto left = static_cast<int64_t>(limit) - removed;
    if (left <= 0) break;
    purge->Bind(1, job).Bind(2, left);
    PHARE_RETURN_IF_ERROR(purge->Run());
    removed += purge->Changes();
  }
  return removed;
}

}  // namespace phare::store::sqlite
