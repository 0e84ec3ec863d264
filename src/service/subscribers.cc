#include "service/subscribers.h"

#include <algorithm>
#include <cctype>

#include "comms/catalog.h"
#include "notify/address.h"
#include "notify/target.h"
#include "notify/webhook.h"
#include "service/audit.h"

namespace phare::service {
namespace {

using model::Channel;

// Re-labels a library error's field under "subscriber." (the API's object).
base::Status Field(const base::Status& status, std::string_view field) {
  return base::InvalidArgument(status.message(), "subscriber." + std::string(field));
}

bool NeedsConfirmation(Channel channel) {
  return channel == Channel::kEmail || channel == Channel::kSms;
}

bool IsCustomerIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':' || c == '@';
}

base::Result<std::string> ValidateAddress(const SubscribeInput& in, bool allow_private) {
  switch (in.channel) {
    case Channel::kEmail: {
      auto email = notify::NormalizeEmailAddress(in.email);
      if (!email.ok()) return Field(email.status(), "email");
      return email;
    }
    case Channel::kSms: {
      auto phone = notify::NormalizePhoneNumber(in.phone_country, in.phone_number);
      if (!phone.ok()) return Field(phone.status(), phone.status().field());
      return phone;
    }
    case Channel::kWebhook:
    case Channel::kChat: {
      auto url = notify::ValidateTargetUrl(in.endpoint, allow_private);
      if (!url.ok()) return Field(url.status(), "endpoint");
      return url->url;
    }
  }
  return base::InvalidArgument("unknown channel", "subscriber.phare.channel");
}

// The normalized contact address of a webhook or chat subscriber, or "".
base::Result<std::string> ValidateContact(const SubscribeInput& in) {
  if (in.contact_email.empty()) return std::string();
  if (in.channel != Channel::kWebhook && in.channel != Channel::kChat) {
    return base::InvalidArgument("a contact address goes with an endpoint only",
                                 "subscriber.email");
  }
  auto email = notify::NormalizeEmailAddress(in.contact_email);
  if (!email.ok()) return Field(email.status(), "email");
  return email;
}

base::Status ValidateScope(const SubscribeInput& in, const std::vector<std::string>& known,
                           model::Subscriber& s) {
  if (!in.component_ids.empty() && !in.customer_id.empty()) {
    return base::InvalidArgument("give component_ids or a customer, not both",
                                 "subscriber.phare.customer_id");
  }
  if (in.component_ids.size() > model::kMaxSubscriberComponents) {
    return base::InvalidArgument(
        "at most " + std::to_string(model::kMaxSubscriberComponents) + " components",
        "subscriber.component_ids");
  }
  for (const auto& id : in.component_ids) {
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      return base::InvalidArgument("no component '" + id + "'", "subscriber.component_ids");
    }
    if (std::find(s.component_ids.begin(), s.component_ids.end(), id) == s.component_ids.end()) {
      s.component_ids.push_back(id);
    }
  }
  if (!s.component_ids.empty()) s.scope = model::SubscriberScope::kComponents;
  if (!in.customer_id.empty()) {
    if (in.customer_id.size() > model::kMaxCustomerIdBytes ||
        !std::all_of(in.customer_id.begin(), in.customer_id.end(), IsCustomerIdChar)) {
      return base::InvalidArgument("must be 1 to 128 letters, digits or -_.:@",
                                   "subscriber.phare.customer_id");
    }
    s.scope = model::SubscriberScope::kCustomer;
    s.customer_id = in.customer_id;
  }
  return base::Status::Ok();
}

std::vector<std::string> ComponentIds(const std::vector<model::Component>& components) {
  std::vector<std::string> ids;
  ids.reserve(components.size());
  for (const auto& c : components) ids.push_back(c.id);
  return ids;
}

}  // namespace

