#include "notify/dispatcher.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "notify/chat_message.h"
#include "notify/email_message.h"
#include "notify/render.h"

namespace phare::notify {

struct Dispatcher::Prepared {
  Variant variant;
  std::optional<WebhookPayload> payload;  // webhooks: built once per variant
};

namespace {

constexpr size_t kMaxCachedVariants = 4096;
constexpr size_t kMaxErrorBytes = 500;

Channel ToChannel(model::Channel c) { return static_cast<Channel>(static_cast<uint8_t>(c)); }

std::string IdempotencyKey(const store::LeasedDelivery& d) {
  if (d.failure_notice()) return "notice/" + std::to_string(d.id);
  if (d.job_id == 0) return "confirm/" + std::to_string(d.id);
  return "update/" + d.update_id + "/" + d.subscriber.id;
}

}  // namespace

Dispatcher::Dispatcher(store::Store& store, const base::Clock& clock, base::Random& random,
                       DispatcherOptions options, const service::SubscriberTokens& tokens,
                       model::Page page)
    : store_(store),
      clock_(clock),
      random_(random),
      options_(std::move(options)),
      tokens_(tokens),
      page_(std::move(page)),
      mail_domain_(MailDomain(page_.url)) {}

Dispatcher::~Dispatcher() = default;

void Dispatcher::Count(model::Channel channel, DispatchCounters::Kind kind) {
  counters_.by_channel[static_cast<size_t>(channel)][kind].fetch_add(1, std::memory_order_relaxed);
}

base::Result<std::shared_ptr<const Dispatcher::Prepared>> Dispatcher::VariantOf(
    const store::LeasedDelivery& d) {
  if (d.failure_notice()) {  // rare: not cached
    const model::Subscriber& s = d.subscriber;
    return std::make_shared<const Prepared>(
        Prepared{RenderFailureNotice(page_, s.language, s.address, s.dead_letters), std::nullopt});
  }
  if (d.job_id == 0) {
    const std::string key =
        std::string(model::ToString(d.subscriber.channel)) + "|" + d.subscriber.language;
    if (auto it = confirmations_.find(key); it != confirmations_.end()) return it->second;
    PHARE_ASSIGN_OR_RETURN(auto variant,
                           RenderConfirmation(page_, d.subscriber.channel, d.subscriber.language));
    auto prepared = std::make_shared<Prepared>(Prepared{std::move(variant), std::nullopt});
    confirmations_.emplace(key, prepared);
    return std::shared_ptr<const Prepared>(prepared);
  }
  if (auto it = variants_.find(d.variant_id); it != variants_.end()) return it->second;
  std::string content;
  PHARE_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(content, tx.GetVariant(d.variant_id));
    return base::Status::Ok();
  }));
  PHARE_ASSIGN_OR_RETURN(auto variant, Variant::Parse(content));
  auto prepared = std::make_shared<Prepared>(Prepared{std::move(variant), std::nullopt});
  const Variant& v = prepared->variant;
  if (v.channel == model::Channel::kWebhook && !v.component_json.empty()) {
    PHARE_ASSIGN_OR_RETURN(prepared->payload, WebhookPayload::ForComponentUpdate(
                                                  v.page, v.component_json, v.component_change));
  } else if (v.channel == model::Channel::kWebhook) {
    PHARE_ASSIGN_OR_RETURN(prepared->payload, WebhookPayload::ForIncident(v.page, v.incident_json));
  }
  if (variants_.size() >= kMaxCachedVariants) variants_.clear();
  variants_.emplace(d.variant_id, prepared);
  return std::shared_ptr<const Prepared>(prepared);
}

