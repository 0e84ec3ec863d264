// One connection's request loop.
#include <spdlog/spdlog.h>

#include <ctime>

#include "http/problem.h"
#include "http/server_impl.h"

namespace phare::http {
namespace {

using Clock = std::chrono::steady_clock;
using Parser = bhttp::request_parser<bhttp::string_body>;

constexpr auto kWriteTimeout = std::chrono::seconds(30);

class FieldsView final : public HeaderView {
 public:
  explicit FieldsView(const bhttp::fields& fields) : fields_(fields) {}
  std::string_view Get(std::string_view name) const override {
    auto it = fields_.find(name);
    if (it == fields_.end()) return {};
    return {it->value().data(), it->value().size()};
  }

 private:
  const bhttp::fields& fields_;
};

// "Date: Thu, 09 Nov 2017 06:21:00 GMT\r\n", reformatted once a second per thread.
std::string_view DateLine() {
  thread_local std::time_t cached = 0;
  thread_local char line[64];
  thread_local size_t length = 0;
  const std::time_t now = std::time(nullptr);
  if (now != cached) {
    cached = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    length = std::strftime(line, sizeof(line), "Date: %a, %d %b %Y %H:%M:%S GMT\r\n", &tm);
  }
  return {line, length};
}

// Recoverable read errors end the connection quietly; the others get an answer.
std::optional<Response> ReadErrorResponse(const boost::system::error_code& ec,
                                          const ServerOptions& o, size_t body_limit) {
  if (ec == bhttp::error::body_limit) {
    return Problem(413, "body-too-large",
                   "request bodies are limited to " + std::to_string(body_limit) + " bytes");
  }
  if (ec == bhttp::error::header_limit) {
    return Problem(
        431, "headers-too-large",
        "request headers are limited to " + std::to_string(o.max_header_bytes) + " bytes");
  }
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return std::nullopt;
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) {
    return Problem(400, "bad-request", "malformed HTTP request: " + ec.message());
  }
  return std::nullopt;  // timeouts, resets, cancellations
}

void SplitTarget(Request& r) {
  const auto q = r.target.find('?');
  r.path = r.target.substr(0, q);
  r.query = q == std::string_view::npos ? std::string_view() : r.target.substr(q + 1);
}

// The largest body any route accepts: the parser's limit while the header is read
// (Beast checks Content-Length against it then).
size_t LargestBodyLimit(const Router& router, size_t server_limit) {
  size_t out = server_limit;
  for (const auto& route : router.routes()) out = std::max(out, route.options.max_body_bytes);
  return out;
}

// The body limit of the route a request goes to, else `fallback`.
size_t BodyLimit(const Router& router, const Parser& parser, size_t fallback) {
  const auto& msg = parser.get();
  std::string_view target(msg.target().data(), msg.target().size());
  target = target.substr(0, target.find('?'));
  const auto match =
      router.Find(ParseMethod({msg.method_string().data(), msg.method_string().size()}), target);
  if (!match.route || match.route->options.max_body_bytes == 0) return fallback;
  return match.route->options.max_body_bytes;
}

template <class Stream>
void CloseStream(Stream& stream) {
  boost::system::error_code ec;
  beast::get_lowest_layer(stream).socket().close(ec);
}

}  // namespace