base::Result<model::Subscriber> SubscriberService::Validate(
    const SubscribeInput& in, const std::vector<std::string>& known_components,
    const std::string& page_zone) const {
  model::Subscriber s;
  s.channel = in.channel;
  PHARE_ASSIGN_OR_RETURN(s.address, ValidateAddress(in, policy_.allow_private_targets));
  PHARE_ASSIGN_OR_RETURN(s.contact_email, ValidateContact(in));
  if (in.channel == Channel::kChat) {
    s.flavor = in.flavor.empty() ? "slack" : in.flavor;
    if (s.flavor != "slack" && s.flavor != "mattermost") {
      return base::InvalidArgument("must be slack or mattermost", "subscriber.phare.flavor");
    }
  } else if (!in.flavor.empty()) {
    return base::InvalidArgument("is for chat subscriptions only", "subscriber.phare.flavor");
  }
  s.language = in.language.value_or(ctx_.policies.default_language);
  if (s.language.size() > model::kMaxLanguageBytes ||
      !comms::Catalogs::Builtin().Find(s.language)) {
    std::string shipped;
    for (const auto& l : comms::Catalogs::Builtin().Languages()) shipped += " " + l;
    return base::InvalidArgument(
        "'" + s.language + "' is not a shipped language (shipped:" + shipped + ")",
        "subscriber.phare.language");
  }
  s.time_zone = in.time_zone.value_or(page_zone);
  if (s.time_zone.size() > model::kMaxTimeZoneBytes || !base::Zone::Find(s.time_zone).ok()) {
    return base::InvalidArgument("'" + s.time_zone + "' is not an IANA time zone",
                                 "subscriber.phare.time_zone");
  }
  s.audience = in.audience.value_or(model::Audience::kGeneral);
  PHARE_RETURN_IF_ERROR(ValidateScope(in, known_components, s));
  s.all_updates = in.all_updates.value_or(in.channel != Channel::kSms);
  return s;
}

base::Result<std::string> SubscriberService::RecipientKey(const SubscribeInput& in) const {
  PHARE_ASSIGN_OR_RETURN(std::string address, ValidateAddress(in, policy_.allow_private_targets));
  // The store compares addresses without regard to ASCII case (COLLATE NOCASE).
  std::transform(address.begin(), address.end(), address.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::string(model::ToString(in.channel)) + ":" + address;
}

base::Result<SubscriberTokens> SubscriberService::Tokens() {
  {
    std::lock_guard lock(mu_);
    if (tokens_) return *tokens_;
  }
  PHARE_ASSIGN_OR_RETURN(auto tokens, SubscriberTokens::Load(ctx_.store, ctx_.random));
  std::lock_guard lock(mu_);
  if (!tokens_) tokens_ = tokens;
  return *tokens_;
}

base::Result<std::string> SubscriberService::UnsubscribeToken(const model::Subscriber& s) {
  PHARE_ASSIGN_OR_RETURN(auto tokens, Tokens());
  return tokens.Unsubscribe(s);
}

base::Result<SubscriberService::Env> SubscriberService::LoadEnv(store::Tx& tx) {
  PHARE_ASSIGN_OR_RETURN(auto page, tx.GetPage());
  PHARE_ASSIGN_OR_RETURN(auto components, tx.ListComponents());
  std::optional<SubscriberTokens> tokens;
  {
    std::lock_guard lock(mu_);
    tokens = tokens_;
  }
  if (!tokens) {
    PHARE_ASSIGN_OR_RETURN(tokens, SubscriberTokens::Load(tx, ctx_.random));
    std::lock_guard lock(mu_);
    if (!tokens_) tokens_ = tokens;
  }
  return Env{page.time_zone, ComponentIds(components), std::move(*tokens)};
}

// Validates `in` and fills a new subscriber (id, state, tokens, secret), not yet stored.
base::Status SubscriberService::Prepare(const Env& env, const SubscribeInput& in, bool confirmed,
                                        model::Subscriber& out, std::string& secret) {
  PHARE_ASSIGN_OR_RETURN(out, Validate(in, env.components, env.page_zone));
  const auto now = ctx_.clock.Now();
  out.id = base::NewId(ctx_.random);
  out.created_at = now;
  out.state = confirmed ? model::SubscriberState::kActive : model::SubscriberState::kPending;
  if (confirmed) out.confirmed_at = now;
  if (out.channel == Channel::kWebhook) {
    secret = notify::NewWebhookSecret(ctx_.random);
    out.secret = secret;
  }
  out.unsubscribe_hash = SubscriberTokens::Hash(env.tokens.Unsubscribe(out));
  out.confirm_hash = SubscriberTokens::Hash(env.tokens.Confirm(out));
  return base::Status::Ok();
}

namespace {

base::Status NoPublicCustomerScope(const SubscribeInput& in) {
  if (in.customer_id.empty()) return base::Status::Ok();
  // Anyone could otherwise follow what happens to another customer's resources.
  return base::Status(base::Code::kPermissionDenied,
                      "customer subscriptions are made by the operator, not publicly",
                      "subscriber.phare.customer_id");
}

}  // namespace

base::Result<std::string> SubscriberService::CheckPublic(const SubscribeInput& in) {
  PHARE_RETURN_IF_ERROR(NoPublicCustomerScope(in));
  model::Subscriber checked;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto page, tx.GetPage());
    PHARE_ASSIGN_OR_RETURN(auto components, tx.ListComponents());
    PHARE_ASSIGN_OR_RETURN(checked, Validate(in, ComponentIds(components), page.time_zone));
    return base::Status::Ok();
  }));
  return checked.address;
}

