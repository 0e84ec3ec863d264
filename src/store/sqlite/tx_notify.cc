// SqliteTx: subscribers, notification secrets, fan-out jobs and their rendered variants.
#include "store/sqlite/notify_rows.h"
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {

std::string SubscriberColumns(std::string_view prefix) {
  std::string out;
  for (std::string_view column :
       {"seq",          "id",          "channel",      "flavor",         "address",
        "language",     "time_zone",   "audience",     "scope",          "component_ids",
        "customer_id",  "all_updates", "state",        "confirm_hash",   "unsubscribe_hash",
        "secret",       "created_at",  "confirmed_at", "quarantined_at", "dead_letters",
        "contact_email"}) {
    if (!out.empty()) out += ", ";
    out += prefix;
    out += column;
  }
  return out;
}

model::Subscriber ReadSubscriber(const Statement& s, int c) {
  model::Subscriber sub;
  sub.key = s.Int(c);
  sub.id = s.Text(c + 1);
  sub.channel = model::ParseChannel(s.Text(c + 2)).value_or(model::Channel::kEmail);
  sub.flavor = s.Text(c + 3);
  sub.address = s.Text(c + 4);
  sub.language = s.Text(c + 5);
  sub.time_zone = s.Text(c + 6);
  sub.audience = model::ParseAudience(s.Text(c + 7)).value_or(model::Audience::kGeneral);
  sub.scope = model::ParseSubscriberScope(s.Text(c + 8)).value_or(model::SubscriberScope::kPage);
  sub.component_ids = SplitIds(s.Text(c + 9));
  sub.customer_id = s.Text(c + 10);
  sub.all_updates = s.Int(c + 11) != 0;
  sub.state =
      model::ParseSubscriberState(s.Text(c + 12)).value_or(model::SubscriberState::kPending);
  sub.confirm_hash = s.Blob(c + 13);
  sub.unsubscribe_hash = s.Blob(c + 14);
  sub.secret = s.Text(c + 15);
  sub.created_at = base::FromMillis(s.Int(c + 16));
  if (auto t = s.OptInt(c + 17)) sub.confirmed_at = base::FromMillis(*t);
  if (auto t = s.OptInt(c + 18)) sub.quarantined_at = base::FromMillis(*t);
  sub.dead_letters = static_cast<int32_t>(s.Int(c + 19));
  sub.contact_email = s.Text(c + 20);
  return sub;
}

namespace {

std::string SelectSubscribers(std::string_view where) {
  return "SELECT " + SubscriberColumns("") + " FROM subscribers " + std::string(where);
}

// Binds ?2..?21 in SubscriberColumns order (?1 is the key or left for the id).
void BindSubscriber(Statement& s, const model::Subscriber& sub) {
  s.Bind(2, sub.id)
      .Bind(3, model::ToString(sub.channel))
      .Bind(4, sub.flavor)
      .Bind(5, sub.address)
      .Bind(6, sub.language)
      .Bind(7, sub.time_zone)
      .Bind(8, model::ToString(sub.audience))
      .Bind(9, model::ToString(sub.scope))
      .Bind(10, JoinIds(sub.component_ids))
      .Bind(11, sub.customer_id)
      .Bind(12, sub.all_updates)
      .Bind(13, model::ToString(sub.state));
  if (sub.confirm_hash.empty()) {
    s.BindNull(14);
  } else {
    s.BindBlob(14, sub.confirm_hash);
  }
  s.BindBlob(15, sub.unsubscribe_hash)
      .Bind(16, sub.secret)
      .Bind(17, base::ToMillis(sub.created_at));
  s.Bind(18, OptMillis(sub.confirmed_at)).Bind(19, OptMillis(sub.quarantined_at));
  s.Bind(20, int64_t{sub.dead_letters}).Bind(21, sub.contact_email);
}

base::Result<std::vector<model::Subscriber>> ReadAll(Statement& s) {
  std::vector<model::Subscriber> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadSubscriber(s, 0));
  }
  return out;
}

base::Result<model::Subscriber> ReadOne(Statement& s) {
  PHARE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return base::NotFound("no such subscriber");
  return ReadSubscriber(s, 0);
}

constexpr std::string_view kJobColumns =
    "id, incident_id, update_id, event, component_ids, created_at, last_subscriber, cursor, "
    "queued, coalesced, finished_at, detail";

FanoutJob ReadJob(const Statement& s) {
  FanoutJob j;
  j.id = s.Int(0);
  j.incident_id = s.Text(1);
  j.update_id = s.Text(2);
  j.event = ParseNotifyEvent(s.Text(3)).value_or(NotifyEvent::kUpdated);
  j.component_ids = SplitIds(s.Text(4));
  j.created_at = base::FromMillis(s.Int(5));
  j.last_subscriber = s.Int(6);
  j.cursor = s.Int(7);
  j.queued = s.Int(8);
  j.coalesced = s.Int(9);
  if (auto t = s.OptInt(10)) j.finished_at = base::FromMillis(*t);
  j.detail = s.Text(11);
  return j;
}

}  // namespace

