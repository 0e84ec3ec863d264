#include "app/notifications.h"

#include <spdlog/spdlog.h>
#include <boost/json/serialize.hpp>

#include "api/json_render.h"
#include "api/social_posts_api.h"
#include "api/subscribers_api.h"
#include "app/social_accounts.h"
#include "app/subscription_site.h"
#include "notify/address.h"
#include "notify/endpoint_check.h"
#include "notify/render.h"
#include "notify/social_poster.h"
#include "service/feedback.h"
#include "service/social_posts.h"

namespace phare::app {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

// "status@status.example.net" for the page's host name; when the page is reached by an
// address or a single-label name (tests, labs), "status@localhost.localdomain".
std::string DefaultFrom(const model::Page& page) {
  const std::string host = notify::MailDomain(page.url);
  const bool named = host.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos &&
                     host.find('.') != std::string::npos && host.find(':') == std::string::npos;
  auto from = notify::NormalizeEmailAddress("status@" + host);
  return named && from.ok() ? *from : std::string("status@localhost.localdomain");
}

base::Result<std::optional<notify::SmsGateway>> SmsFrom(const base::SmsConfig& c) {
  if (c.url.empty()) return std::optional<notify::SmsGateway>();
  notify::SmsGatewayConfig g;
  g.url = c.url;
  if (!c.body_template.empty()) g.body_template = c.body_template;
  g.content_type = c.content_type;
  g.headers = c.headers;
  g.from = c.from;
  g.max_segments = static_cast<size_t>(c.max_segments);
  PHARE_ASSIGN_OR_RETURN(auto gateway, notify::SmsGateway::Create(std::move(g)));
  return std::optional<notify::SmsGateway>(std::move(gateway));
}

// The incident as /api/v2/incidents.json shows it, at the fan-out's time: what webhooks
// carry.
notify::IncidentJsonFn IncidentJson(const std::string& default_language, const base::Clock& clock) {
  return [default_language, &clock](const model::Page& page, const model::Incident& incident,
                                    const std::vector<model::Component>& components) {
    auto zone = base::Zone::Find(page.time_zone);
    const base::Zone z = zone.ok() ? *zone : base::Zone::Utc();
    comms::Readers readers(z);
    const api::RenderContext ctx{page, z, components, &readers, default_language, clock.Now()};
    return boost::json::serialize(api::IncidentJson(ctx, incident));
  };
}

// The component as /api/v2/components.json shows it: what component_update webhooks carry.
notify::ComponentJsonFn ComponentJson(const std::string& default_language) {
  return [default_language](const model::Page& page, const model::Component& component,
                            const std::vector<model::Component>& components) {
    auto zone = base::Zone::Find(page.time_zone);
    const base::Zone z = zone.ok() ? *zone : base::Zone::Utc();
    const api::RenderContext ctx{page, z, components, nullptr, default_language};
    return boost::json::serialize(api::ComponentJson(ctx, component));
  };
}

base::Duration PerHour(int count) {
  return std::chrono::duration_cast<base::Duration>(hours(1)) / std::max(1, count);
}

}  // namespace

