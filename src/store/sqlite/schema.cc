#include "store/sqlite/schema.h"

#include <string>

namespace phare::store::sqlite {

namespace {

// 5: a counter bumped by every write to the tables the public snapshot and the
// inventory's live state are built from (not the outbox, tokens or the audit log), so
// that readers polling for changes are not woken by notifications going out.
std::string_view ChangeCounterMigration() {
  static const std::string sql = [] {
    std::string out =
        "CREATE TABLE change_counter (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "version INTEGER NOT NULL);\n"
        "INSERT INTO change_counter (id, version) VALUES (1, 0);\n";
    for (const char* table :
         {"page", "components", "incidents", "incident_components", "incident_estimates",
          "incident_updates", "update_components", "update_bodies", "inventories",
          "inventory_current", "incident_nodes", "incident_impact", "component_nodes"}) {
      for (const char* op : {"INSERT", "UPDATE", "DELETE"}) {
        out += "CREATE TRIGGER bump_";
        out += table;
        out += "_";
        out += op;
        out += " AFTER ";
        out += op;
        out += " ON ";
        out += table;
        out += " BEGIN UPDATE change_counter SET version = version + 1 WHERE id = 1; END;\n";
      }
    }
    return out;
  }();
  return sql;
}

std::string_view PostmortemMigration() {
  static const std::string sql = [] {
    std::string out = R"sql(
CREATE TABLE postmortems (
  incident_id TEXT PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
  promised_by INTEGER,
  notify_subscribers INTEGER NOT NULL,
  notify_twitter INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  body_updated_at INTEGER,
  published_at INTEGER
);
CREATE INDEX postmortems_promised ON postmortems(promised_by)
  WHERE promised_by IS NOT NULL AND published_at IS NULL;
CREATE TABLE postmortem_texts (
  incident_id TEXT NOT NULL REFERENCES postmortems(incident_id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  item INTEGER NOT NULL,
  at INTEGER,
  language TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX postmortem_texts_by_incident ON postmortem_texts(incident_id);
CREATE TABLE postmortem_bodies (
  incident_id TEXT NOT NULL REFERENCES postmortems(incident_id) ON DELETE CASCADE,
  audience TEXT NOT NULL,
  language TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (incident_id, audience, language)
);
)sql";
    for (const char* table : {"postmortems", "postmortem_texts", "postmortem_bodies"}) {
      for (const char* op : {"INSERT", "UPDATE", "DELETE"}) {
        out += std::string("CREATE TRIGGER bump_") + table + "_" + op + " AFTER " + op + " ON " +
               table +
               " BEGIN UPDATE change_counter SET version = version + 1 WHERE id = 1; END;\n";
      }
    }
    return out;
  }();
  return sql;
}

}  // namespace

// Times are INTEGER milliseconds since the Unix epoch, UTC.
const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> migrations = {
      R"sql(
CREATE TABLE page (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE components (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL,
  group_id TEXT REFERENCES components(id),
  name TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL,
  position INTEGER NOT NULL,
  showcase INTEGER NOT NULL,
  only_show_if_degraded INTEGER NOT NULL,
  is_group INTEGER NOT NULL,
  start_date TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX components_by_group ON components(group_id);
CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  impact TEXT NOT NULL,
  impact_override TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  identified_at INTEGER,
  monitoring_at INTEGER,
  resolved_at INTEGER,
  scheduled_for INTEGER,
  scheduled_until INTEGER,
  scheduled_remind_prior INTEGER NOT NULL,
  scheduled_auto_in_progress INTEGER NOT NULL,
  scheduled_auto_completed INTEGER NOT NULL,
  cause TEXT NOT NULL,
  next_update_at INTEGER,
  closed INTEGER NOT NULL
);
CREATE INDEX incidents_by_start ON incidents(started_at);
CREATE INDEX incidents_open ON incidents(closed, kind);
CREATE TABLE incident_components (
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  component_id TEXT NOT NULL REFERENCES components(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  saved_status TEXT,
  PRIMARY KEY (incident_id, component_id)
);
CREATE INDEX incident_components_by_component ON incident_components(component_id);
CREATE TABLE incident_estimates (
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  p10 INTEGER NOT NULL,
  p50 INTEGER NOT NULL,
  p90 INTEGER NOT NULL,
  source TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (incident_id, scope)
);
CREATE TABLE incident_updates (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  display_at INTEGER NOT NULL,
  deliver_notifications INTEGER NOT NULL,
  has_affected INTEGER NOT NULL,
  next_update_at INTEGER,
  est_scope TEXT,
  est_p10 INTEGER,
  est_p50 INTEGER,
  est_p90 INTEGER,
  est_source TEXT,
  est_reason TEXT
);
CREATE INDEX updates_by_incident ON incident_updates(incident_id, display_at);
CREATE TABLE update_components (
  update_id TEXT NOT NULL REFERENCES incident_updates(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  old_status TEXT NOT NULL,
  new_status TEXT NOT NULL,
  PRIMARY KEY (update_id, position)
);
CREATE TABLE update_bodies (
  update_id TEXT NOT NULL REFERENCES incident_updates(id) ON DELETE CASCADE,
  audience TEXT NOT NULL,
  language TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (update_id, audience, language)
);
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hash BLOB NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  details TEXT NOT NULL
);
)sql",
      // 2: restoration estimates (progress samples, operator statements, the promised
      // time) and what customers call each component.
      R"sql(
ALTER TABLE components ADD COLUMN product TEXT NOT NULL DEFAULT '';
ALTER TABLE components ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE incident_estimates ADD COLUMN expected_by INTEGER;
ALTER TABLE incident_updates ADD COLUMN est_expected_by INTEGER;
CREATE TABLE progress_samples (
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  at INTEGER NOT NULL,
  restored INTEGER NOT NULL,
  total INTEGER NOT NULL
);
CREATE INDEX progress_by_incident ON progress_samples(incident_id, at);
CREATE TABLE operator_estimates (
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  stated_at INTEGER NOT NULL,
  from_at INTEGER,
  to_at INTEGER NOT NULL
);
CREATE INDEX operator_estimates_by_incident ON operator_estimates(incident_id, stated_at);
)sql",
      // 3: the infrastructure inventory (its canonical form, the last few kept), node
      // reports and impact counts of incidents (written in the transaction that creates
      // the incident, before its row: hence deferred), the page components inventory
      // nodes show as, and customers' "my services" links.
      R"sql(
CREATE TABLE inventories (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  nodes INTEGER NOT NULL,
  resources INTEGER NOT NULL,
  customers INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  body BLOB NOT NULL
);
CREATE TABLE inventory_current (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  inventory_id INTEGER NOT NULL REFERENCES inventories(id)
);
CREATE TABLE incident_nodes (
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE
    DEFERRABLE INITIALLY DEFERRED,
  node_id TEXT NOT NULL,
  condition TEXT NOT NULL,
  worst TEXT NOT NULL,
  reported_at INTEGER NOT NULL,
  PRIMARY KEY (incident_id, node_id)
);
CREATE TABLE incident_impact (
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE
    DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL,
  dimension TEXT NOT NULL,
  key TEXT NOT NULL,
  resources INTEGER NOT NULL,
  down INTEGER NOT NULL,
  degraded INTEGER NOT NULL,
  at_risk INTEGER NOT NULL,
  affected INTEGER NOT NULL,
  customers_down INTEGER NOT NULL,
  customers_degraded INTEGER NOT NULL,
  customers_at_risk INTEGER NOT NULL,
  customers_affected INTEGER NOT NULL,
  hit INTEGER NOT NULL,
  restored INTEGER NOT NULL,
  PRIMARY KEY (incident_id, position)
);
CREATE TABLE component_nodes (
  node_id TEXT PRIMARY KEY,
  component_id TEXT NOT NULL REFERENCES components(id) ON DELETE CASCADE
);
CREATE TABLE customer_links (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  hash BLOB NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX customer_links_by_customer ON customer_links(customer_id);
)sql",
      // 4: subscribers and the notification outbox (docs/notifications.md). Self-contained:
      // it references no table of other migrations. Deliveries use integer codes in their
      // hot columns: channel 0 email, 1 webhook, 2 chat, 3 sms; state 0 pending, 1 leased,
      // 2 delivered, 3 dead, 4 skipped. due_at is the next attempt (pending), the lease
      // expiry (leased) or when the delivery ended.
      R"sql(
CREATE TABLE notify_secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
CREATE TABLE subscribers (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL,
  flavor TEXT NOT NULL,
  address TEXT NOT NULL,
  language TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  audience TEXT NOT NULL,
  scope TEXT NOT NULL,
  component_ids TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  all_updates INTEGER NOT NULL,
  state TEXT NOT NULL,
  confirm_hash BLOB,
  unsubscribe_hash BLOB NOT NULL UNIQUE,
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  confirmed_at INTEGER,
  quarantined_at INTEGER,
  dead_letters INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX subscribers_by_address ON subscribers(channel, address COLLATE NOCASE);
CREATE UNIQUE INDEX subscribers_by_confirm ON subscribers(confirm_hash)
  WHERE confirm_hash IS NOT NULL;
CREATE INDEX subscribers_unconfirmed ON subscribers(created_at) WHERE state = 'pending';
CREATE INDEX subscribers_by_customer ON subscribers(customer_id) WHERE scope = 'customer';
CREATE TABLE notify_jobs (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL,
  update_id TEXT NOT NULL,
  event TEXT NOT NULL,
  component_ids TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_subscriber INTEGER NOT NULL,
  cursor INTEGER NOT NULL DEFAULT 0,
  queued INTEGER NOT NULL DEFAULT 0,
  coalesced INTEGER NOT NULL DEFAULT 0,
  finished_at INTEGER
);
CREATE INDEX notify_jobs_open ON notify_jobs(incident_id, id) WHERE finished_at IS NULL;
CREATE TABLE notify_variants (
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES notify_jobs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  content TEXT NOT NULL,
  UNIQUE (job_id, key)
);
CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL,
  variant_id INTEGER NOT NULL,
  subscriber INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  channel INTEGER NOT NULL,
  state INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  due_at INTEGER NOT NULL,
  last_error TEXT
);
CREATE INDEX deliveries_due ON deliveries(state, due_at) WHERE state < 2;
CREATE UNIQUE INDEX deliveries_coalesce ON deliveries(subscriber, incident_id) WHERE state = 0;
CREATE INDEX deliveries_dead ON deliveries(channel) WHERE state = 3;
CREATE TABLE delivery_counts (
  channel INTEGER NOT NULL,
  state INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (channel, state)
) WITHOUT ROWID;
)sql",
      ChangeCounterMigration(),
      // 6: finished deliveries by job, for PurgeDeliveries.
      R"sql(
CREATE INDEX deliveries_finished ON deliveries(job_id) WHERE state IN (2, 4);
)sql",
      // 7: what a component job needs besides its ids (the statuses of the change).
      R"sql(
