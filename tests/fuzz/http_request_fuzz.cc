// Fuzz target: bytes as a client sends them on one connection. They go through the
// server's own read loop (http::Feed over Beast's parser, with the server's header and
// body limits), then, for every request parsed (pipelined ones too), through what the
// session does with its head: the RFC 9112 checks, the router (phare's route table),
// target splitting, query and cookie decoding, the client address behind trusted
// proxies, conditional and gzip negotiation, and the same-origin redirect check.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/client_address.h"
#include "http/redirect.h"
#include "http/resource.h"
#include "http/router.h"
#include "http/wire.h"

namespace {

using phare::http::Method;

// The shapes of phare's routes (src/app, src/api, src/web), captures and suffixes included.
phare::http::Router MakeRouter() {
  phare::http::Router router;
  const auto ok = [](phare::http::Request&) { return phare::http::Response{}; };
  for (const char* p : {"/",
                        "/healthz",
                        "/metrics",
                        "/history",
                        "/history.atom",
                        "/history.rss",
                        "/incidents/{}",
                        "/my/{}",
                        "/my/{}/summary.json",
                        "/preferences",
                        "/subscriptions/confirm/{}",
                        "/api/v2/summary.json",
                        "/api/v2/status.json",
                        "/api/v2/components.json",
                        "/api/v2/incidents.json",
                        "/api/v2/incidents/unresolved.json",
                        "/api/v2/scheduled-maintenances.json",
                        "/api/v2/subscribers/{}.json",
                        "/v1/pages/{}",
                        "/v1/pages/{}/components",
                        "/v1/pages/{}/components/{}",
                        "/v1/pages/{}/incidents",
                        "/v1/pages/{}/incidents/{}",
                        "/v1/pages/{}/incidents/{}/nodes",
                        "/v1/pages/{}/inventory",
                        "/v1/pages/{}/subscribers",
                        "/admin",
                        "/admin/static/{}",
                        "/admin/incidents/{}/update",
                        "/admin/password/{}"}) {
    router.Add(Method::kGet, p, ok);
  }
  for (const char* p : {"/v1/pages/{}/incidents", "/v1/pages/{}/components",
                        "/api/v2/subscribers.json", "/admin/login", "/preferences"}) {
    router.Add(Method::kPost, p, ok);
  }
  router.Add(Method::kPatch, "/v1/pages/{}/incidents/{}", ok);
  phare::http::RouteOptions spool;
  spool.spool_body = true;
  router.Add(Method::kPut, "/v1/pages/{}/inventory", ok, spool);
  router.Add(Method::kDelete, "/v1/pages/{}/components/{}", ok);
  return router;
}

const phare::http::Router& TheRouter() {
  static const phare::http::Router router = MakeRouter();
  return router;
}

const phare::http::TrustedProxies& Proxies() {
  static const auto proxies =
      *phare::http::TrustedProxies::Parse({"127.0.0.1", "10.0.0.0/8", "fd00::/8"});
  return proxies;
}

const phare::http::Resource& SomeResource() {
  static const phare::http::Resource resource = [] {
    phare::http::ResourceSpec spec;
    spec.content_type = "application/json";
    spec.body = std::string(600, 'x');
    return phare::http::MakeResource(spec);
  }();
  return resource;
}

std::string_view View(boost::beast::string_view s) { return {s.data(), s.size()}; }

// What the session does with one parsed request.
void Handle(const phare::http::Parser& parser) {
  namespace http = phare::http;
  const auto& msg = parser.get();
  (void)http::MalformedHead(msg.base(), msg.version());
  http::FieldsView fields(msg.base());
  http::Request req;
  req.method = http::ParseMethod(View(msg.method_string()));
  req.target = View(msg.target());
  req.body = msg.body();
  req.headers = &fields;
  http::SplitTarget(req);
  auto match = TheRouter().Find(req.method, req.path);
  (void)match;
  (void)req.Query("page");
  (void)req.Query("return");
  (void)req.Cookie("phare_session");
  (void)Proxies().ClientOf("127.0.0.1", req.Header("Forwarded"), req.Header("X-Forwarded-For"));
  (void)http::EtagMatches(req.Header("If-None-Match"), SomeResource().etag);
  (void)http::AcceptsGzip(req.Header("Accept-Encoding"));
  if (auto back = req.Query("return")) (void)http::SameOriginPath(*back);
  (void)http::SameOriginPath(req.target);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace http = phare::http;
  boost::beast::flat_buffer buffer;
  auto space = buffer.prepare(size);
  std::copy(data, data + size, static_cast<uint8_t*>(space.data()));
  buffer.commit(size);
  for (int request = 0; request < 8 && buffer.size() > 0; ++request) {
    http::Parser parser;
    parser.header_limit(16 << 10);
    parser.body_limit(1 << 20);
    http::Feed feed(parser, buffer, false);
    if (!feed.Parse()) {
      // The client closed the connection after what it sent.
      feed.Received(boost::asio::error::eof, 0);
    }
    if (feed.ec) {
      (void)http::ReadErrorResponse(feed.ec, http::ServerOptions{}, 1 << 20);
      break;
    }
    if (!parser.is_done()) break;
    Handle(parser);
  }
  return 0;
}
