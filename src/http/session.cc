// One connection's request loop.
//
// The hot path (a GET/HEAD of ready bytes) is kept short: the request is read with
// Beast's parser straight from the socket (no composed operations, no timer per
// operation: see SessionHandle), the snapshot is looked up once per connection and
// version, and the response (precomputed head, Date line, body) is written at once
// when the socket has room, without a round trip through the event loop: one send,
// or for large bodies one sendfile from the thread's ResponseFile.
#include <spdlog/spdlog.h>
#include <sys/sendfile.h>

#include <cerrno>
#include <ctime>

#include "http/problem.h"
#include "http/server_impl.h"

namespace phare::http {
namespace {

using Parser = bhttp::request_parser<bhttp::string_body>;
using ErrorCode = boost::system::error_code;

constexpr auto kWriteTimeout = std::chrono::seconds(30);
constexpr auto kTlsShutdownTimeout = std::chrono::seconds(2);

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

// "Date: Thu, 09 Nov 2017 06:21:00 GMT\r\n" and its second, reformatted once a
// second per thread.
struct DateStamp {
  std::time_t second;
  std::string_view line;
};
DateStamp Date() {
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
  return {cached, {line, length}};
}
std::string_view DateLine() { return Date().line; }

// Recoverable read errors end the connection quietly; the others get an answer.
std::optional<Response> ReadErrorResponse(const ErrorCode& ec, const ServerOptions& o) {
  if (ec == bhttp::error::body_limit) {
    return Problem(413, "body-too-large",
                   "request bodies are limited to " + std::to_string(o.max_body_bytes) + " bytes");
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

// Feeds `parser` from `buffer`, reading more from `stream` as needed, until the header
// (`header_only`) or the whole message is parsed. Leaves what follows (a pipelined
// request) in `buffer`. The same loop as Beast's http::async_read, without its
// composed-operation layers.
template <class Stream>
asio::awaitable<ErrorCode> Read(Stream& stream, beast::flat_buffer& buffer, Parser& parser,
                                bool header_only) {
  const auto done = [&] { return parser.is_done() || (header_only && parser.is_header_done()); };
  parser.eager(!header_only);
  for (;;) {
    while (buffer.size() > 0 && !done()) {
      ErrorCode ec;
      const size_t used = parser.put(buffer.data(), ec);
      buffer.consume(used);
      if (ec == bhttp::error::need_more) break;
      if (ec) co_return ec;
      if (used == 0) break;
    }
    if (done()) co_return ErrorCode();
    const size_t size = beast::read_size(buffer, 65536);
    if (size == 0) co_return bhttp::error::buffer_overflow;
    auto [ec, n] =
        co_await stream.async_read_some(buffer.prepare(size), asio::as_tuple(asio::use_awaitable));
    if (ec == asio::error::eof) {
      if (!parser.got_some()) co_return bhttp::error::end_of_stream;
      ErrorCode eof;
      parser.put_eof(eof);
      co_return eof;
    }
    if (ec) co_return ec;
    buffer.commit(n);
  }
}

// The response to a request for ready bytes: 200 or 304, identity or gzip.
struct ReadyAnswer {
  std::array<asio::const_buffer, 3> buffers;  // head, Date (and Connection) lines, body
  int status = 200;
  size_t body_bytes = 0;
  std::time_t second = 0;     // of the Date line
  bool plain_suffix = false;  // the Date line and the blank line only
};

bool WouldBlock(const ErrorCode& ec) {
  return ec == asio::error::would_block || ec == asio::error::try_again;
}

// Writes what fits into the socket's send buffer now, without waiting, and returns the
// number of bytes written; the caller writes the rest from memory, asynchronously.
// Large bodies go with one sendfile(2) from the thread's ResponseFile when it has
// them. TLS streams: nothing is written here.
template <class Stream>
size_t WriteNow(Stream& stream, const ReadyAnswer& a, uint64_t version, ResponseFile& file,
                ErrorCode& ec) {
  if constexpr (std::is_same_v<Stream, tcp::socket>) {  // non-blocking (ServePlain)
    const auto view = [&](int i) {
      return std::string_view(static_cast<const char*>(a.buffers[i].data()), a.buffers[i].size());
    };
    const int64_t offset = a.plain_suffix && a.body_bytes >= ResponseFile::kMinBody
                               ? file.Offset(version, view(0), a.second,
                                             view(1).substr(0, view(1).size() - 2), view(2))
                               : -1;
    if (offset >= 0) {
      off_t at = static_cast<off_t>(offset);
      const ssize_t n =
          ::sendfile(stream.native_handle(), file.fd(), &at, asio::buffer_size(a.buffers));
      if (n >= 0) return static_cast<size_t>(n);
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        ec = ErrorCode(errno, boost::system::system_category());
      }
      return 0;
    }
    const size_t n = stream.send(a.buffers, 0, ec);
    if (WouldBlock(ec)) ec = {};
    return ec ? 0 : n;
  } else {
    return 0;
  }
}

ReadyAnswer AnswerReady(const Resource& resource, const Request& req, bool keep_alive,
                        unsigned version, std::string& suffix) {
  ReadyAnswer a;
  const bool not_modified = EtagMatches(req.Header("If-None-Match"), resource.etag);
  const bool gzip =
      !not_modified && !resource.body_gzip.empty() && AcceptsGzip(req.Header("Accept-Encoding"));
  const std::string& head =
      not_modified ? resource.head_not_modified : (gzip ? resource.head_gzip : resource.head);
  const std::string& body = gzip ? resource.body_gzip : resource.body;
  const DateStamp date = Date();
  a.second = date.second;
  suffix.assign(date.line);
  if (!keep_alive) {
    suffix += "Connection: close\r\n";
  } else if (version == 10) {
    suffix += "Connection: keep-alive\r\n";
  } else {
    a.plain_suffix = true;
  }
  suffix += "\r\n";
  const bool send_body = !not_modified && req.method == Method::kGet;
  a.buffers = {asio::buffer(head), asio::buffer(suffix),
               asio::buffer(send_body ? std::string_view(body) : std::string_view())};
  a.status = not_modified ? 304 : 200;
  a.body_bytes = send_body ? body.size() : 0;
  return a;
}

// A Response from a handler as a Beast message (Server, Date, Content-Type, keep-alive).
bhttp::response<bhttp::string_body> ToMessage(Response res, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  out.set(bhttp::field::server, "phare");
  out.set(bhttp::field::date, DateLine().substr(6, DateLine().size() - 8));
  if (!res.body.empty() || res.status != 204) out.set(bhttp::field::content_type, res.content_type);
  for (auto& [name, value] : res.headers) out.insert(name, value);
  out.keep_alive(keep_alive);
  out.body() = std::move(res.body);
  out.prepare_payload();
  return out;
}

}  // namespace

template <class Stream>
asio::awaitable<void> Server::Impl::Session(Stream& stream, SessionHandle& handle,
                                            const std::string& remote) {
  beast::flat_buffer buffer;
  std::string suffix;  // per-request response lines (Date, Connection), reused
  // This connection's snapshot, refreshed when a newer one is published: no reference
  // count shared between threads is touched per request.
  std::shared_ptr<const ResourceSet> set;
  for (;;) {
    handle.idle = buffer.size() == 0;
    if (stopping && handle.idle) break;
    handle.deadline = Clock::now() + options.read_timeout;
    Parser parser;
    parser.header_limit(static_cast<uint32_t>(options.max_header_bytes));
    parser.body_limit(options.max_body_bytes);
    ErrorCode ec = co_await Read(stream, buffer, parser, /*header_only=*/true);
    handle.idle = false;
    if (!ec && !parser.is_done()) {
      if (parser.get()[bhttp::field::expect] == "100-continue" &&
          (!parser.content_length() || *parser.content_length() <= options.max_body_bytes)) {
        bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
        std::tie(ec, std::ignore) =
            co_await bhttp::async_write(stream, cont, asio::as_tuple(asio::use_awaitable));
      }
      if (!ec) ec = co_await Read(stream, buffer, parser, /*header_only=*/false);
    }
    const auto start = Clock::now();
    handle.deadline = Clock::time_point::max();  // handlers may take their time
    if (ec) {
      if (auto answer = ReadErrorResponse(ec, options)) {
        auto res = ToMessage(std::move(*answer), 11, false);
        handle.deadline = start + kWriteTimeout;
        co_await bhttp::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
        metrics.Record(HttpMetrics::kUnmatchedRoute, res.result_int(), Clock::now() - start);
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
    if (req.method == Method::kGet || req.method == Method::kHead) {
      if (!set || set->version() != resources.version()) set = resources.Current();
      if (set) resource = set->Find(resource_key(req));
    }
    if (resource) {
      route_id = resource->metric_route;
      const ReadyAnswer answer = AnswerReady(*resource, req, keep_alive, msg.version(), suffix);
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
      auto out = ToMessage(std::move(res), msg.version(), keep_alive);
      handle.deadline = Clock::now() + kWriteTimeout;
      if (req.method == Method::kHead) {
        bhttp::response<bhttp::empty_body> head{out.result(), out.version()};
        head.base() = out.base();
        std::tie(ec, std::ignore) =
            co_await bhttp::async_write(stream, head, asio::as_tuple(asio::use_awaitable));
      } else {
        std::tie(ec, std::ignore) =
            co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
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
  socket.non_blocking(true, ec);  // for WriteNow
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