ALTER TABLE notify_jobs ADD COLUMN detail TEXT NOT NULL DEFAULT '';
)sql",
      // 8: an estimate that moved the promise published before it later.
      R"sql(
ALTER TABLE incident_estimates ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
)sql",
      // 9: the e-mail address told when a webhook subscriber's endpoint keeps failing.
      R"sql(
ALTER TABLE subscribers ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
)sql",
      // 10: names in other languages than the page's default (names_column.h).
      R"sql(
ALTER TABLE components ADD COLUMN names TEXT NOT NULL DEFAULT '';
ALTER TABLE components ADD COLUMN descriptions TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN names TEXT NOT NULL DEFAULT '';
)sql",
      // 11: console users, their set-password links and sign-in sessions (web/admin).
      R"sql(
CREATE TABLE console_users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  disabled_at INTEGER
);
CREATE TABLE console_password_links (
  hash BLOB PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES console_users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX console_password_links_user ON console_password_links(user_id);
CREATE TABLE console_sessions (
  id_hash BLOB PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES console_users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions(user_id);
)sql",
      // 12: each component's status history (uptime), seeded with the status in force.
      R"sql(
CREATE TABLE component_status_log (
  component_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  status TEXT NOT NULL
);
CREATE INDEX component_status_log_by_component ON component_status_log(component_id, at);
CREATE INDEX component_status_log_by_time ON component_status_log(at);
INSERT INTO component_status_log (component_id, at, status)
  SELECT id, updated_at, status FROM components;
)sql",
      // 13: the social posts outbox (store/social.h) and how far it has read the jobs.
      R"sql(