base::Status SubscriberService::AdmitPublicEndpoint(const SubscribeInput& in) {
  const auto operators_only = [] {
    return base::Status(base::Code::kPermissionDenied,
                        "webhook and chat subscriptions are made by the operator here",
                        "subscriber.endpoint");
  };
  switch (policy_.public_webhooks) {
    case PublicWebhooks::kOpen:
      return base::Status::Ok();
    case PublicWebhooks::kAdminOnly:
      return operators_only();
    case PublicWebhooks::kVerify:
      break;
  }
  if (in.channel == Channel::kChat) {
    // A chat incoming webhook posts messages; it cannot answer a challenge.
    return base::Status(base::Code::kPermissionDenied,
                        "chat subscriptions are made by the operator here (a chat webhook "
                        "cannot answer a verification request)",
                        "subscriber.endpoint");
  }
  PHARE_ASSIGN_OR_RETURN(std::string url, ValidateAddress(in, policy_.allow_private_targets));
  if (!policy_.check_endpoint) {
    return base::Status(base::Code::kUnavailable, "endpoint verification is not set up");
  }
  const std::string challenge = base::NewId(ctx_.random) + base::NewId(ctx_.random);
  auto checked = policy_.check_endpoint(url, challenge);
  if (checked.code() == base::Code::kInvalidArgument) return Field(checked, "endpoint");
  return checked;
}

base::Result<SubscribeResult> SubscriberService::Subscribe(const model::Actor& actor,
                                                           const SubscribeInput& in,
                                                           SubscribeOrigin origin) {
  if (origin == SubscribeOrigin::kPublic) PHARE_RETURN_IF_ERROR(NoPublicCustomerScope(in));
  if (origin == SubscribeOrigin::kPublic && !NeedsConfirmation(in.channel)) {
    PHARE_RETURN_IF_ERROR(AdmitPublicEndpoint(in));
  }
  const bool double_opt_in = NeedsConfirmation(in.channel) &&
                             !(origin != SubscribeOrigin::kPublic && in.skip_confirmation);
  const auto now = ctx_.clock.Now();
  SubscribeResult result;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto env, LoadEnv(tx));
    model::Subscriber fresh;
    PHARE_RETURN_IF_ERROR(Prepare(env, in, !double_opt_in, fresh, result.secret));
    result.address = fresh.address;
    PHARE_ASSIGN_OR_RETURN(auto existing, tx.FindSubscribersByAddress(in.channel, fresh.address));
    store::NewDelivery confirmation{0, 0, 0, "", in.channel, now};
    if (NeedsConfirmation(in.channel) && !existing.empty()) {
      if (origin == SubscribeOrigin::kAdmin) {
        return base::Status(base::Code::kAlreadyExists,
                            "subscriber '" + existing.front().id + "' already has this address",
                            "subscriber.email");
      }
      result.secret.clear();
      result.subscriber = existing.front();
      if (result.subscriber.state == model::SubscriberState::kPending) {
        confirmation.subscriber = result.subscriber.key;  // send the link again
        PHARE_RETURN_IF_ERROR(tx.QueueDeliveries({confirmation}).status());
        result.confirmation_queued = true;
      }
      return base::Status::Ok();
    }
    if (existing.size() >= kMaxSubscriptionsPerTarget) {
      return base::Status(base::Code::kResourceExhausted,
                          "this URL has too many subscriptions already", "subscriber.endpoint");
    }
    PHARE_RETURN_IF_ERROR(tx.InsertSubscriber(fresh));
    result.subscriber = fresh;
    result.created = true;
    if (double_opt_in) {
      confirmation.subscriber = fresh.key;
      PHARE_RETURN_IF_ERROR(tx.QueueDeliveries({confirmation}).status());
      result.confirmation_queued = true;
    }
    if (origin == SubscribeOrigin::kPublic) return base::Status::Ok();
    return RecordAudit(tx, actor, now, "subscriber.create", "subscriber", fresh.id);
  }));
  PHARE_ASSIGN_OR_RETURN(result.unsubscribe_token, UnsubscribeToken(result.subscriber));
  return result;
}