base::Result<notify::PipelineOptions> PipelineOptionsFrom(const base::Config& config,
                                                          const model::Page& page) {
  const auto& n = config.notify;
  notify::PipelineOptions o;
  auto& t = o.transport;
  if (!config.smtp.url.empty()) {
    auto relay = notify::ParseSmtpRelay(config.smtp.url);
    if (!relay.ok()) return base::InvalidArgument(relay.status().message(), "--smtp");
    t.smtp = std::move(relay).value();
  }
  t.smtp_connections = static_cast<size_t>(config.smtp.connections);
  t.max_in_flight = {
      static_cast<size_t>(config.smtp.connections), static_cast<size_t>(n.webhook_concurrency),
      static_cast<size_t>(n.chat_concurrency), static_cast<size_t>(n.sms_concurrency)};
  t.max_per_host = static_cast<size_t>(n.max_per_host);
  t.allow_private_targets = n.allow_private_targets;
  t.max_queued = std::max<size_t>(t.max_queued, static_cast<size_t>(n.max_outstanding));
  auto& d = o.dispatcher;
  d.retry.max_attempts = n.max_attempts;
  d.retry.initial_delay = seconds(n.retry_initial_seconds);
  d.retry.max_delay = seconds(n.retry_max_seconds);
  d.lease = seconds(n.lease_seconds);
  d.max_outstanding = static_cast<size_t>(n.max_outstanding);
  d.quarantine_after = n.quarantine_after;
  d.mail_from = config.smtp.from.empty() ? DefaultFrom(page) : config.smtp.from;
  auto from = notify::NormalizeEmailAddress(d.mail_from);
  if (!from.ok()) return base::InvalidArgument(from.status().message(), "smtp.from");
  d.mail_from_name = config.smtp.from_name;
  auto sms = SmsFrom(config.sms);
  if (!sms.ok()) return base::InvalidArgument(sms.status().message(), "sms");
  d.sms = std::move(sms).value();
  o.fanout.batch = static_cast<size_t>(n.fanout_batch);
  o.fanout_pause = std::chrono::milliseconds(n.fanout_pause_ms);
  o.fanout.default_language = config.comms.default_language;
  o.fanout.component_json = ComponentJson(config.comms.default_language);
  o.nice = n.nice;
  o.sender_threads = static_cast<size_t>(n.sender_threads);
  o.keep_delivered = std::chrono::hours(24 * n.keep_delivered_days);
  return o;
}

service::SubscriberPolicy SubscriberPolicyFrom(const base::Config& config) {
  service::SubscriberPolicy p;
  p.allow_private_targets = config.notify.allow_private_targets;
  const std::string& mode = config.notify.public_webhooks;
  p.public_webhooks = mode == "open"         ? service::PublicWebhooks::kOpen
                      : mode == "admin_only" ? service::PublicWebhooks::kAdminOnly
                                             : service::PublicWebhooks::kVerify;
  p.confirm_ttl =
      std::chrono::duration_cast<base::Duration>(hours(config.notify.confirm_ttl_hours));
  return p;
}

namespace {

// The serving policy: SubscriberPolicyFrom, with the endpoint check of public webhooks
// (its own short timeouts: a public request waits for it).
service::SubscriberPolicy ServePolicy(const base::Config& config, const base::Clock& clock) {
  auto p = SubscriberPolicyFrom(config);
  notify::TransportOptions t;
  t.allow_private_targets = config.notify.allow_private_targets;
  t.connect_timeout = seconds(5);
  t.http_timeout = seconds(10);
  p.check_endpoint = [t, &clock](std::string_view url, std::string_view challenge) {
    return notify::CheckEndpoint(t, clock, url, challenge);
  };
  return p;
}

}  // namespace

struct Notifications::Parts {
  Parts(const base::Config& config, service::Context& ctx)
      : subscribers(ctx, ServePolicy(config, ctx.clock)),
        per_client(ctx.clock, config.notify.subscribe_per_ip_burst,
                   PerHour(config.notify.subscribe_per_ip_per_hour)),
        per_address(ctx.clock, config.notify.subscribe_per_address_per_hour,
                    PerHour(config.notify.subscribe_per_address_per_hour)) {}

  service::SubscriberService subscribers;
  http::RateLimiter per_client;
  http::RateLimiter per_address;
  std::unique_ptr<notify::Pipeline> pipeline;
  std::unique_ptr<service::SubscriptionQueue> queue;  // wakes the pipeline: stops first
  std::unique_ptr<api::SubscriberApiDeps> api;
  std::unique_ptr<SubscriptionSite> site;
  // Social posts (docs/channels.md): the accounts, the poster when there are any.
  std::vector<notify::SocialAccount> social_accounts;
  std::unique_ptr<service::SocialPostService> social;
  std::unique_ptr<notify::SocialPoster> poster;
};

