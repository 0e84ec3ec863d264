// phare serve, phare demo.
#include <spdlog/spdlog.h>

#include <cstdlib>

#include "app/cli.h"
#include "app/demo.h"

namespace phare::app {
namespace {

struct ServeFlags {
  CommonOptions common;
  std::optional<std::string> listen, tls_cert, tls_key, page_name, page_url, time_zone;
  std::optional<int> threads;
  std::optional<size_t> max_body_bytes;
  bool access_log = false;
  std::optional<std::string> smtp, smtp_from;
  bool allow_private_targets = false;
};

void AddServeFlags(CLI::App* cmd, ServeFlags& f) {
  AddCommonOptions(cmd, f.common, /*db_optional=*/true);
  cmd->add_option("--listen", f.listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  cmd->add_option("--tls-cert", f.tls_cert, "PEM certificate chain: serve HTTPS")
      ->check(CLI::ExistingFile);
  cmd->add_option("--tls-key", f.tls_key, "PEM private key for --tls-cert")
      ->check(CLI::ExistingFile);
  cmd->add_option("--page-name", f.page_name, "the page's name");
  cmd->add_option("--page-url", f.page_url, "the page's public base URL");
  cmd->add_option("--time-zone", f.time_zone, "the page's IANA time zone (e.g. Europe/Paris)");
  cmd->add_option("--threads", f.threads, "network threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  cmd->add_option("--max-body-bytes", f.max_body_bytes, "largest request body accepted")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 32));
  cmd->add_flag("--access-log", f.access_log, "log every request");
  cmd->add_option(
      "--smtp", f.smtp,
      "SMTP relay for notification e-mail: smtp://[user:pass@]host[:port] ([smtp] url)");
  cmd->add_option("--smtp-from", f.smtp_from, "sender address of notification e-mail");
  cmd->add_flag("--allow-private-targets", f.allow_private_targets,
                "let webhooks, chat and the SMS gateway reach loopback and private addresses "
                "(tests, labs)");
}

base::Result<base::Config> ServeConfig(const ServeFlags& f) {
  PHARE_ASSIGN_OR_RETURN(auto config, LoadConfig(f.common));
  if (f.listen) config.server.listen = *f.listen;
  if (f.tls_cert) config.server.tls_cert = *f.tls_cert;
  if (f.tls_key) config.server.tls_key = *f.tls_key;
  if (f.page_name) config.page.name = *f.page_name;
  if (f.page_url) config.page.url = *f.page_url;
  if (f.time_zone) config.page.time_zone = *f.time_zone;
  if (f.threads) config.server.threads = *f.threads;
  if (f.max_body_bytes) config.server.max_body_bytes = *f.max_body_bytes;
  if (f.access_log) config.server.access_log = true;
  if (f.smtp) config.smtp.url = *f.smtp;
  if (f.smtp_from) config.smtp.from = *f.smtp_from;
  if (f.allow_private_targets) config.notify.allow_private_targets = true;
  if (config.db_path.empty())
    return base::InvalidArgument("is required (or [database] path)", "--db");
  if (config.server.tls_cert.empty() != config.server.tls_key.empty()) {
    return base::InvalidArgument("HTTPS needs both --tls-cert and --tls-key", "--tls-cert");
  }
  if (!f.page_url && !config.page.url.empty() && config.page.url == base::PageConfig{}.url) {
    // Default the public URL to where we listen, so links work out of the box.
    const bool tls = !config.server.tls_cert.empty();
    config.page.url = std::string(tls ? "https://" : "http://") + config.server.listen;
  }
  PHARE_ASSIGN_OR_RETURN(auto listen, base::ParseHostPort(config.server.listen));
  (void)listen;
  return config;
}

// A French general-audience Mastodon account and an English technical Bluesky one, both
// posting to the receivers at `sink` with a throw-away secret.
void AddDemoSocialAccounts(const std::string& sink, base::Config& config) {
  setenv("PHARE_DEMO_SOCIAL_SECRET", "phare-demo", 0);
  base::SocialAccountConfig fr;
  fr.name = "mastodon-fr";
  fr.network = "mastodon";
  fr.url = sink;
  fr.language = "fr";
  fr.audience = "general";
  fr.token_env = "PHARE_DEMO_SOCIAL_SECRET";
  base::SocialAccountConfig en = fr;
  en.name = "bluesky-en-tech";
  en.network = "bluesky";
  en.language = "en";
  en.audience = "technical";
  en.time_zone = "UTC";
  en.handle = "status.demo.test";
  config.social.accounts = {fr, en};
  config.notify.allow_private_targets = true;
}

}  // namespace

void AddServeCommands(CLI::App& app, Action& action) {
  auto flags = std::make_shared<ServeFlags>();
  auto* serve = app.add_subcommand("serve", "Serve the status page, public JSON and admin API");
  AddServeFlags(serve, *flags);
  serve->footer(
      "Creates and migrates the database if needed. Stops on SIGTERM or SIGINT after the "
      "requests in flight are answered.");
  serve->callback([flags, &action] {
    action = [flags] {
      auto config = ServeConfig(*flags);
      if (!config.ok()) return Fail(config.status());
      auto runtime = Runtime::Open(*config, base::SystemClock::Instance());
      if (!runtime.ok()) return Fail(runtime.status());
      auto status = (*runtime)->Serve();
      return status.ok() ? 0 : Fail(status);
    };
  });

  auto demo_flags = std::make_shared<ServeFlags>();
  auto demo_options = std::make_shared<DemoOptions>();
  auto* demo = app.add_subcommand(
      "demo", "Seed the 9 November 2017 outage (Strasbourg power, Roubaix network) and replay it");
  AddServeFlags(demo, *demo_flags);
  demo->add_option("--speed", demo_options->speed,
                   "replay this many times faster than real time (default 60)")
      ->check(CLI::Range(0.01, 1e7));
  demo->add_option("--start", demo_options->start,
                   "replay from this instant (default 2017-11-09T06:20:00Z)");
  auto social_sink = std::make_shared<std::string>();
  demo->add_option("--social-sink", *social_sink,
                   "post the thread to local Mastodon- and Bluesky-shaped receivers at this URL "
                   "(tests/e2e/social_receivers.py); implies --allow-private-targets");
  demo->footer(
      "Replays the day on a simulated clock; the admin API stays open for experiments "
      "(the token is printed at start).");
  demo->callback([demo_flags, demo_options, social_sink, &action] {
    action = [demo_flags, demo_options, social_sink] {
      ServeFlags flags = *demo_flags;
      if (!flags.page_name) flags.page_name = "Cloud & hosting status (demo)";
      if (!flags.time_zone) flags.time_zone = "Europe/Paris";
      auto config = ServeConfig(flags);
      if (!config.ok()) return Fail(config.status());
      if (!social_sink->empty()) AddDemoSocialAccounts(*social_sink, *config);
      auto status = RunDemo(*config, *demo_options);
      return status.ok() ? 0 : Fail(status);
    };
  });
}

}  // namespace phare::app