base::Result<Request> Dispatcher::Build(const store::LeasedDelivery& d, const Prepared& p) {
  const model::Subscriber& s = d.subscriber;
  const Variant& v = p.variant;
  const std::string key = IdempotencyKey(d);
  const std::string unsubscribe = page_.url + "/unsubscribe/" + tokens_.Unsubscribe(s);
  auto fill = [&](const std::string& text) {
    std::string out = ReplaceMarker(text, kUnsubscribeMarker, unsubscribe);
    if (d.job_id == 0 && !d.failure_notice()) {
      out = ReplaceMarker(out, kConfirmMarker,
                          page_.url + "/subscriptions/confirm/" + tokens_.Confirm(s));
    }
    return out;
  };
  Request r;
  r.tag = static_cast<uint64_t>(d.id);
  r.channel = ToChannel(d.channel);
  if (d.failure_notice()) {
    return Mail(std::move(r), s.contact_email, key, unsubscribe, v, fill(v.text), fill(v.html));
  }
  const auto now = clock_.Now();
  switch (s.channel) {
    case model::Channel::kEmail:
      return Mail(std::move(r), s.address, key, unsubscribe, v, fill(v.text), fill(v.html));
    case model::Channel::kWebhook: {
      if (!p.payload) return base::Internal("webhook variant without a payload");
      r.body = p.payload->Render({unsubscribe, "https://www.standardwebhooks.com/", now});
      r.url = s.address;
      r.webhook_id = WebhookIdFor(key);
      PHARE_ASSIGN_OR_RETURN(r.webhook_key, DecodeWebhookSecret(s.secret));
      return r;
    }
    case model::Channel::kChat: {
      ChatMessage m;
      m.text = v.headline;
      m.title = v.title;
      m.title_link = v.link;
      m.body = v.text;
      m.color = v.color;
      m.fields = v.fields;
      m.footer = fill(v.footer);
      r.body = BuildChatPayload(
          s.flavor == "mattermost" ? ChatFlavor::kMattermost : ChatFlavor::kSlack, m);
      r.url = s.address;
      return r;
    }
    case model::Channel::kSms: {
      if (!options_.sms) {
        return base::Status(base::Code::kFailedPrecondition,
                            "no SMS gateway is configured ([sms] url)");
      }
      PHARE_ASSIGN_OR_RETURN(r.body, options_.sms->RenderBody({s.address, fill(v.text), key}));
      r.url = options_.sms->config().url;
      r.content_type = options_.sms->config().content_type;
      r.headers = options_.sms->config().headers;
      return r;
    }
  }
  return base::Internal("unknown channel");
}

base::Result<Request> Dispatcher::Mail(Request r, const std::string& to, const std::string& key,
                                       const std::string& unsubscribe, const Variant& v,
                                       const std::string& text, const std::string& html) {
  EmailEnvelope e;
  e.from_name = options_.mail_from_name.empty() ? page_.name : options_.mail_from_name;
  e.from_addr = options_.mail_from;
  e.to_addr = to;
  e.message_id = MessageIdFor(key, mail_domain_);
  e.thread_id = v.thread_id;
  e.date = clock_.Now();
  e.unsubscribe_url = unsubscribe;
  PHARE_ASSIGN_OR_RETURN(r.body, BuildEmail(e, {v.subject, text, html}));
  r.mail_from = options_.mail_from;
  r.rcpt_to = to;
  return r;
}

