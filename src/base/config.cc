#include "base/config.h"

#include <toml++/toml.h>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

#include "base/time.h"

namespace phare::base {
namespace {

std::string Where(const toml::node& node, std::string_view source) {
  const auto& begin = node.source().begin;
  return std::string(source) + ":" + std::to_string(begin.line);
}

// Reads a table's keys into typed fields, rejecting unknown keys and wrong types.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string prefix, std::string_view source)
      : table_(table), prefix_(std::move(prefix)), source_(source) {}

  Status String(std::string_view key, std::string& out) {
    return Read<std::string>(key, [&](const std::string& v) {
      out = v;
      return Status::Ok();
    });
  }
  Status Bool(std::string_view key, bool& out) {
    return Read<bool>(key, [&](bool v) {
      out = v;
      return Status::Ok();
    });
  }
  template <class Int>
  Status Integer(std::string_view key, Int& out, int64_t min, int64_t max) {
    return Read<int64_t>(key, [&](int64_t v) {
      if (v < min || v > max) {
        return InvalidArgument("must be between " + std::to_string(min) + " and " +
                                   std::to_string(max) + ", got " + std::to_string(v),
                               Name(key));
      }
      out = static_cast<Int>(v);
      return Status::Ok();
    });
  }
  Status Double(std::string_view key, double& out, double min, double max) {
    return Read<double>(key, [&](double v) {
      if (v < min || v > max) {
        return InvalidArgument(
            "must be between " + std::to_string(min) + " and " + std::to_string(max), Name(key));
      }
      out = v;
      return Status::Ok();
    });
  }
  Status Strings(std::string_view key, std::vector<std::string>& out) {
    known_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (!node) return Status::Ok();
    const toml::array* array = node->as_array();
    if (!array)
      return InvalidArgument("must be an array of strings at " + Where(*node, source_), Name(key));
    out.clear();
    for (const auto& item : *array) {
      const auto value = item.value<std::string>();
      if (!value)
        return InvalidArgument("must hold only strings at " + Where(item, source_), Name(key));
      out.push_back(*value);
    }
    return Status::Ok();
  }
  // Marks `key` as read by the caller.
  void Known(std::string_view key) { known_.insert(std::string(key)); }
  // After all reads: any key not read is unknown.
  Status RejectUnknown() const {
    for (const auto& [key, node] : table_) {
      if (!known_.count(std::string(key.str()))) {
        return InvalidArgument("unknown key at " + Where(node, source_), Name(key.str()));
      }
    }
    return Status::Ok();
  }

 private:
  std::string Name(std::string_view key) const { return prefix_ + "." + std::string(key); }

  template <class T, class Fn>
  Status Read(std::string_view key, Fn&& assign) {
    known_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (!node) return Status::Ok();
    // Integers only from integers: toml++'s value<int64_t>() converts a float such as
    // 1e75 with undefined behaviour (found by fuzzing, UBSan), so the type comes first.
    const bool wrong_type = std::is_same_v<T, int64_t> && !node->is_integer();
    const auto value = wrong_type ? std::nullopt : node->value<T>();
    if (!value) return InvalidArgument("wrong type at " + Where(*node, source_), Name(key));
    return assign(*value);
  }

