// The subscription pages of the public site (HTML, no JavaScript):
//   POST /subscribe                       the status page's form: e-mail, audience, and the
//                                         reader's language and zone
//   GET  /subscriptions/confirm/{token}   a page with a button that POSTs to
//   POST /subscriptions/confirm/{token}   confirm the subscription
//   GET  /unsubscribe/{token}             a page with a button that POSTs to
//   POST /unsubscribe/{token}             unsubscribe at once (RFC 8058 one-click: mail
//                                         clients POST "List-Unsubscribe=One-Click" here)
// A GET never changes anything, so link scanners in mailboxes cannot confirm or
// unsubscribe anyone. Rate-limited like the API; pages are not cached and send no
// Referer (their URL holds a token). Thread-safe once installed.
#pragma once

#include <functional>
#include <string>

#include "app/publisher.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "service/subscribers.h"
#include "service/subscription_queue.h"
#include "web/subscription_pages.h"

namespace phare::app {

class SubscriptionSite {
 public:
  SubscriptionSite(Publisher& publisher, std::string default_language,
                   service::SubscriberService& subscribers, http::RateLimiter& per_client,
                   http::RateLimiter& per_address, service::SubscriptionQueue& queue);

  // Adds the routes; the site must outlive the router.
  void Install(http::Router& router);

  http::Response Subscribe(http::Request& req);
  http::Response ConfirmPage(http::Request& req, bool post);
  http::Response UnsubscribePage(http::Request& req, bool post);

 private:
  http::Response Page(int status, const web::Reading& reading, web::SubscriptionPage page,
                      const web::SubscriptionPageArgs& args = {}) const;
  web::Reading ReadingOf(const model::Subscriber& s) const;
  web::Reading DefaultReading() const;

  Publisher& publisher_;
  std::string default_language_;
  service::SubscriberService& subscribers_;
  http::RateLimiter& per_client_;
  http::RateLimiter& per_address_;
  service::SubscriptionQueue& queue_;
};

}  // namespace phare::app