base::Status SqliteTx::InsertSubscriber(model::Subscriber& sub) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO subscribers (" + SubscriberColumns("") +
                    ") VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                    "?15, ?16, ?17, ?18, ?19, ?20, ?21)"));
  BindSubscriber(*s, sub);
  PHARE_RETURN_IF_ERROR(s->Run());
  sub.key = conn_.LastInsertRowId();
  return base::Status::Ok();
}

base::Status SqliteTx::UpdateSubscriber(const model::Subscriber& sub) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("UPDATE subscribers SET id = ?2, channel = ?3, flavor = ?4, address = ?5, "
                    "language = ?6, time_zone = ?7, audience = ?8, scope = ?9, "
                    "component_ids = ?10, customer_id = ?11, all_updates = ?12, state = ?13, "
                    "confirm_hash = ?14, unsubscribe_hash = ?15, secret = ?16, created_at = ?17, "
                    "confirmed_at = ?18, quarantined_at = ?19, dead_letters = ?20, "
                    "contact_email = ?21 WHERE seq = ?1"));
  s->Bind(1, sub.key);
  BindSubscriber(*s, sub);
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0) return base::NotFound("subscriber '" + sub.id + "' does not exist");
  return base::Status::Ok();
}

base::Status SqliteTx::DeleteSubscriber(std::string_view id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("DELETE FROM subscribers WHERE id = ?1"));
  s->Bind(1, id);
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0) {
    return base::NotFound("subscriber '" + std::string(id) + "' does not exist");
  }
  return base::Status::Ok();
}

base::Result<model::Subscriber> SqliteTx::GetSubscriber(std::string_view id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare(SelectSubscribers("WHERE id = ?1")));
  s->Bind(1, id);
  auto sub = ReadOne(*s);
  if (!sub.ok() && sub.status().code() == base::Code::kNotFound) {
    return base::NotFound("subscriber '" + std::string(id) + "' does not exist");
  }
  return sub;
}

base::Result<model::Subscriber> SqliteTx::FindSubscriberByConfirmHash(std::string_view hash) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare(SelectSubscribers("WHERE confirm_hash = ?1")));
  s->BindBlob(1, hash);
  return ReadOne(*s);
}

base::Result<model::Subscriber> SqliteTx::FindSubscriberByUnsubscribeHash(std::string_view hash) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare(SelectSubscribers("WHERE unsubscribe_hash = ?1")));
  s->BindBlob(1, hash);
  return ReadOne(*s);
}

base::Result<std::vector<model::Subscriber>> SqliteTx::FindSubscribersByAddress(
    model::Channel channel, std::string_view address) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare(SelectSubscribers(
                             "WHERE channel = ?1 AND address = ?2 COLLATE NOCASE ORDER BY seq")));
  s->Bind(1, model::ToString(channel)).Bind(2, address);
  return ReadAll(*s);
}

base::Result<std::vector<model::Subscriber>> SqliteTx::ListSubscribers(const SubscriberQuery& q) {
  std::string where = "WHERE seq > ?1";
  if (q.channel) where += " AND channel = ?2";
  if (q.state) where += " AND state = ?3";
  if (!q.address_contains.empty()) where += " AND instr(lower(address), lower(?5)) > 0";
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare(SelectSubscribers(where + " ORDER BY seq LIMIT ?4")));
  s->Bind(1, q.after_key);
  if (q.channel) s->Bind(2, model::ToString(*q.channel));
  if (q.state) s->Bind(3, model::ToString(*q.state));
  if (!q.address_contains.empty()) s->Bind(5, q.address_contains);
  s->Bind(4, static_cast<int64_t>(q.limit));
  return ReadAll(*s);
}

base::Result<int64_t> SqliteTx::DeleteUnconfirmedSubscribers(base::Time before) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("DELETE FROM subscribers WHERE state = 'pending' AND created_at < ?1"));
  s->Bind(1, base::ToMillis(before));
  PHARE_RETURN_IF_ERROR(s->Run());
  return s->Changes();
}

base::Result<std::string> SqliteTx::NotifySecret(std::string_view name, std::string_view initial) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * insert,
      conn_.Prepare("INSERT OR IGNORE INTO notify_secrets (name, value) VALUES (?1, ?2)"));
  insert->Bind(1, name).BindBlob(2, initial);
  PHARE_RETURN_IF_ERROR(insert->Run());
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT value FROM notify_secrets WHERE name = ?1"));
  s->Bind(1, name);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::Internal("notification secret '" + std::string(name) + "' vanished");
  return s->Blob(0);
}