base::Result<size_t> Dispatcher::Dispatch(Sender& sender) {
  size_t submitted = 0;
  for (;;) {
    const size_t busy = sender.outstanding();
    if (busy >= options_.max_outstanding) break;
    const size_t room = std::min(options_.lease_batch, options_.max_outstanding - busy);
    const auto now = clock_.Now();
    std::vector<store::LeasedDelivery> leased;
    PHARE_RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
      PHARE_ASSIGN_OR_RETURN(leased, tx.LeaseDeliveries(now, now + options_.lease, room));
      return base::Status::Ok();
    }));
    std::vector<Request> requests;
    std::vector<Outcome> failed;
    for (const auto& d : leased) {
      if (in_flight_.count(d.id)) continue;  // a renewed lease: already on its way
      in_flight_[d.id] = {d.failure_notice() ? 0 : d.subscriber.key, d.channel, d.attempts,
                          !d.subscriber.contact_email.empty()};
      auto variant = VariantOf(d);
      auto request = variant.ok() ? Build(d, **variant) : base::Result<Request>(variant.status());
      if (request.ok()) {
        requests.push_back(std::move(request).value());
        continue;
      }
      Outcome o;
      o.tag = static_cast<uint64_t>(d.id);
      o.channel = ToChannel(d.channel);
      o.result = DeliveryResult::kPermanent;
      o.reason = "cannot build the message: " + request.status().message();
      failed.push_back(std::move(o));
    }
    const size_t count = requests.size();
    if (count) {
      std::vector<uint64_t> tags;
      tags.reserve(count);
      for (const auto& r : requests) tags.push_back(r.tag);
      if (auto s = sender.Submit(std::move(requests)); !s.ok()) {
        for (uint64_t tag : tags) {
          Outcome o;
          o.tag = tag;
          o.channel = ToChannel(in_flight_[static_cast<int64_t>(tag)].channel);
          o.result = DeliveryResult::kRetryable;
          o.reason = s.message();
          failed.push_back(std::move(o));
        }
      } else {
        submitted += count;
      }
    }
    if (!failed.empty()) PHARE_RETURN_IF_ERROR(Record(failed));
    if (leased.size() < room) break;
  }
  return submitted;
}

base::Status Dispatcher::Record(const std::vector<Outcome>& outcomes) {
  const auto now = clock_.Now();
  std::vector<store::DeliveryOutcome> rows;
  rows.reserve(outcomes.size());
  std::vector<int64_t> with_contact;  // subscribers whose quarantine is told by e-mail
  for (const auto& o : outcomes) {
    auto it = in_flight_.find(static_cast<int64_t>(o.tag));
    if (it == in_flight_.end()) continue;
    if (it->second.has_contact && it->second.subscriber != 0) {
      with_contact.push_back(it->second.subscriber);
    }
    store::DeliveryOutcome row;
    row.id = it->first;
    row.subscriber = it->second.subscriber;
    row.channel = it->second.channel;
    row.due_at = now;
    if (o.result != DeliveryResult::kDelivered) row.last_error = o.reason.substr(0, kMaxErrorBytes);
    if (o.result == DeliveryResult::kDelivered) {
      row.state = model::DeliveryState::kDelivered;
      Count(row.channel, DispatchCounters::kDelivered);
    } else if (o.result == DeliveryResult::kRetryable) {
      const auto decision =
          DecideRetry(options_.retry, it->second.attempts, now, o.retry_after, random_);
      row.state =
          decision.dead_letter ? model::DeliveryState::kDead : model::DeliveryState::kPending;
      if (!decision.dead_letter) row.due_at = decision.next_attempt_at;
      Count(row.channel,
            decision.dead_letter ? DispatchCounters::kDead : DispatchCounters::kRetried);
    } else {
      row.state = model::DeliveryState::kDead;
      Count(row.channel, DispatchCounters::kDead);
    }
    rows.push_back(std::move(row));
    in_flight_.erase(it);
  }
  if (rows.empty()) return base::Status::Ok();
  return store_.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto quarantined,
                           tx.RecordDeliveries(rows, options_.quarantine_after, now));
    std::vector<store::NewDelivery> notices;
    for (int64_t key : quarantined) {
      if (std::find(with_contact.begin(), with_contact.end(), key) == with_contact.end()) continue;
      notices.push_back(
          {0, 0, key, std::string(store::kFailureNoticeKey), model::Channel::kEmail, now});
      spdlog::warn(
          "notify: subscriber {} quarantined after repeated dead letters; its contact "
          "address is told",
          key);
    }
    if (notices.empty()) return base::Status::Ok();
    return tx.QueueDeliveries(notices).status();
  });
}

base::Result<int64_t> Dispatcher::ReleaseLeases() {
  int64_t released = 0;
  PHARE_RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(released, tx.ReleaseLeases(clock_.Now()));
    return base::Status::Ok();
  }));
  return released;
}

}  // namespace phare::notify