namespace {

base::Status StartSocial(const base::Config& config, service::Context& ctx,
                         Notifications::Parts& parts) {
  PHARE_ASSIGN_OR_RETURN(parts.social_accounts, SocialAccountsFrom(config, true));
  parts.social = std::make_unique<service::SocialPostService>(ctx, parts.social_accounts);
  if (parts.social_accounts.empty()) return base::Status::Ok();
  notify::SocialPosterOptions o;
  o.retry.max_attempts = config.social.max_attempts;
  o.retry.initial_delay = seconds(config.social.retry_initial_seconds);
  o.retry.max_delay = seconds(config.social.retry_max_seconds);
  o.lease = seconds(config.social.lease_seconds);
  o.transport.allow_private_targets = config.notify.allow_private_targets;
  o.transport.max_queued = 16;
  o.page_url = config.page.url;
  PHARE_ASSIGN_OR_RETURN(parts.poster,
                         notify::SocialPoster::Create(ctx.store, ctx.clock, ctx.random,
                                                      parts.social_accounts, std::move(o)));
  PHARE_RETURN_IF_ERROR(parts.poster->Start());
  spdlog::info("social posts: {} account(s)", parts.social_accounts.size());
  return base::Status::Ok();
}

}  // namespace

Notifications::Notifications(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
Notifications::~Notifications() { Stop(); }

base::Result<std::unique_ptr<Notifications>> Notifications::Start(const base::Config& config,
                                                                  service::Context& ctx,
                                                                  const model::Page& page) {
  PHARE_ASSIGN_OR_RETURN(auto options, PipelineOptionsFrom(config, page));
  PHARE_ASSIGN_OR_RETURN(auto feedback, service::FeedbackKey::Load(ctx.store, ctx.random));
  options.fanout.feedback_key = feedback.bytes();
  auto parts = std::make_unique<Parts>(config, ctx);
  PHARE_ASSIGN_OR_RETURN(auto tokens, parts->subscribers.Tokens());
  if (!options.transport.smtp) spdlog::warn("no SMTP relay (--smtp): e-mail is not sent");
  PHARE_ASSIGN_OR_RETURN(
      parts->pipeline,
      notify::Pipeline::Start(ctx.store, ctx.clock, ctx.random, page, std::move(options),
                              IncidentJson(config.comms.default_language, ctx.clock),
                              std::move(tokens)));
  notify::Pipeline* pipeline = parts->pipeline.get();
  parts->queue = std::make_unique<service::SubscriptionQueue>(
      parts->subscribers, [pipeline](const base::Status& decided) {
        if (decided.ok()) {
          pipeline->Wake();  // a confirmation may be due
        } else {
          spdlog::warn("public subscription: {}", decided.ToString());
        }
      });
  parts->api = std::make_unique<api::SubscriberApiDeps>(
      api::SubscriberApiDeps{parts->subscribers, parts->per_client, parts->per_address,
                             *parts->queue, [pipeline] { pipeline->Wake(); }});
  PHARE_RETURN_IF_ERROR(StartSocial(config, ctx, *parts));
  return std::unique_ptr<Notifications>(new Notifications(std::move(parts)));
}

void Notifications::Install(http::Router& router, api::AdminDeps& admin, Publisher& publisher,
                            const std::string& default_language) {
  api::RegisterSubscriberRoutes(router, admin, *parts_->api);
  notify::SocialPoster* poster = parts_->poster.get();
  api::RegisterSocialPostRoutes(router, admin, *parts_->social, [poster] {
    if (poster) poster->Wake();
  });
  parts_->site =
      std::make_unique<SubscriptionSite>(publisher, default_language, parts_->subscribers,
                                         parts_->per_client, parts_->per_address, *parts_->queue);
  parts_->site->Install(router);
}

void Notifications::Schedule(Scheduler& scheduler) {
  scheduler.Every("unconfirmed-subscribers", hours(1), [this] {
    auto removed = parts_->subscribers.PurgeUnconfirmed();
    if (!removed.ok()) {
      spdlog::error("purging unconfirmed subscribers: {}", removed.status().ToString());
    } else if (*removed > 0) {
      spdlog::info("forgot {} subscribers who never confirmed", *removed);
    }
  });
}

void Notifications::Export(base::Registry& registry) {
  parts_->pipeline->Export(registry);
  if (parts_->poster) parts_->poster->Export(registry);
}

void Notifications::Wake() {
  parts_->pipeline->Wake();
  if (parts_->poster) parts_->poster->Wake();
}

void Notifications::Stop() {
  if (parts_ && parts_->queue) parts_->queue->Stop();
  if (parts_ && parts_->pipeline) parts_->pipeline->Stop();
  if (parts_ && parts_->poster) parts_->poster->Stop();
}

}  // namespace phare::app