  const toml::table& table_;
  std::string prefix_;
  std::string_view source_;
  std::set<std::string> known_;
};

Status ReadPage(const toml::table& t, std::string_view source, PageConfig& page) {
  TableReader r(t, "page", source);
  PHARE_RETURN_IF_ERROR(r.String("name", page.name));
  PHARE_RETURN_IF_ERROR(r.String("url", page.url));
  PHARE_RETURN_IF_ERROR(r.String("time_zone", page.time_zone));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  if (!Zone::Find(page.time_zone).ok()) {
    return InvalidArgument("unknown time zone '" + page.time_zone + "'", "page.time_zone");
  }
  return Status::Ok();
}

Status ReadServer(const toml::table& t, std::string_view source, ServerConfig& s) {
  TableReader r(t, "server", source);
  PHARE_RETURN_IF_ERROR(r.String("listen", s.listen));
  PHARE_RETURN_IF_ERROR(r.Integer("threads", s.threads, 0, 256));
  PHARE_RETURN_IF_ERROR(r.Integer("max_body_bytes", s.max_body_bytes, 1024, int64_t{1} << 32));
  PHARE_RETURN_IF_ERROR(
      r.Integer("max_public_body_bytes", s.max_public_body_bytes, 1024, int64_t{1} << 32));
  PHARE_RETURN_IF_ERROR(
      r.Integer("max_body_memory_bytes", s.max_body_memory_bytes, 1024, int64_t{1} << 40));
  PHARE_RETURN_IF_ERROR(r.Integer("max_spool_bytes", s.max_spool_bytes, 1024, int64_t{1} << 44));
  PHARE_RETURN_IF_ERROR(r.Integer("max_header_bytes", s.max_header_bytes, 1024, 1 << 20));
  PHARE_RETURN_IF_ERROR(r.Integer("read_timeout_seconds", s.read_timeout_seconds, 1, 3600));
  PHARE_RETURN_IF_ERROR(r.Integer("drain_timeout_seconds", s.drain_timeout_seconds, 0, 600));
  PHARE_RETURN_IF_ERROR(r.Integer("max_connections", s.max_connections, 1, 1000000));
  PHARE_RETURN_IF_ERROR(r.Integer("cache_max_age_seconds", s.cache_max_age_seconds, 0, 86400));
  PHARE_RETURN_IF_ERROR(r.String("tls_cert", s.tls_cert));
  PHARE_RETURN_IF_ERROR(r.String("tls_key", s.tls_key));
  PHARE_RETURN_IF_ERROR(r.String("frame_ancestors", s.frame_ancestors));
  PHARE_RETURN_IF_ERROR(r.String("metrics_listen", s.metrics_listen));
  PHARE_RETURN_IF_ERROR(r.String("metrics_token", s.metrics_token));
  PHARE_RETURN_IF_ERROR(r.Strings("trusted_proxies", s.trusted_proxies));
  PHARE_RETURN_IF_ERROR(r.String("forwarded_header", s.forwarded_header));
  PHARE_RETURN_IF_ERROR(r.Bool("access_log", s.access_log));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  if (s.forwarded_header != "x-forwarded-for" && s.forwarded_header != "forwarded") {
    return InvalidArgument("must be \"x-forwarded-for\" or \"forwarded\"", "forwarded_header");
  }
  if (s.frame_ancestors.empty() || s.frame_ancestors.find_first_of(";,\r\n") != std::string::npos) {
    return InvalidArgument("must be a CSP source list such as 'none' or 'self' https://example.com",
                           "server.frame_ancestors");
  }
  if (!s.metrics_listen.empty() && !ParseHostPort(s.metrics_listen).ok()) {
    return InvalidArgument("must be HOST:PORT", "server.metrics_listen");
  }
  return Status::Ok();
}

Status ReadComms(const toml::table& t, std::string_view source, CommsConfig& c) {
  TableReader r(t, "comms", source);
  PHARE_RETURN_IF_ERROR(r.String("default_language", c.default_language));
  PHARE_RETURN_IF_ERROR(r.String("default_audience", c.default_audience));
  PHARE_RETURN_IF_ERROR(r.Strings("checker_blocking", c.checker_blocking));
  PHARE_RETURN_IF_ERROR(r.Strings("checker_disabled", c.checker_disabled));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  if (c.default_audience != "general" && c.default_audience != "technical") {
    return InvalidArgument("must be general or technical", "comms.default_audience");
  }
  return Status::Ok();
}

Status ReadCadence(const toml::table& t, std::string_view source, CadenceConfig& c) {
  TableReader r(t, "cadence", source);
  PHARE_RETURN_IF_ERROR(r.Integer("interval_minutes", c.interval_minutes, 1, 24 * 60));
  PHARE_RETURN_IF_ERROR(r.Integer("grace_minutes", c.grace_minutes, 0, 24 * 60));
  PHARE_RETURN_IF_ERROR(r.String("ops_webhook", c.ops_webhook));
  return r.RejectUnknown();
}

Status ReadFeedback(const toml::table& t, std::string_view source, FeedbackConfig& f) {
  TableReader r(t, "feedback", source);
  PHARE_RETURN_IF_ERROR(r.Double("unclear_share", f.unclear_share, 0.0, 1.0));
  PHARE_RETURN_IF_ERROR(r.Integer("min_votes", f.min_votes, 1, 1000000));
  return r.RejectUnknown();
}

Status ReadEta(const toml::table& t, std::string_view source, EtaSettings& e) {
  TableReader r(t, "eta", source);
  PHARE_RETURN_IF_ERROR(r.Double("publish_quantile", e.publish_quantile, 0.5, 0.99));
  PHARE_RETURN_IF_ERROR(r.String("operator_policy", e.operator_policy));
  PHARE_RETURN_IF_ERROR(r.Bool("builtin_baseline", e.builtin_baseline));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  if (e.operator_policy != "as_stated" && e.operator_policy != "blend") {
    return InvalidArgument("must be as_stated or blend", "eta.operator_policy");
  }
  return Status::Ok();
}

Status ReadSmtp(const toml::table& t, std::string_view source, SmtpConfig& c) {
  TableReader r(t, "smtp", source);
  PHARE_RETURN_IF_ERROR(r.String("url", c.url));
  PHARE_RETURN_IF_ERROR(r.String("from", c.from));
  PHARE_RETURN_IF_ERROR(r.String("from_name", c.from_name));
  PHARE_RETURN_IF_ERROR(r.Integer("connections", c.connections, 1, 256));
  return r.RejectUnknown();
}

Status ReadSms(const toml::table& t, std::string_view source, SmsConfig& c) {
  TableReader r(t, "sms", source);
  PHARE_RETURN_IF_ERROR(r.String("url", c.url));
  PHARE_RETURN_IF_ERROR(r.String("content_type", c.content_type));
  PHARE_RETURN_IF_ERROR(r.Strings("headers", c.headers));
  PHARE_RETURN_IF_ERROR(r.String("from", c.from));
  PHARE_RETURN_IF_ERROR(r.Integer("max_segments", c.max_segments, 1, 10));
  PHARE_RETURN_IF_ERROR(r.String("body_template", c.body_template));
  return r.RejectUnknown();
}

Status ReadNotify(const toml::table& t, std::string_view source, NotifyConfig& c) {
  TableReader r(t, "notify", source);
  PHARE_RETURN_IF_ERROR(r.Bool("allow_private_targets", c.allow_private_targets));
  PHARE_RETURN_IF_ERROR(r.Integer("max_attempts", c.max_attempts, 1, 100));
  PHARE_RETURN_IF_ERROR(r.Integer("retry_initial_seconds", c.retry_initial_seconds, 1, 86400));
  PHARE_RETURN_IF_ERROR(r.Integer("retry_max_seconds", c.retry_max_seconds, 1, 7 * 86400));
  PHARE_RETURN_IF_ERROR(r.Integer("lease_seconds", c.lease_seconds, 5, 86400));
  PHARE_RETURN_IF_ERROR(r.Integer("fanout_batch", c.fanout_batch, 10, 100000));
  PHARE_RETURN_IF_ERROR(r.Integer("fanout_pause_ms", c.fanout_pause_ms, 0, 1000));
  PHARE_RETURN_IF_ERROR(r.Integer("webhook_concurrency", c.webhook_concurrency, 1, 10000));
  PHARE_RETURN_IF_ERROR(r.Integer("chat_concurrency", c.chat_concurrency, 1, 10000));
  PHARE_RETURN_IF_ERROR(r.Integer("sms_concurrency", c.sms_concurrency, 1, 10000));
  PHARE_RETURN_IF_ERROR(r.Integer("max_per_host", c.max_per_host, 1, 1000));
  PHARE_RETURN_IF_ERROR(r.Integer("sender_threads", c.sender_threads, 1, 16));
  PHARE_RETURN_IF_ERROR(r.Integer("keep_delivered_days", c.keep_delivered_days, 0, 3650));
  PHARE_RETURN_IF_ERROR(r.Integer("max_outstanding", c.max_outstanding, 1, 1000000));
  PHARE_RETURN_IF_ERROR(r.Integer("quarantine_after", c.quarantine_after, 0, 1000));
  PHARE_RETURN_IF_ERROR(r.Integer("confirm_ttl_hours", c.confirm_ttl_hours, 1, 24 * 365));
  PHARE_RETURN_IF_ERROR(r.Integer("nice", c.nice, 0, 19));
  PHARE_RETURN_IF_ERROR(r.Integer("subscribe_per_ip_burst", c.subscribe_per_ip_burst, 1, 100000));
  PHARE_RETURN_IF_ERROR(
      r.Integer("subscribe_per_ip_per_hour", c.subscribe_per_ip_per_hour, 1, 1000000));
  PHARE_RETURN_IF_ERROR(
      r.Integer("subscribe_per_address_per_hour", c.subscribe_per_address_per_hour, 1, 1000));
  PHARE_RETURN_IF_ERROR(r.String("public_webhooks", c.public_webhooks));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  if (c.public_webhooks != "verify" && c.public_webhooks != "admin_only" &&
      c.public_webhooks != "open") {
    return InvalidArgument("must be \"verify\", \"admin_only\" or \"open\"",
                           "notify.public_webhooks");
  }
  if (c.retry_max_seconds < c.retry_initial_seconds) {
    return InvalidArgument("must be at least retry_initial_seconds", "notify.retry_max_seconds");
  }
  return Status::Ok();
}

Status ReadConsole(const toml::table& t, std::string_view source, ConsoleConfig& c) {
  TableReader r(t, "console", source);
  PHARE_RETURN_IF_ERROR(r.Integer("session_idle_minutes", c.session_idle_minutes, 1, 24 * 60));
  PHARE_RETURN_IF_ERROR(r.Integer("session_max_hours", c.session_max_hours, 1, 24 * 31));
  PHARE_RETURN_IF_ERROR(r.Integer("password_link_hours", c.password_link_hours, 1, 24 * 31));
  PHARE_RETURN_IF_ERROR(r.Integer("login_per_account_burst", c.login_per_account_burst, 1, 1000));
  PHARE_RETURN_IF_ERROR(
      r.Integer("login_per_account_per_hour", c.login_per_account_per_hour, 1, 100000));
  PHARE_RETURN_IF_ERROR(r.Integer("login_per_address_burst", c.login_per_address_burst, 1, 1000));
  PHARE_RETURN_IF_ERROR(
      r.Integer("login_per_address_per_hour", c.login_per_address_per_hour, 1, 100000));
  return r.RejectUnknown();
}

Status ReadSocialAccount(const toml::table& t, std::string prefix, std::string_view source,
                         SocialAccountConfig& a) {
  TableReader r(t, prefix, source);
  PHARE_RETURN_IF_ERROR(r.String("name", a.name));
  PHARE_RETURN_IF_ERROR(r.String("network", a.network));
  PHARE_RETURN_IF_ERROR(r.String("url", a.url));
  PHARE_RETURN_IF_ERROR(r.String("language", a.language));
  PHARE_RETURN_IF_ERROR(r.String("audience", a.audience));
  PHARE_RETURN_IF_ERROR(r.String("time_zone", a.time_zone));
  PHARE_RETURN_IF_ERROR(r.Integer("max_chars", a.max_chars, 0, 100000));
  PHARE_RETURN_IF_ERROR(r.String("handle", a.handle));
  PHARE_RETURN_IF_ERROR(r.String("token_file", a.token_file));
  PHARE_RETURN_IF_ERROR(r.String("token_env", a.token_env));
  PHARE_RETURN_IF_ERROR(r.Integer("hold_seconds", a.hold_seconds, 0, 24 * 3600));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  const auto bad = [&](std::string message, std::string_view key) {
    return InvalidArgument(std::move(message), prefix + "." + std::string(key));
  };
  if (a.name.empty()) return bad("is required", "name");
  if (a.network != "mastodon" && a.network != "bluesky" && a.network != "x") {
    return bad("must be mastodon, bluesky or x", "network");
  }
  if (!a.url.starts_with("https://") && !a.url.starts_with("http://")) {
    return bad("must be an http(s) URL", "url");
  }
  if (a.audience != "general" && a.audience != "technical") {
    return bad("must be general or technical", "audience");
  }
  if (!a.time_zone.empty() && !Zone::Find(a.time_zone).ok()) {
    return bad("unknown time zone '" + a.time_zone + "'", "time_zone");
  }
  if (a.token_file.empty() == a.token_env.empty()) {
    return bad("set exactly one of token_file and token_env", "token_file");
  }
  if (a.network == "bluesky" && a.handle.empty()) return bad("is required for bluesky", "handle");
  return Status::Ok();
}

Status ReadSocial(const toml::table& t, std::string_view source, SocialConfig& c) {
  TableReader r(t, "social", source);
  PHARE_RETURN_IF_ERROR(r.Integer("max_attempts", c.max_attempts, 1, 100));
  PHARE_RETURN_IF_ERROR(r.Integer("retry_initial_seconds", c.retry_initial_seconds, 1, 86400));
  PHARE_RETURN_IF_ERROR(r.Integer("retry_max_seconds", c.retry_max_seconds, 1, 7 * 86400));
  PHARE_RETURN_IF_ERROR(r.Integer("lease_seconds", c.lease_seconds, 5, 86400));
  const toml::node* accounts = t.get("accounts");
  if (accounts) {
    const toml::array* array = accounts->as_array();
    if (!array)
      return InvalidArgument("must be an array of tables ([[social.accounts]])", "social.accounts");
    std::set<std::string> names;
    for (size_t i = 0; i < array->size() && i < 64; ++i) {
      const toml::table* item = (*array)[i].as_table();
      const std::string prefix = "social.accounts[" + std::to_string(i) + "]";
      if (!item) return InvalidArgument("must be a table", prefix);
      SocialAccountConfig account;
      PHARE_RETURN_IF_ERROR(ReadSocialAccount(*item, prefix, source, account));
      if (!names.insert(account.name).second) {
        return InvalidArgument("duplicate account name '" + account.name + "'", prefix + ".name");
      }
      c.accounts.push_back(std::move(account));
    }
    if (array->size() > 64) return InvalidArgument("at most 64 accounts", "social.accounts");
  }
  for (const auto& [key, node] : t) {
    if (key.str() != "accounts" && key.str() != "max_attempts" &&
        key.str() != "retry_initial_seconds" && key.str() != "retry_max_seconds" &&
        key.str() != "lease_seconds") {
      return InvalidArgument("unknown key at " + Where(node, source),
                             "social." + std::string(key.str()));
    }
  }
  if (c.retry_max_seconds < c.retry_initial_seconds) {
    return InvalidArgument("must be at least retry_initial_seconds", "social.retry_max_seconds");
  }
  return Status::Ok();
}

Status ReadSlaTier(const toml::node& node, std::string_view source, const std::string& prefix,
                   SlaTierConfig& tier) {
  const toml::table* t = node.as_table();
  if (!t) {
    return InvalidArgument(
        "must be a table such as {below = 99.9, credit = 10} at " + Where(node, source), prefix);
  }
  TableReader r(*t, prefix, source);
  PHARE_RETURN_IF_ERROR(r.Double("below", tier.below, 0, 100));
  PHARE_RETURN_IF_ERROR(r.Double("credit", tier.credit, 0, 100));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  if (!t->contains("below") || !t->contains("credit")) {
    return InvalidArgument("needs both below and credit", prefix);
  }
  return Status::Ok();
}

// [sla.<name>] tables, each one plan.
Status ReadSla(const toml::table& t, std::string_view source, std::vector<SlaPlanConfig>& out) {
  constexpr size_t kMaxPlans = 100;
  constexpr size_t kMaxTiers = 10;
  out.clear();
  for (const auto& [key, node] : t) {
    const std::string prefix = "sla." + std::string(key.str());
    const toml::table* plan_table = node.as_table();
    if (!plan_table) return InvalidArgument("must be a table at " + Where(node, source), prefix);
    if (out.size() == kMaxPlans) {
      return InvalidArgument("more than " + std::to_string(kMaxPlans) + " plans", "sla");
    }
    SlaPlanConfig plan;
    plan.name = std::string(key.str());
    TableReader r(*plan_table, prefix, source);
    PHARE_RETURN_IF_ERROR(r.Double("target", plan.target, 0, 100));
    PHARE_RETURN_IF_ERROR(r.Bool("count_degraded", plan.count_degraded));
    PHARE_RETURN_IF_ERROR(r.Integer("floor_minutes", plan.floor_minutes, 0, 24 * 60));
    PHARE_RETURN_IF_ERROR(r.Double("cap", plan.cap, 0, 100));
    r.Known("tiers");  // read below: an array of tables
    PHARE_RETURN_IF_ERROR(r.RejectUnknown());
    const toml::node* tiers = plan_table->get("tiers");
    const toml::array* array = tiers ? tiers->as_array() : nullptr;
    if (!array) {
      return InvalidArgument("needs tiers = [{below = 99.9, credit = 10}, ...]", prefix + ".tiers");
    }
    if (array->size() > kMaxTiers) {
      return InvalidArgument("has more than " + std::to_string(kMaxTiers) + " tiers",
                             prefix + ".tiers");
    }
    for (size_t k = 0; k < array->size(); ++k) {
      SlaTierConfig tier;
      PHARE_RETURN_IF_ERROR(
          ReadSlaTier((*array)[k], source, prefix + ".tiers[" + std::to_string(k) + "]", tier));
      plan.tiers.push_back(tier);
    }
    out.push_back(std::move(plan));
  }
  return Status::Ok();
}

}  // namespace

