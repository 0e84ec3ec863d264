// phare's configuration: defaults, overridden by a TOML file (`--config FILE`),
// overridden by command-line flags. A config file with an unknown key, a wrong type or
// an out-of-range value is rejected with the key's name and line, because a typo must
// not silently become a default during an outage. See docs/configuration.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace phare::base {

struct PageConfig {
  std::string name = "Status";
  std::string url = "http://127.0.0.1:8080";  // public base URL, for links and shortlinks
  std::string time_zone = "UTC";              // IANA zone for v2 timestamps and the page
};

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";
  int threads = 0;                               // 0: one per core
  size_t max_body_bytes = 1 << 20;               // request bodies larger than this get 413
  size_t max_public_body_bytes = 64 << 10;       // the same, on routes without a token
  uint64_t max_body_memory_bytes = 64 << 20;     // all bodies held at once; then 503
  uint64_t max_spool_bytes = uint64_t{1} << 30;  // all uploads on disk at once; then 503
  size_t max_header_bytes = 16 << 10;            // request headers larger than this get 431
  int read_timeout_seconds = 30;   // a request (or idle keep-alive) must arrive within
  int drain_timeout_seconds = 10;  // on SIGTERM, wait this long for requests in flight
  int max_connections = 50000;     // further connections are refused until some close
  int cache_max_age_seconds = 10;  // Cache-Control max-age of public documents
  std::string tls_cert;            // PEM files; HTTPS when both are set
  std::string tls_key;
  std::string frame_ancestors = "'none'";  // CSP frame-ancestors of every page
  std::string metrics_listen;              // HOST:PORT serving /metrics instead of `listen`
  std::string metrics_token;               // when set, /metrics wants 'Authorization: Bearer TOKEN'
  std::vector<std::string> trusted_proxies;          // CIDRs whose Forwarded/X-Forwarded-For count
  std::string forwarded_header = "x-forwarded-for";  // the one they write: or "forwarded"
  bool access_log = false;
};

struct CommsConfig {
  std::string default_language = "en";         // of Statuspage's `body` and the default page
  std::string default_audience = "technical";  // of Statuspage's `body`: general or technical
  std::vector<std::string> checker_blocking;   // checker rules that block publishing
  std::vector<std::string> checker_disabled;   // checker rules not run
};

struct CadenceConfig {
  int interval_minutes = 30;  // an open incident promises its next update this long after
  int grace_minutes = 0;      // lateness tolerated before operators are warned
  std::string ops_webhook;    // optional URL POSTed a JSON warning when an update is overdue
};

// Readers' "Was this clear?" answers (docs/channels.md).
struct FeedbackConfig {
  double unclear_share = 0.3;  // warn when more than this share of answers say no
  int min_votes = 10;          // ... out of at least this many answers
};

struct EtaSettings {
  double publish_quantile = 0.75;             // the time the page promises errs late by this much
  std::string operator_policy = "as_stated";  // as_stated | blend
  bool builtin_baseline = true;               // add the built-in incident history to the page's own
};

struct InventoryConfig {
  uint64_t max_upload_bytes = uint64_t{512} << 20;  // PUT .../inventory bodies (raw, maybe gzip)
  int max_shrink_percent = 25;  // an import removing more of the nodes needs allow_shrink
};

// [smtp]: the relay notification e-mail goes through (docs/notifications.md).
struct SmtpConfig {
  std::string url;        // smtp://[user:pass@]host[:port][/helo][?tls=...]; empty: no e-mail
  std::string from;       // envelope sender and From address; default status@<page host>
  std::string from_name;  // From display name; default: the page's name
  int connections = 8;    // concurrent SMTP connections to the relay
};

// [sms]: the HTTP gateway SMS go through; no SMS without a url.
struct SmsConfig {
  std::string url;
  std::string content_type = "application/json";
  std::vector<std::string> headers;  // "Name: value"
  std::string from;
  int max_segments = 3;
  std::string body_template;  // mustache; empty: the JSON default of notify/sms.h
};