CREATE TABLE social_posts (
  id INTEGER PRIMARY KEY,
  account TEXT NOT NULL,
  incident_id TEXT NOT NULL,
  update_id TEXT NOT NULL,
  text TEXT NOT NULL,
  edited INTEGER NOT NULL DEFAULT 0,
  state INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  posted_at INTEGER,
  remote_id TEXT NOT NULL DEFAULT '',
  remote_uri TEXT NOT NULL DEFAULT '',
  remote_cid TEXT NOT NULL DEFAULT '',
  last_error TEXT NOT NULL DEFAULT '',
  warnings TEXT NOT NULL DEFAULT '',
  UNIQUE (account, update_id)
);
CREATE INDEX social_posts_due ON social_posts(state, due_at) WHERE state < 2;
CREATE INDEX social_posts_thread ON social_posts(account, incident_id, id);
CREATE TABLE social_cursor (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  job_id INTEGER NOT NULL
);
)sql",
      // 14: each resource's downtime intervals, for service credits (store/credits.h).
      R"sql(
CREATE TABLE resource_downtime (
  id INTEGER PRIMARY KEY,
  resource_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  product TEXT NOT NULL,
  sla TEXT NOT NULL,
  kind TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX resource_downtime_by_customer
  ON resource_downtime(customer_id, resource_id, started_at);
CREATE UNIQUE INDEX resource_downtime_open ON resource_downtime(resource_id)
  WHERE ended_at IS NULL;
)sql",
      // 15: readers' votes on whether an update was clear (nothing about the reader).
      R"sql(
CREATE TABLE feedback_votes (
  incident_id TEXT NOT NULL,
  update_id TEXT NOT NULL,
  audience TEXT NOT NULL,
  language TEXT NOT NULL,
  clear INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
);
CREATE INDEX feedback_votes_by_incident ON feedback_votes(incident_id, at);
CREATE INDEX feedback_votes_by_time ON feedback_votes(at);
)sql",
      // 16: post-mortems (store/postmortems.h): facts as rows of text per field, item
      // and language; bodies per audience and language. Public: they move the counter.
      PostmortemMigration(),
  };
  return migrations;
}

}  // namespace phare::store::sqlite
