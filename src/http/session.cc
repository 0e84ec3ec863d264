// One connection's request loop.
//
// The hot path (a GET/HEAD of ready bytes) is kept short: the request is read with
// Beast's parser straight from the socket (no composed operations, no timer per
// operation: see SessionHandle), the snapshot is looked up once per connection and
// version, and the response (precomputed head, Date line, body) is written at once
// when the socket has room, without a round trip through the event loop: one send,
// or for large bodies one sendfile from the thread's ResponseFile (see wire.h).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "http/problem.h"
#include "http/security_headers.h"
#include "http/server_impl.h"
#include "http/wire.h"

namespace phare::http {
namespace {

constexpr auto kWriteTimeout = std::chrono::seconds(30);
constexpr auto kTlsShutdownTimeout = std::chrono::seconds(2);

Response MethodNotAllowed(const Request& req, std::string allow) {
  Response res =
      Problem(405, "method-not-allowed",
              std::string(ToString(req.method)) + " is not allowed on " + std::string(req.path));
  res.Header("Allow", std::move(allow));
  return res;
}

// The largest body any route accepts: the parser's limit while the header is read
// (Beast checks Content-Length against it then).
size_t LargestBodyLimit(const Router& router, const ServerOptions& options) {
  size_t out = options.max_body_bytes;
  for (const auto& route : router.routes()) out = std::max(out, BodyLimit(route.options, options));
  return out;
}

// The route a request whose header `parser` holds goes to, if any.
Router::Match RouteOf(const Router& router, const Parser& parser) {
  const auto& msg = parser.get();
  std::string_view target(msg.target().data(), msg.target().size());
  target = target.substr(0, target.find('?'));
  return router.Find(ParseMethod({msg.method_string().data(), msg.method_string().size()}), target);
}

// Every instance of a list-valued field, in order, joined with "," (RFC 9110 5.3): a
// proxy may add its own line after the one a client sent.
std::string JoinedFieldOf(const Parser& parser, std::string_view name) {
  std::string out;
  const auto [first, last] = parser.get().equal_range({name.data(), name.size()});
  for (auto it = first; it != last; ++it) {
    if (!out.empty()) out += ',';
    out.append(it->value().data(), it->value().size());
  }
  return out;
}

// A request whose head only is read, for RouteOptions::admit.
Request HeadRequest(const Parser& parser, const FieldsView& fields, const std::string& remote) {
  const auto& msg = parser.get();
  Request req;
  req.method = ParseMethod({msg.method_string().data(), msg.method_string().size()});
  req.target = {msg.target().data(), msg.target().size()};
  SplitTarget(req);
  req.remote_address = remote;
  req.headers = &fields;
  return req;
}

// The answer to a body that does not fit `budget` (Reservation::refusal).
Response BudgetRefusal(const Reservation& r) {
  if (r.refusal == 413) {
    return Problem(413, "body-too-large",
                   "request bodies are limited to " + std::to_string(r.limit) + " bytes");
  }
  Response res = Problem(503, "busy", "too many request bodies in flight; try again shortly");
  res.Header("Retry-After", "5");
  return res;
}

// A temporary file for a spooled request body, removed with this object.
class SpoolFile {
 public:
  SpoolFile() = default;
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;
  ~SpoolFile() { Remove(); }
  void Remove() {
    if (!path_.empty()) ::unlink(path_.c_str());
    path_.clear();
  }
  // Creates an empty file in the temporary directory ($TMPDIR, else /tmp).
  ErrorCode Create() {
    std::error_code fs_ec;
    auto dir = std::filesystem::temp_directory_path(fs_ec);
    if (fs_ec) dir = "/tmp";
    std::string name = (dir / "phare-upload-XXXXXX").string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) return {errno, boost::system::generic_category()};
    ::close(fd);
    path_ = std::move(name);
    return {};
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

asio::awaitable<Response> Server::Impl::Dispatch(Request& req, int& route_id) {
  auto match = router.Find(req.method, req.path);
  if (!match.route) {
    if (!match.allow.empty()) co_return MethodNotAllowed(req, match.allow);
    if (req.method != Method::kGet && req.method != Method::kHead) {
      auto set = resources.Current();
      if (set && set->Find(resource_key(req))) co_return MethodNotAllowed(req, "GET, HEAD");
    }
    co_return not_found(req);
  }
  route_id = match.route->metric_id;
  req.params = std::move(match.params);
  try {
    if (!match.route->options.blocking) co_return match.route->handler(req);
    co_return co_await asio::co_spawn(
        *blocking, [&]() -> asio::awaitable<Response> { co_return match.route->handler(req); },
        asio::use_awaitable);
  } catch (const std::exception& e) {
    spdlog::error("handler for {} {} threw: {}", ToString(req.method), req.path, e.what());
  }
  co_return Problem(500, "internal", "internal error; see the server log");
}

asio::awaitable<std::optional<Response>> Server::Impl::Admit(const Route& route, Request& req) {
  try {
    if (!route.options.blocking) co_return route.options.admit(req);
    co_return co_await asio::co_spawn(
        *blocking,
        [&]() -> asio::awaitable<std::optional<Response>> { co_return route.options.admit(req); },
        asio::use_awaitable);
  } catch (const std::exception& e) {
    spdlog::error("check for {} {} threw: {}", ToString(req.method), req.path, e.what());
  }
  co_return Problem(500, "internal", "internal error; see the server log");
}

template <class Stream>
asio::awaitable<void> Server::Impl::Session(Stream& stream, SessionHandle& handle,
                                            const std::string& remote) {
  beast::flat_buffer buffer;
  std::string suffix;  // per-request response lines (Date, Connection), reused
  // This connection's snapshot, refreshed when a newer one is published: no reference
  // count shared between threads is touched per request.
  std::shared_ptr<const ResourceSet> set;
  const size_t largest_body = LargestBodyLimit(router, options);
  for (;;) {
    handle.idle = buffer.size() == 0;
    if (stopping && handle.idle) break;
    handle.deadline = Clock::now() + options.read_timeout;
    Parser parser;
    parser.header_limit(static_cast<uint32_t>(options.max_header_bytes));
    parser.body_limit(largest_body);
    Feed head(parser, buffer, /*header_only=*/true);
    while (!head.Parse()) {
      auto [error, n] =
          co_await stream.async_read_some(head.Space(), asio::as_tuple(asio::use_awaitable));
      if (head.Received(error, n)) break;
    }
    ErrorCode ec = head.ec;
    handle.idle = false;
    // The client, behind trusted proxies ([server] trusted_proxies) the one they report.
    std::string client = remote;
    if (!proxies.empty() && !ec) {
      const bool rfc7239 = options.forwarded_header == "forwarded";
      const std::string hops = JoinedFieldOf(parser, rfc7239 ? "Forwarded" : "X-Forwarded-For");
      client = rfc7239 ? proxies.ClientOf(remote, hops, "") : proxies.ClientOf(remote, "", hops);
    }
    // Decided from the head, before any of the body is read: the route, its check, the
    // body's limit and its share of the server's budget.
    size_t body_limit = 0;
    const Route* route = nullptr;
    bool body_unread = false;  // no route takes it: answer, then close
    std::optional<Response> refusal;
    BudgetLease body_lease;
    if (!ec) refusal = MalformedHead(parser.get().base(), parser.get().version());
    if (!ec && !refusal && !parser.is_done()) {
      auto match = RouteOf(router, parser);
      route = match.route;
      if (route) body_limit = BodyLimit(route->options, options);
      if (!route) {
        body_unread = true;
      } else if (parser.content_length() && *parser.content_length() > body_limit) {
        ec = bhttp::error::body_limit;
      } else if (route->options.admit) {
        FieldsView head_fields(parser.get().base());
        Request head_req = HeadRequest(parser, head_fields, client);
        head_req.params = std::move(match.params);
        refusal = co_await Admit(*route, head_req);
      }
      if (!ec && !refusal && route) {
        const auto length = parser.content_length();
        auto reserved =
            Reserve(route->options.spool_body ? spool_space : body_memory,
                    length ? std::optional<uint64_t>(*length) : std::nullopt, body_limit);
        if (reserved.refusal) {
          refusal = BudgetRefusal(reserved);
        } else {
          body_lease = std::move(reserved.lease);
          body_limit = reserved.limit;
          parser.body_limit(body_limit);  // checked as chunks arrive
        }
      }
    }
    if (refusal) {
      AddSecurityHeaders(*refusal, security);
      const auto start = Clock::now();
      const int id = route ? route->metric_id : HttpMetrics::kUnmatchedRoute;
      auto res = ToMessage(std::move(*refusal), parser.get().version(), false);
      handle.deadline = start + kWriteTimeout;
      co_await bhttp::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
      metrics.Record(id, res.result_int(), Clock::now() - start);
      break;
    }
    const bool read_body = !ec && !parser.is_done() && !body_unread;
    if (read_body && parser.get()[bhttp::field::expect] == "100-continue") {
      bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
      std::tie(ec, std::ignore) =
          co_await bhttp::async_write(stream, cont, asio::as_tuple(asio::use_awaitable));
    }
    // Large uploads go to a file as they arrive (the route asks), the rest to memory.
    std::optional<SpoolParser> spool;
    SpoolFile spool_file;
    ErrorCode spool_error;
    if (read_body && !ec && route->options.spool_body) {
      spool_error = spool_file.Create();
      if (!spool_error) {
        spool.emplace(std::move(parser));
        spool->body_limit(body_limit);
        spool->get().body().open(spool_file.path().c_str(), beast::file_mode::write, spool_error);
      }
      if (!spool_error) {
        SpoolFeed body(*spool, buffer, /*header_only=*/false);
        while (!ec && !body.Parse()) {
          auto [error, n] =
              co_await stream.async_read_some(body.Space(), asio::as_tuple(asio::use_awaitable));
          if (body.Received(error, n)) break;
        }
        if (!ec) ec = body.ec;
        spool->get().body().close();
      }
    } else if (read_body && !ec) {
      Feed body(parser, buffer, /*header_only=*/false);
      while (!ec && !body.Parse()) {
        auto [error, n] =
            co_await stream.async_read_some(body.Space(), asio::as_tuple(asio::use_awaitable));
        if (body.Received(error, n)) break;
      }
      if (!ec) ec = body.ec;
    }
    const auto start = Clock::now();
    handle.deadline = Clock::time_point::max();  // handlers may take their time
    if (spool_error) {
      spdlog::error("cannot store a request body in a temporary file: {}", spool_error.message());
      auto res = ToMessage(
          Problem(503, "unavailable", "the upload could not be stored; see the server log"), 11,
          false);
      handle.deadline = start + kWriteTimeout;
      co_await bhttp::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
      metrics.Record(HttpMetrics::kUnmatchedRoute, res.result_int(), Clock::now() - start);
      break;
    }
    if (ec) {
      spool_file.Remove();
      if (auto answer = ReadErrorResponse(ec, options, body_limit)) {
        AddSecurityHeaders(*answer, security);
        auto res = ToMessage(std::move(*answer), 11, false);
        handle.deadline = start + kWriteTimeout;
        co_await bhttp::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
        metrics.Record(HttpMetrics::kUnmatchedRoute, res.result_int(), Clock::now() - start);
      }
      break;
    }
    const auto& msg = spool ? spool->get().base() : parser.get().base();
    const bool keep_alive = (spool ? spool->get().keep_alive() : parser.get().keep_alive()) &&
                            !stopping && !body_unread;
    FieldsView fields(msg);
    Request req;
    req.method = ParseMethod({msg.method_string().data(), msg.method_string().size()});
    req.target = {msg.target().data(), msg.target().size()};
    SplitTarget(req);
    if (spool) {
      req.body_file = spool_file.path();
    } else {
      // NOLINTNEXTLINE(bugprone-use-after-move): `parser` is moved from only when spooled.
      req.body = parser.get().body();
    }
    req.remote_address = client;
    req.headers = &fields;
    int status = 0;
    size_t bytes = 0;
    int route_id = HttpMetrics::kUnmatchedRoute;

    // Hot path: ready bytes.
    const Resource* resource = nullptr;
    if (req.method == Method::kGet || req.method == Method::kHead) {
      if (!set || set->version() != resources.version()) set = resources.Current();
      if (set) resource = set->Find(resource_key(req));
    }
    if (resource) {
      route_id = resource->metric_route;
      const ReadyAnswer answer =
          AnswerReady(*resource, req, keep_alive, msg.version(), suffix, security.tls);
      status = answer.status;
      bytes = answer.body_bytes;
      const size_t written = WriteNow(stream, answer, set->version(), handle.worker->responses, ec);
      if (!ec && written < asio::buffer_size(answer.buffers)) {
        beast::buffers_suffix<std::array<asio::const_buffer, 3>> rest(answer.buffers);
        rest.consume(written);
        handle.deadline = Clock::now() + kWriteTimeout;
        std::tie(ec, std::ignore) =
            co_await asio::async_write(stream, rest, asio::as_tuple(asio::use_awaitable));
      }
    } else {
      Response res = co_await Dispatch(req, route_id);
      AddSecurityHeaders(res, security);
      spool_file.Remove();  // before answering: a client that saw the answer sees no file
      status = res.status;
      bytes = res.body.size();
      auto out = ToMessage(std::move(res), msg.version(), keep_alive);
      handle.deadline = Clock::now() + kWriteTimeout;
      if (req.method == Method::kHead) {
        bhttp::response<bhttp::empty_body> head_only{out.result(), out.version()};
        head_only.base() = out.base();
        std::tie(ec, std::ignore) =
            co_await bhttp::async_write(stream, head_only, asio::as_tuple(asio::use_awaitable));
      } else {
        std::tie(ec, std::ignore) =
            co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
      }
    }
    const auto elapsed = Clock::now() - start;
    metrics.Record(route_id, status, elapsed);
    if (options.access_log) {
      spdlog::info("{} {} {} {} {}B {}us", client, ToString(req.method), req.target, status, bytes,
                   std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count());
    }
    if (ec || !keep_alive) break;
  }
}

namespace {
std::string RemoteOf(const tcp::socket& socket) {
  boost::system::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string("?") : endpoint.address().to_string();
}
}  // namespace

asio::awaitable<void> Server::Impl::ServePlain(tcp::socket socket) {
  const std::string remote = RemoteOf(socket);
  ErrorCode ec;
  socket.non_blocking(true, ec);  // WriteNow must never block the thread
  if (ec) co_return;
  SessionHandle handle;
  Enter(handle, socket);
  co_await Session(socket, handle, remote);
  socket.shutdown(tcp::socket::shutdown_send, ec);
  Leave(handle);
}

asio::awaitable<void> Server::Impl::ServeTls(tcp::socket socket) {
  const std::string remote = RemoteOf(socket);
  beast::ssl_stream<tcp::socket> stream(std::move(socket), *tls);
  SessionHandle handle;
  Enter(handle, beast::get_lowest_layer(stream));
  handle.deadline = Clock::now() + options.read_timeout;
  auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server,
                                              asio::as_tuple(asio::use_awaitable));
  // Failed handshakes: scanners and clients that gave up; nothing to log at info.
  if (!ec) {
    co_await Session(stream, handle, remote);
    handle.deadline = Clock::now() + kTlsShutdownTimeout;
    co_await stream.async_shutdown(asio::as_tuple(asio::use_awaitable));
  }
  Leave(handle);
}

}  // namespace phare::http
