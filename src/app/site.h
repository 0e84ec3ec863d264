// The public site's per-reader side: which rendering of a page a request gets (its
// language from ?lang=, the phare_lang cookie, then Accept-Language; its zone from ?tz=,
// the phare_tz cookie, or the page's), the not-found page, and /preferences, which sets
// those cookies and sends the reader back, and each component's uptime JSON.
// Thread-safe once installed.
#pragma once

#include <string>

#include "app/publisher.h"
#include "comms/negotiate.h"
#include "http/router.h"
#include "http/server.h"
#include "web/variant.h"

namespace phare::app {

class Site {
 public:
  Site(Publisher& publisher, std::string default_language);

  // Sets the server's resource key and not-found handler, and adds GET /preferences.
  // The site must outlive the server.
  void Install(http::Server& server, http::Router& router);

  // The resource key for `req` (exposed for tests).
  std::string Key(const http::Request& req) const;
  // The language and zone `req` asks for, `page_zone` being the page's.
  web::Reading ReadingOf(const http::Request& req, const std::string& page_zone) const;

 private:
  http::Response NotFound(http::Request& req) const;
  http::Response Preferences(http::Request& req) const;
  // GET /api/v2/components/{id}/uptime.json?days=N, from the current snapshot's state.
  http::Response Uptime(http::Request& req) const;

  Publisher& publisher_;
  std::string default_language_;
  comms::LanguageNegotiator negotiator_;
};

}  // namespace phare::app