Status LoadConfigText(std::string_view text, std::string_view source, Config& config) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(std::string(source) + ":" + std::to_string(e.source().begin.line) +
                           ": " + std::string(e.description()));
  }
  for (const auto& [key, node] : root) {
    const std::string name(key.str());
    if (name == "database") {
      const toml::table* t = node.as_table();
      if (!t) return InvalidArgument("must be a table at " + Where(node, source), name);
      TableReader r(*t, "database", source);
      PHARE_RETURN_IF_ERROR(r.String("path", config.db_path));
      PHARE_RETURN_IF_ERROR(r.RejectUnknown());
    } else if (name == "log") {
      const toml::table* t = node.as_table();
      if (!t) return InvalidArgument("must be a table at " + Where(node, source), name);
      TableReader r(*t, "log", source);
      PHARE_RETURN_IF_ERROR(r.String("level", config.log_level));
      PHARE_RETURN_IF_ERROR(r.RejectUnknown());
    } else if (name == "feedback") {
      const toml::table* t = node.as_table();
      if (!t) return InvalidArgument("must be a table at " + Where(node, source), name);
      PHARE_RETURN_IF_ERROR(ReadFeedback(*t, source, config.feedback));
    } else if (name == "comms" || name == "cadence" || name == "eta") {
      const toml::table* t = node.as_table();
      if (!t) return InvalidArgument("must be a table at " + Where(node, source), name);
      if (name == "comms") PHARE_RETURN_IF_ERROR(ReadComms(*t, source, config.comms));
      if (name == "cadence") PHARE_RETURN_IF_ERROR(ReadCadence(*t, source, config.cadence));
      if (name == "eta") PHARE_RETURN_IF_ERROR(ReadEta(*t, source, config.eta));
    } else if (name == "inventory") {
      const toml::table* t = node.as_table();
      if (!t) return InvalidArgument("must be a table at " + Where(node, source), name);
      TableReader r(*t, "inventory", source);
      PHARE_RETURN_IF_ERROR(
          r.Integer("max_upload_bytes", config.inventory.max_upload_bytes, 1024, int64_t{1} << 40));
      PHARE_RETURN_IF_ERROR(
          r.Integer("max_shrink_percent", config.inventory.max_shrink_percent, 0, 100));
      PHARE_RETURN_IF_ERROR(r.RejectUnknown());
    } else if (name == "smtp" || name == "sms" || name == "notify") {
      const toml::table* t = node.as_table();
      if (!t) return InvalidArgument("must be a table at " + Where(node, source), name);
      if (name == "smtp") PHARE_RETURN_IF_ERROR(ReadSmtp(*t, source, config.smtp));
      if (name == "sms") PHARE_RETURN_IF_ERROR(ReadSms(*t, source, config.sms));
      if (name == "notify") PHARE_RETURN_IF_ERROR(ReadNotify(*t, source, config.notify));
    } else if (name == "social") {
      const toml::table* t = node.as_table();
      if (!t) return InvalidArgument("must be a table at " + Where(node, source), name);
      PHARE_RETURN_IF_ERROR(ReadSocial(*t, source, config.social));
    } else if (name == "sla") {
      const toml::table* t = node.as_table();
      if (!t) return InvalidArgument("must be a table at " + Where(node, source), name);
      PHARE_RETURN_IF_ERROR(ReadSla(*t, source, config.sla));
    } else if (name == "console") {
      const toml::table* t = node.as_table();
      if (!t) return InvalidArgument("must be a table at " + Where(node, source), name);
      PHARE_RETURN_IF_ERROR(ReadConsole(*t, source, config.console));
    } else if (name == "page" || name == "server") {
      const toml::table* t = node.as_table();
      if (!t) return InvalidArgument("must be a table at " + Where(node, source), name);
      PHARE_RETURN_IF_ERROR(name == "page" ? ReadPage(*t, source, config.page)
                                           : ReadServer(*t, source, config.server));
    } else {
      return InvalidArgument("unknown section at " + Where(node, source), name);
    }
  }
  return Status::Ok();
}

Status LoadConfigFile(const std::string& path, Config& config) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot read config file '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return LoadConfigText(text.str(), path, config);
}

Result<HostPort> ParseHostPort(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return InvalidArgument("'" + std::string(text) + "' is not HOST:PORT (e.g. 127.0.0.1:8080)");
  }
  std::string_view host = text.substr(0, colon);
  if (host.front() == '[') {
    if (host.back() != ']')
      return InvalidArgument("'" + std::string(text) + "' is not [IPv6]:PORT");
    host = host.substr(1, host.size() - 2);
  }
  const std::string_view port_text = text.substr(colon + 1);
  unsigned port = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535) {
    return InvalidArgument("'" + std::string(port_text) + "' is not a port number (0-65535)");
  }
  return HostPort{std::string(host), static_cast<uint16_t>(port)};
}

}  // namespace phare::base