base::Status SqliteTx::InsertFanoutJob(FanoutJob& job) {
  PHARE_ASSIGN_OR_RETURN(Statement * last,
                         conn_.Prepare("SELECT COALESCE(MAX(seq), 0) FROM subscribers"));
  PHARE_ASSIGN_OR_RETURN(bool row, last->Step());
  job.last_subscriber = row ? last->Int(0) : 0;
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO notify_jobs (incident_id, update_id, event, component_ids, "
                    "created_at, last_subscriber, cursor, queued, coalesced, finished_at, detail) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  s->Bind(1, job.incident_id).Bind(2, job.update_id).Bind(3, ToString(job.event));
  s->Bind(4, JoinIds(job.component_ids)).Bind(5, base::ToMillis(job.created_at));
  s->Bind(6, job.last_subscriber).Bind(7, job.cursor).Bind(8, job.queued).Bind(9, job.coalesced);
  s->Bind(10, OptMillis(job.finished_at)).Bind(11, job.detail);
  PHARE_RETURN_IF_ERROR(s->Run());
  job.id = conn_.LastInsertRowId();
  return base::Status::Ok();
}

base::Result<std::optional<FanoutJob>> SqliteTx::NextFanoutJob() {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kJobColumns) +
                                                      " FROM notify_jobs WHERE finished_at IS NULL "
                                                      "ORDER BY id LIMIT 1"));
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return std::optional<FanoutJob>();
  return std::optional<FanoutJob>(ReadJob(*s));
}

base::Result<std::vector<FanoutJob>> SqliteTx::ListFanoutJobs(size_t limit) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kJobColumns) +
                                                      " FROM notify_jobs ORDER BY id DESC "
                                                      "LIMIT ?1"));
  s->Bind(1, static_cast<int64_t>(limit));
  std::vector<FanoutJob> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(ReadJob(*s));
  }
  return out;
}

base::Status SqliteTx::UpdateFanoutJob(const FanoutJob& job) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("UPDATE notify_jobs SET cursor = ?2, queued = ?3, "
                                       "coalesced = ?4, finished_at = ?5 WHERE id = ?1"));
  s->Bind(1, job.id).Bind(2, job.cursor).Bind(3, job.queued).Bind(4, job.coalesced);
  s->Bind(5, OptMillis(job.finished_at));
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0) {
    return base::NotFound("fan-out job " + std::to_string(job.id) + " does not exist");
  }
  return base::Status::Ok();
}

base::Result<std::vector<FanoutCandidate>> SqliteTx::FanoutBatch(int64_t after_key,
                                                                 int64_t last_key, size_t limit) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT seq, channel, flavor, language, time_zone, audience, scope, "
                    "component_ids, customer_id, all_updates FROM subscribers "
                    "WHERE seq > ?1 AND seq <= ?2 AND state = 'active' ORDER BY seq LIMIT ?3"));
  s->Bind(1, after_key).Bind(2, last_key).Bind(3, static_cast<int64_t>(limit));
  std::vector<FanoutCandidate> out;
  out.reserve(limit);
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    FanoutCandidate c;
    c.key = s->Int(0);
    c.channel = model::ParseChannel(s->Text(1)).value_or(model::Channel::kEmail);
    c.flavor = s->Text(2);
    c.language = s->Text(3);
    c.time_zone = s->Text(4);
    c.audience = model::ParseAudience(s->Text(5)).value_or(model::Audience::kGeneral);
    c.scope = model::ParseSubscriberScope(s->Text(6)).value_or(model::SubscriberScope::kPage);
    c.component_ids = SplitIds(s->Text(7));
    c.customer_id = s->Text(8);
    c.all_updates = s->Int(9) != 0;
    out.push_back(std::move(c));
  }
  return out;
}

base::Result<int64_t> SqliteTx::InsertVariant(int64_t job_id, std::string_view key,
                                              std::string_view content) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO notify_variants (job_id, key, content) VALUES (?1, ?2, ?3)"));
  s->Bind(1, job_id).Bind(2, key).Bind(3, content);
  PHARE_RETURN_IF_ERROR(s->Run());
  return conn_.LastInsertRowId();
}

base::Result<std::vector<std::pair<std::string, int64_t>>> SqliteTx::ListVariants(int64_t job_id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT key, id FROM notify_variants WHERE job_id = ?1"));
  s->Bind(1, job_id);
  std::vector<std::pair<std::string, int64_t>> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.emplace_back(s->Text(0), s->Int(1));
  }
  return out;
}

base::Result<std::string> SqliteTx::GetVariant(int64_t id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT content FROM notify_variants WHERE id = ?1"));
  s->Bind(1, id);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("variant " + std::to_string(id) + " does not exist");
  return s->Text(0);
}

}  // namespace phare::store::sqlite