// [notify]: the notification pipeline and the public subscription endpoints.
struct NotifyConfig {
  bool allow_private_targets = false;  // webhooks/chat/SMS gateway to loopback or private hosts
  int max_attempts = 8;                // then a delivery is a dead letter
  int retry_initial_seconds = 30;      // first back-off, doubled each attempt
  int retry_max_seconds = 3600;
  int lease_seconds = 600;  // a delivery in flight is sent again after this (crash)
  int fanout_batch = 5000;  // subscribers per fan-out transaction
  int fanout_pause_ms = 0;  // pause after each fan-out batch, for other writers
  int webhook_concurrency = 256;
  int chat_concurrency = 64;
  int sms_concurrency = 32;
  int max_per_host = 8;          // concurrent requests to one webhook/chat host
  int keep_delivered_days = 30;  // then delivered notifications are removed (0: never)
  int sender_threads = 4;        // each with its own connections and a share of the limits
  int max_outstanding = 20000;
  int quarantine_after = 5;  // dead letters in a row before a subscriber is set aside
  int confirm_ttl_hours = 168;
  int nice = 10;                           // CPU priority of the pipeline's threads (0: as serve)
  int subscribe_per_ip_burst = 10;         // public subscriptions per client address: burst,
  int subscribe_per_ip_per_hour = 60;      // then this many an hour
  int subscribe_per_address_per_hour = 3;  // confirmation messages to one address an hour
  // Public webhook and chat subscriptions: "verify" (a webhook endpoint must echo a
  // challenge first; chat URLs cannot, so only operators add them), "admin_only" or
  // "open" (active at once, as before).
  std::string public_webhooks = "verify";
};

// [console]: sign-in to the operator console (docs/console.md). These are the only
// defaults of its sessions, links and login limits.
struct ConsoleConfig {
  int session_idle_minutes = 30;        // a session unused this long is over
  int session_max_hours = 12;           // a session is over this long after sign-in, used or not
  int password_link_hours = 72;         // set-password links printed by `phare user` expire
  int login_per_account_burst = 5;      // sign-in attempts on one account at once,
  int login_per_account_per_hour = 10;  // then this many an hour
  int login_per_address_burst = 20;     // sign-in attempts from one client address at once,
  int login_per_address_per_hour = 60;  // then this many an hour
};

// [[social.accounts]]: an account each published update is posted to (docs/channels.md).
// The secret (Mastodon or X access token, Bluesky app password) is read from `token_file`
// or the environment variable `token_env` when the poster starts; it is never logged.
struct SocialAccountConfig {
  std::string name;     // unique; the posts are stored under it
  std::string network;  // mastodon | bluesky | x
  std::string url;  // API base: https://mastodon.example, https://bsky.social, https://api.x.com
  std::string language = "en";
  std::string audience = "general";  // general | technical
  std::string time_zone;             // of the times in posts; default: page.time_zone
  int max_chars = 0;                 // 0: the network's (500 for Mastodon, 300, 280)
  std::string handle;                // Bluesky: the identifier createSession takes
  std::string token_file;
  std::string token_env;
  int hold_seconds = 0;  // a drafted post waits this long before it goes, for edits
};

// [social]: posting to social networks.
struct SocialConfig {
  std::vector<SocialAccountConfig> accounts;
  int max_attempts = 8;  // then a post is a dead letter
  int retry_initial_seconds = 30;
  int retry_max_seconds = 3600;
  int lease_seconds = 120;  // a post in flight is tried again after this (crash)
};

// [sla.<name>]: one SLA plan for service credits (docs/credits.md); a resource uses the
// plan named as its `sla`, else as its product, else "default". None configured: the
// built-in default plan. Checked further (tier order...) when the services start.
struct SlaTierConfig {
  double below = 0;   // availability percent the tier applies strictly under
  double credit = 0;  // percent of the month's fee
};
struct SlaPlanConfig {
  std::string name;
  double target = 99.9;
  std::vector<SlaTierConfig> tiers;
  bool count_degraded = false;
  int floor_minutes = 0;
  double cap = 100;
};

struct Config {
  PageConfig page;
  ServerConfig server;
  CommsConfig comms;
  CadenceConfig cadence;
  FeedbackConfig feedback;
  EtaSettings eta;
  InventoryConfig inventory;
  SmtpConfig smtp;
  SmsConfig sms;
  NotifyConfig notify;
  ConsoleConfig console;
  SocialConfig social;
  std::vector<SlaPlanConfig> sla;  // by name
  std::string db_path;
  std::string log_level = "info";
};

// Reads `path` over `config` (keys absent from the file keep their value).
Status LoadConfigFile(const std::string& path, Config& config);
// Parses the TOML text `toml` (named `source` in errors) over `config`.
Status LoadConfigText(std::string_view toml, std::string_view source, Config& config);

// Splits "HOST:PORT" or "[v6]:PORT"; InvalidArgument when malformed.
struct HostPort {
  std::string host;
  uint16_t port = 0;
};
Result<HostPort> ParseHostPort(std::string_view text);

}  // namespace phare::base