namespace {

base::Status UnknownConfirmLink() { return base::NotFound("unknown or expired confirmation link"); }

base::Status UnknownUnsubscribeLink() {
  return base::NotFound("unknown unsubscribe link (already unsubscribed?)");
}

}  // namespace

base::Result<model::Subscriber> SubscriberService::Confirm(std::string_view token) {
  const auto unknown = UnknownConfirmLink;
  if (!SubscriberTokens::LooksLikeToken(token)) return unknown();
  const auto now = ctx_.clock.Now();
  model::Subscriber s;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    auto found = tx.FindSubscriberByConfirmHash(SubscriberTokens::Hash(token));
    if (!found.ok())
      return found.status().code() == base::Code::kNotFound ? unknown() : found.status();
    s = std::move(found).value();
    if (s.state != model::SubscriberState::kPending) return base::Status::Ok();  // again
    if (now - s.created_at > policy_.confirm_ttl) return unknown();
    s.state = model::SubscriberState::kActive;
    s.confirmed_at = now;
    return tx.UpdateSubscriber(s);
  }));
  return s;
}

base::Result<model::Subscriber> SubscriberService::Unsubscribe(std::string_view token) {
  const auto unknown = UnknownUnsubscribeLink;
  if (!SubscriberTokens::LooksLikeToken(token)) return unknown();
  model::Subscriber s;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    auto found = tx.FindSubscriberByUnsubscribeHash(SubscriberTokens::Hash(token));
    if (!found.ok())
      return found.status().code() == base::Code::kNotFound ? unknown() : found.status();
    s = std::move(found).value();
    return tx.DeleteSubscriber(s.id);
  }));
  return s;
}

base::Result<model::Subscriber> SubscriberService::FindByConfirmToken(std::string_view token) {
  const auto unknown = UnknownConfirmLink;
  if (!SubscriberTokens::LooksLikeToken(token)) return unknown();
  const auto now = ctx_.clock.Now();
  model::Subscriber s;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    auto found = tx.FindSubscriberByConfirmHash(SubscriberTokens::Hash(token));
    if (!found.ok())
      return found.status().code() == base::Code::kNotFound ? unknown() : found.status();
    s = std::move(found).value();
    const bool expired =
        s.state == model::SubscriberState::kPending && now - s.created_at > policy_.confirm_ttl;
    return expired ? unknown() : base::Status::Ok();
  }));
  return s;
}

base::Result<model::Subscriber> SubscriberService::FindByUnsubscribeToken(std::string_view token) {
  const auto unknown = UnknownUnsubscribeLink;
  if (!SubscriberTokens::LooksLikeToken(token)) return unknown();
  model::Subscriber s;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    auto found = tx.FindSubscriberByUnsubscribeHash(SubscriberTokens::Hash(token));
    if (!found.ok())
      return found.status().code() == base::Code::kNotFound ? unknown() : found.status();
    s = std::move(found).value();
    return base::Status::Ok();
  }));
  return s;
}

