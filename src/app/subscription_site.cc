#include "app/subscription_site.h"

#include "api/subscriber_json.h"
#include "api/subscribers_api.h"
#include "comms/catalog.h"

namespace phare::app {
namespace {

http::Response& Secure(http::Response& r) {
  r.Header("Cache-Control", "no-store")
      .Header("Referrer-Policy", "no-referrer")
      .Header("X-Robots-Tag", "noindex")
      .Header("X-Content-Type-Options", "nosniff")
      .Header("Content-Security-Policy",
              "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
              "form-action 'self'");
  return r;
}

}  // namespace

SubscriptionSite::SubscriptionSite(Publisher& publisher, std::string default_language,
                                   service::SubscriberService& subscribers,
                                   http::RateLimiter& per_client, http::RateLimiter& per_address,
                                   service::SubscriptionQueue& queue)
    : publisher_(publisher),
      default_language_(std::move(default_language)),
      subscribers_(subscribers),
      per_client_(per_client),
      per_address_(per_address),
      queue_(queue) {}

web::Reading SubscriptionSite::DefaultReading() const {
  auto state = publisher_.state();
  return {default_language_, state ? state->page.time_zone : "UTC"};
}

web::Reading SubscriptionSite::ReadingOf(const model::Subscriber& s) const {
  if (!comms::Catalogs::Builtin().Find(s.language)) return DefaultReading();
  return {s.language, s.time_zone};
}

http::Response SubscriptionSite::Page(int status, const web::Reading& reading,
                                      web::SubscriptionPage page,
                                      const web::SubscriptionPageArgs& args) const {
  http::Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  auto state = publisher_.state();
  if (state) {
    r.body = web::RenderSubscriptionPage(*state, web::SiteOptions{default_language_}, reading, page,
                                         args);
  }
  return Secure(r);
}

http::Response SubscriptionSite::Subscribe(http::Request& req) {
  auto in = api::ParseSubscribeForm(req.body);
  web::Reading reading = DefaultReading();
  if (in.ok()) {
    if (in->language && comms::Catalogs::Builtin().Find(*in->language)) {
      reading.language = *in->language;
    }
    if (in->time_zone && base::Zone::Find(*in->time_zone).ok()) reading.zone = *in->time_zone;
  }
  if (auto wait = per_client_.Take("subscribe " + std::string(req.remote_address));
      wait.count() > 0) {
    auto r = Page(429, reading, web::SubscriptionPage::kBusy);
    return r.Header("Retry-After", std::to_string(std::max<int64_t>(
                                       1, std::chrono::ceil<std::chrono::seconds>(wait).count())));
  }
  if (!in.ok() || in->channel != model::Channel::kEmail) {
    return Page(422, reading, web::SubscriptionPage::kInvalidInput);
  }
  // Look-alike spellings of one address share its limit.
  auto key = subscribers_.RecipientKey(*in);
  if (!key.ok()) return Page(422, reading, web::SubscriptionPage::kInvalidInput);
  if (auto wait = per_address_.Take(*key); wait.count() > 0) {
    return Page(429, reading, web::SubscriptionPage::kBusy);
  }
  // Checked and queued: the same answer and work whether the address is new, pending or
  // active (service/subscription_queue.h).
  auto checked = subscribers_.CheckPublic(*in);
  if (!checked.ok()) {
    return Page(checked.status().code() == base::Code::kInvalidArgument ? 422 : 503, reading,
                web::SubscriptionPage::kInvalidInput);
  }
  auto queued =
      queue_.Push(model::Actor{"public:" + std::string(req.remote_address)}, std::move(*in));
  if (!queued.ok()) return Page(503, reading, web::SubscriptionPage::kBusy);
  // The same page whether the address was already subscribed or not.
  return Page(200, reading, web::SubscriptionPage::kCheckInbox);
}

http::Response SubscriptionSite::ConfirmPage(http::Request& req, bool post) {
  if (auto wait = per_client_.Take("confirm " + std::string(req.remote_address));
      wait.count() > 0) {
    return Page(429, DefaultReading(), web::SubscriptionPage::kBusy);
  }
  const std::string& token = req.params[0];
  auto found = post ? subscribers_.Confirm(token) : subscribers_.FindByConfirmToken(token);
  if (!found.ok()) return Page(404, DefaultReading(), web::SubscriptionPage::kInvalidLink);
  const web::SubscriptionPageArgs args{found->address, "/subscriptions/confirm/" + token};
  if (post || found->state != model::SubscriberState::kPending) {
    return Page(200, ReadingOf(*found), web::SubscriptionPage::kConfirmed, args);
  }
  return Page(200, ReadingOf(*found), web::SubscriptionPage::kConfirm, args);
}

http::Response SubscriptionSite::UnsubscribePage(http::Request& req, bool post) {
  if (auto wait = per_client_.Take("unsubscribe " + std::string(req.remote_address));
      wait.count() > 0) {
    return Page(429, DefaultReading(), web::SubscriptionPage::kBusy);
  }
  const std::string& token = req.params[0];
  auto found = post ? subscribers_.Unsubscribe(token) : subscribers_.FindByUnsubscribeToken(token);
  if (!found.ok()) return Page(404, DefaultReading(), web::SubscriptionPage::kInvalidLink);
  const web::SubscriptionPageArgs args{found->address, "/unsubscribe/" + token};
  return Page(200, ReadingOf(*found),
              post ? web::SubscriptionPage::kUnsubscribed : web::SubscriptionPage::kUnsubscribe,
              args);
}

void SubscriptionSite::Install(http::Router& router) {
  using http::Method;
  router.Add(Method::kPost, "/subscribe", [this](http::Request& req) { return Subscribe(req); },
             {true, "/subscribe"});
  const std::string confirm = "/subscriptions/confirm/{}";
  router.Add(Method::kGet, confirm, [this](http::Request& req) { return ConfirmPage(req, false); },
             {true, confirm});
  router.Add(Method::kPost, confirm, [this](http::Request& req) { return ConfirmPage(req, true); },
             {true, confirm});
  const std::string unsubscribe = "/unsubscribe/{}";
  router.Add(Method::kGet, unsubscribe,
             [this](http::Request& req) { return UnsubscribePage(req, false); },
             {true, unsubscribe});
  router.Add(Method::kPost, unsubscribe,
             [this](http::Request& req) { return UnsubscribePage(req, true); },
             {true, unsubscribe});
}

}  // namespace phare::app