template <class Stream>
asio::awaitable<void> Server::Impl::Session(Stream stream, std::string remote) {
  Worker* worker = nullptr;
  for (auto& w : workers) {
    if (w->ioc.get_executor() == stream.get_executor()) worker = w.get();
  }
  SessionHandle handle;
  handle.close = [&stream] { CloseStream(stream); };
  worker->sessions.push_back(&handle);
  auto registered = std::prev(worker->sessions.end());
  open_sessions.fetch_add(1, std::memory_order_relaxed);
  metrics.open_connections().fetch_add(1, std::memory_order_relaxed);

  beast::flat_buffer buffer;
  std::string suffix;  // per-request response lines (Date, Connection), reused
  const size_t largest_body = LargestBodyLimit(router, options.max_body_bytes);
  for (;;) {
    handle.idle = buffer.size() == 0;
    if (stopping && handle.idle) break;
    Parser parser;
    parser.header_limit(static_cast<uint32_t>(options.max_header_bytes));
    parser.body_limit(largest_body);
    beast::get_lowest_layer(stream).expires_after(options.read_timeout);
    auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser,
                                                     asio::as_tuple(asio::use_awaitable));
    handle.idle = false;
    size_t body_limit = options.max_body_bytes;
    if (!ec && !parser.is_done()) {
      body_limit = BodyLimit(router, parser, body_limit);
      if (parser.content_length() && *parser.content_length() > body_limit) {
        ec = bhttp::error::body_limit;
      } else {
        parser.body_limit(body_limit);  // checked as chunks arrive
      }
    }
    if (!ec && parser.get()[bhttp::field::expect] == "100-continue" &&
        (!parser.content_length() || *parser.content_length() <= body_limit)) {
      bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
      std::tie(ec, n) =
          co_await bhttp::async_write(stream, cont, asio::as_tuple(asio::use_awaitable));
    }
    if (!ec) {
      std::tie(ec, n) =
          co_await bhttp::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
    }
    const auto start = Clock::now();
    if (ec) {
      if (auto answer = ReadErrorResponse(ec, options, body_limit)) {
        bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(answer->status), 11};
        res.set(bhttp::field::content_type, answer->content_type);
        res.set(bhttp::field::connection, "close");
        res.body() = std::move(answer->body);
        res.prepare_payload();
        beast::get_lowest_layer(stream).expires_after(kWriteTimeout);
        co_await bhttp::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
        metrics.Record(HttpMetrics::kUnmatchedRoute, answer->status, Clock::now() - start);
      }
      break;
    }
    auto& msg = parser.get();
    const bool keep_alive = msg.keep_alive() && !stopping;
    FieldsView fields(msg.base());
    Request req;
    req.method = ParseMethod({msg.method_string().data(), msg.method_string().size()});
    req.target = {msg.target().data(), msg.target().size()};
    SplitTarget(req);
    req.body = msg.body();
    req.remote_address = remote;
    req.headers = &fields;
    int status = 0;
    size_t bytes = 0;
    int route_id = HttpMetrics::kUnmatchedRoute;

    // Hot path: ready bytes.
    const Resource* resource = nullptr;
    std::shared_ptr<const ResourceSet> set;
    if (req.method == Method::kGet || req.method == Method::kHead) {
      set = resources.Current();
      if (set) resource = set->Find(resource_key(req));
    }
    beast::get_lowest_layer(stream).expires_after(kWriteTimeout);
    if (resource) {
      route_id = resource->metric_route;
      const bool not_modified = EtagMatches(req.Header("If-None-Match"), resource->etag);
      const bool gzip = !not_modified && !resource->body_gzip.empty() &&
                        AcceptsGzip(req.Header("Accept-Encoding"));
      const std::string& head = not_modified ? resource->head_not_modified
                                             : (gzip ? resource->head_gzip : resource->head);
      const std::string& body = gzip ? resource->body_gzip : resource->body;
      suffix.assign(DateLine());
      if (!keep_alive) {
        suffix += "Connection: close\r\n";
      } else if (msg.version() == 10) {
        suffix += "Connection: keep-alive\r\n";
      }
      suffix += "\r\n";
      const bool send_body = !not_modified && req.method == Method::kGet;
      std::array<asio::const_buffer, 3> buffers{
          asio::buffer(head), asio::buffer(suffix),
          asio::buffer(send_body ? body : std::string_view())};
      status = not_modified ? 304 : 200;
      bytes = send_body ? body.size() : 0;
      auto [wec, wn] =
          co_await asio::async_write(stream, buffers, asio::as_tuple(asio::use_awaitable));
      ec = wec;
    } else {
      Response res;
      auto match = router.Find(req.method, req.path);
      if (match.route) {
        route_id = match.route->metric_id;
        req.params = std::move(match.params);
        try {
          if (match.route->options.blocking) {
            res = co_await asio::co_spawn(
                *blocking,
                [&]() -> asio::awaitable<Response> { co_return match.route->handler(req); },
                asio::use_awaitable);
          } else {
            res = match.route->handler(req);
          }
        } catch (const std::exception& e) {
          spdlog::error("handler for {} {} threw: {}", ToString(req.method), req.path, e.what());
          res = Problem(500, "internal", "internal error; see the server log");
        }
      } else if (!match.allow.empty()) {
        res = Problem(
            405, "method-not-allowed",
            std::string(ToString(req.method)) + " is not allowed on " + std::string(req.path));
        res.Header("Allow", match.allow);
      } else if (req.method != Method::kGet && req.method != Method::kHead &&
                 (set = resources.Current()) && set->Find(resource_key(req))) {
        res = Problem(
            405, "method-not-allowed",
            std::string(ToString(req.method)) + " is not allowed on " + std::string(req.path));
        res.Header("Allow", "GET, HEAD");
      } else {
        res = not_found(req);
      }
      status = res.status;
      bytes = res.body.size();
      bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status),
                                              msg.version()};
      out.set(bhttp::field::server, "phare");
      out.set(bhttp::field::date, DateLine().substr(6, DateLine().size() - 8));
      if (!res.body.empty() || res.status != 204)
        out.set(bhttp::field::content_type, res.content_type);
      for (auto& [name, value] : res.headers) out.insert(name, value);
      out.keep_alive(keep_alive);
      out.body() = std::move(res.body);
      out.prepare_payload();
      if (req.method == Method::kHead) {
        bhttp::response<bhttp::empty_body> head{out.result(), out.version()};
        head.base() = out.base();
        auto [wec, wn] =
            co_await bhttp::async_write(stream, head, asio::as_tuple(asio::use_awaitable));
        ec = wec;
      } else {
        auto [wec, wn] =
            co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
        ec = wec;
      }
    }
    const auto elapsed = Clock::now() - start;
    metrics.Record(route_id, status, elapsed);
    if (options.access_log) {
      spdlog::info("{} {} {} {} {}B {}us", remote, ToString(req.method), req.target, status, bytes,
                   std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count());
    }
    if (ec || !keep_alive) break;
  }

  if constexpr (!std::is_same_v<Stream, beast::tcp_stream>) {
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
    co_await stream.async_shutdown(asio::as_tuple(asio::use_awaitable));
  } else {
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }
  worker->sessions.erase(registered);
  metrics.open_connections().fetch_sub(1, std::memory_order_relaxed);
  open_sessions.fetch_sub(1, std::memory_order_relaxed);
}

namespace {
std::string RemoteOf(const tcp::socket& socket) {
  boost::system::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string("?") : endpoint.address().to_string();
}
}  // namespace

asio::awaitable<void> Server::Impl::ServePlain(tcp::socket socket) {
  std::string remote = RemoteOf(socket);
  co_await Session(beast::tcp_stream(std::move(socket)), std::move(remote));
}

asio::awaitable<void> Server::Impl::ServeTls(tcp::socket socket) {
  std::string remote = RemoteOf(socket);
  beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), *tls);
  beast::get_lowest_layer(stream).expires_after(options.read_timeout);
  auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server,
                                              asio::as_tuple(asio::use_awaitable));
  if (ec) co_return;  // scanners and clients that gave up; nothing to log at info
  co_await Session(std::move(stream), std::move(remote));
}

}  // namespace phare::http