base::Result<model::Subscriber> SubscriberService::Get(const std::string& id) {
  model::Subscriber out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.GetSubscriber(id));
    return base::Status::Ok();
  }));
  return out;
}

base::Result<std::vector<model::Subscriber>> SubscriberService::List(
    const store::SubscriberQuery& query) {
  std::vector<model::Subscriber> out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.ListSubscribers(query));
    return base::Status::Ok();
  }));
  return out;
}

base::Status SubscriberService::Delete(const model::Actor& actor, const std::string& id) {
  const auto now = ctx_.clock.Now();
  return ctx_.store.Write([&](store::Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.DeleteSubscriber(id));
    return RecordAudit(tx, actor, now, "subscriber.delete", "subscriber", id);
  });
}

base::Result<int64_t> SubscriberService::Import(const model::Actor& actor,
                                                const std::vector<SubscribeInput>& in,
                                                const std::vector<size_t>& positions) {
  int64_t imported = 0;
  for (size_t first = 0; first < in.size(); first += kMaxImportBatch) {
    const size_t last = std::min(in.size(), first + kMaxImportBatch);
    const auto now = ctx_.clock.Now();
    int64_t batch = 0;
    PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
      PHARE_ASSIGN_OR_RETURN(auto env, LoadEnv(tx));
      for (size_t k = first; k < last; ++k) {
        model::Subscriber s;
        std::string secret;
        auto status = Prepare(env, in[k], /*confirmed=*/true, s, secret);
        if (!status.ok()) {
          return base::Status(status.code(),
                              "subscriber " +
                                  std::to_string(k < positions.size() ? positions[k] : k + 1) +
                                  ": " + status.message(),
                              status.field());
        }
        PHARE_ASSIGN_OR_RETURN(auto existing, tx.FindSubscribersByAddress(s.channel, s.address));
        if (!existing.empty()) continue;  // already subscribed: keep their preferences
        PHARE_RETURN_IF_ERROR(tx.InsertSubscriber(s));
        ++batch;
      }
      return RecordAudit(tx, actor, now, "subscriber.import", "subscriber", "",
                         "{\"count\":" + std::to_string(batch) + "}");
    }));
    imported += batch;
  }
  return imported;
}

base::Result<DeliveryStats> SubscriberService::Stats(size_t jobs) {
  DeliveryStats out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out.counts, tx.CountDeliveries());
    PHARE_ASSIGN_OR_RETURN(out.jobs, tx.ListFanoutJobs(jobs));
    return base::Status::Ok();
  }));
  return out;
}

base::Result<int64_t> SubscriberService::RetryDeadLetters(const model::Actor& actor,
                                                          std::optional<model::Channel> channel) {
  const auto now = ctx_.clock.Now();
  int64_t retried = 0;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(retried, tx.RetryDeadDeliveries(now, channel));
    return RecordAudit(tx, actor, now, "deliveries.retry", "deliveries",
                       channel ? std::string(model::ToString(*channel)) : "all",
                       "{\"count\":" + std::to_string(retried) + "}");
  }));
  return retried;
}

base::Status SubscriberService::RetryDeadLetter(const model::Actor& actor, int64_t delivery_id) {
  const auto now = ctx_.clock.Now();
  return ctx_.store.Write([&](store::Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.RetryDeadDelivery(now, delivery_id));
    return RecordAudit(tx, actor, now, "delivery.retry", "delivery", std::to_string(delivery_id));
  });
}

base::Result<std::vector<store::DeadLetter>> SubscriberService::DeadLetters(size_t limit) {
  std::vector<store::DeadLetter> out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.ListDeadDeliveries(limit));
    return base::Status::Ok();
  }));
  return out;
}

base::Result<int64_t> SubscriberService::PurgeUnconfirmed() {
  const auto before = ctx_.clock.Now() - policy_.confirm_ttl;
  int64_t removed = 0;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(removed, tx.DeleteUnconfirmedSubscribers(before));
    return base::Status::Ok();
  }));
  return removed;
}

}  // namespace phare::service
