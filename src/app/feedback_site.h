// Readers' "Was this clear?" answers on the public site (docs/channels.md):
//   POST /feedback   the form under each update (and the page an e-mail link opens):
//                    counted once per browser and update, then a thank-you page
//   GET  /feedback   from an e-mail's Yes/No link: a page whose form POSTs (a GET never
//                    counts, so link scanners vote nothing)
// No account and nothing about the reader is stored; a browser that answered gets one
// cookie per update (phare_fb_<update>, HttpOnly, path /feedback) so it is not counted
// twice. Forms carry a signed token (service/feedback.h), a honeypot field, and are
// rate-limited per client address. Counts go to /metrics; FeedbackWatch warns operators
// of unclear general-audience updates. Thread-safe once installed.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include "app/publisher.h"
#include "base/metrics.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "service/context.h"
#include "service/feedback.h"

namespace phare::app {

class FeedbackSite {
 public:
  FeedbackSite(service::Context& ctx, Publisher& publisher, service::FeedbackKey key,
               std::string default_language);

  // Adds the routes; the site must outlive the router.
  void Install(http::Router& router);
  void Export(base::Registry& registry) const;

  http::Response Post(http::Request& req);
  http::Response Ask(http::Request& req) const;

 private:
  service::Context& ctx_;
  Publisher& publisher_;
  service::FeedbackKey key_;
  std::string default_language_;
  http::RateLimiter per_client_;
  std::atomic<uint64_t> yes_{0}, no_{0}, rejected_{0};
};

// Warns operators (log, metric, the cadence ops webhook when set) once per update and
// language when a general-audience update's "no" share passes config's threshold with
// enough votes. Check() runs on the scheduler thread.
class FeedbackWatch {
 public:
  FeedbackWatch(service::Context& ctx, double unclear_share, int64_t min_votes,
                std::string ops_webhook)
      : ctx_(ctx),
        share_(unclear_share),
        min_votes_(min_votes),
        ops_webhook_(std::move(ops_webhook)) {}

  void Check();
  void Export(base::Registry& registry);

 private:
  service::Context& ctx_;
  double share_;
  int64_t min_votes_;
  std::string ops_webhook_;
  std::map<std::string, bool> warned_;  // "update language" already warned about
  std::atomic<int64_t> unclear_{0};
  std::atomic<uint64_t> warnings_{0};
};

}  // namespace phare::app
