#include "http/wire.h"

#include <sys/sendfile.h>

#include <cerrno>

#include "http/problem.h"
#include "http/security_headers.h"

namespace phare::http {

std::string_view FieldsView::Get(std::string_view name) const {
  auto it = fields_.find(name);
  if (it == fields_.end()) return {};
  return {it->value().data(), it->value().size()};
}

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

namespace {
constexpr size_t kReadSize = 65536;
}  // namespace

template <class P>
BasicFeed<P>::BasicFeed(P& parser, beast::flat_buffer& buffer, bool header_only)
    : parser_(parser), buffer_(buffer), header_only_(header_only) {
  parser_.eager(!header_only);
}

template <class P>
bool BasicFeed<P>::Done() const {
  return parser_.is_done() || (header_only_ && parser_.is_header_done());
}

template <class P>
bool BasicFeed<P>::Parse() {
  while (buffer_.size() > 0 && !Done()) {
    const size_t used = parser_.put(buffer_.data(), ec);
    buffer_.consume(used);
    if (ec == bhttp::error::need_more) {
      ec = {};
      break;
    }
    if (ec) return true;
    if (used == 0) break;
  }
  if (Done()) return true;
  if (beast::read_size(buffer_, kReadSize) == 0) ec = bhttp::error::buffer_overflow;
  return static_cast<bool>(ec);
}

template <class P>
asio::mutable_buffer BasicFeed<P>::Space() {
  return buffer_.prepare(beast::read_size(buffer_, kReadSize));
}

template <class P>
bool BasicFeed<P>::Received(const ErrorCode& error, size_t n) {
  if (error == asio::error::eof) {
    if (parser_.got_some()) {
      parser_.put_eof(ec);  // complete when the body ends with the stream
    } else {
      ec = bhttp::error::end_of_stream;
    }
    return true;
  }
  ec = error;
  if (!error) buffer_.commit(n);
  return static_cast<bool>(error);
}

template class BasicFeed<Parser>;
template class BasicFeed<SpoolParser>;

std::optional<Response> ReadErrorResponse(const ErrorCode& ec, const ServerOptions& o,
                                          size_t body_limit) {
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

std::optional<Response> MalformedHead(const bhttp::fields& fields, unsigned version) {
  if (version >= 11 && fields.find(bhttp::field::host) == fields.end()) {
    return Problem(400, "bad-request", "an HTTP/1.1 request needs a Host header");
  }
  if (version < 11 && fields.find(bhttp::field::transfer_encoding) != fields.end()) {
    return Problem(400, "bad-request", "HTTP/1.0 requests cannot use Transfer-Encoding");
  }
  return std::nullopt;
}

void SplitTarget(Request& r) {
  const auto q = r.target.find('?');
  r.path = r.target.substr(0, q);
  r.query = q == std::string_view::npos ? std::string_view() : r.target.substr(q + 1);
}

ReadyAnswer AnswerReady(const Resource& resource, const Request& req, bool keep_alive,
                        unsigned version, std::string& suffix, bool hsts) {
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
    a.plain_suffix = !hsts;
  }
  if (hsts) {
    suffix += "Strict-Transport-Security: ";
    suffix += kHsts;
    suffix += "\r\n";
  }
  suffix += "\r\n";
  const bool send_body = !not_modified && req.method == Method::kGet;
  a.buffers = {asio::buffer(head), asio::buffer(suffix),
               asio::buffer(send_body ? std::string_view(body) : std::string_view())};
  a.status = not_modified ? 304 : 200;
  a.body_bytes = send_body ? body.size() : 0;
  return a;
}

size_t SendNow(tcp::socket& socket, const ReadyAnswer& a, uint64_t version, ResponseFile& file,
               ErrorCode& ec) {
  const auto view = [&](int i) {
    return std::string_view(static_cast<const char*>(a.buffers[i].data()), a.buffers[i].size());
  };
  if (a.plain_suffix && a.body_bytes >= ResponseFile::kMinBody) {
    const std::string_view date_line = view(1).substr(0, view(1).size() - 2);
    const int64_t offset = file.Offset(version, view(0), a.second, date_line, view(2));
    if (offset >= 0) {
      off_t at = static_cast<off_t>(offset);
      const ssize_t n =
          ::sendfile(socket.native_handle(), file.fd(), &at, asio::buffer_size(a.buffers));
      if (n >= 0) return static_cast<size_t>(n);
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        ec = ErrorCode(errno, boost::system::system_category());
      }
      return 0;
    }
  }
  const size_t n = socket.send(a.buffers, 0, ec);
  if (ec == asio::error::would_block || ec == asio::error::try_again) ec = {};
  return ec ? 0 : n;
}

bhttp::response<bhttp::string_body> ToMessage(Response res, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  const std::string_view date = Date().line;
  out.set(bhttp::field::server, "phare");
  out.set(bhttp::field::date, date.substr(6, date.size() - 8));  // without "Date: " and CRLF
  if (!res.body.empty() || res.status != 204) out.set(bhttp::field::content_type, res.content_type);
  for (auto& [name, value] : res.headers) out.insert(name, value);
  out.keep_alive(keep_alive);
  out.body() = std::move(res.body);
  out.prepare_payload();
  return out;
}

}  // namespace phare::http
