// HTTP/1.1 on the wire, for session.cc only (Beast-heavy): feeding Beast's parser from
// the socket, answering from ready bytes, Date lines, and handler responses as Beast
// messages.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "http/server_impl.h"

namespace phare::http {

using Parser = bhttp::request_parser<bhttp::string_body>;
// For routes that spool their body to a temporary file (RouteOptions::spool_body).
using SpoolParser = bhttp::request_parser<bhttp::file_body>;
using ErrorCode = boost::system::error_code;

// Request headers as handlers see them.
class FieldsView final : public HeaderView {
 public:
  explicit FieldsView(const bhttp::fields& fields) : fields_(fields) {}
  std::string_view Get(std::string_view name) const override;

 private:
  const bhttp::fields& fields_;
};

// "Date: Thu, 09 Nov 2017 06:21:00 GMT\r\n" and its second, formatted once a second
// per thread.
struct DateStamp {
  std::time_t second;
  std::string_view line;
};
DateStamp Date();

// Feeds Beast's parser from a buffer filled from the socket, until the header
// (`header_only`) or the whole message is parsed, leaving what follows (a pipelined
// request) in the buffer: the loop of Beast's http::async_read without its composed
// operations, so that the request loop awaits the socket itself:
//
//   Feed feed(parser, buffer, true);
//   while (!feed.Parse()) {
//     auto [error, n] = co_await stream.async_read_some(feed.Space(), ...);
//     if (feed.Received(error, n)) break;
//   }
//   // feed.ec: the outcome
template <class P>
class BasicFeed {
 public:
  BasicFeed(P& parser, beast::flat_buffer& buffer, bool header_only);
  // Parses what the buffer holds; true when done or on error (then `ec` is set).
  bool Parse();
  // Where the next read goes.
  asio::mutable_buffer Space();
  // Takes the outcome of a read; true when reading must stop (see `ec`).
  bool Received(const ErrorCode& error, size_t n);

  ErrorCode ec;

 private:
  bool Done() const;

  P& parser_;
  beast::flat_buffer& buffer_;
  const bool header_only_;
};
using Feed = BasicFeed<Parser>;
using SpoolFeed = BasicFeed<SpoolParser>;

// Recoverable read errors end the connection quietly (nullopt); the others get an
// answer (413 naming `body_limit`, 431, 400).
std::optional<Response> ReadErrorResponse(const ErrorCode& ec, const ServerOptions& o,
                                          size_t body_limit);

// What RFC 9112 refuses in a request head Beast accepts: HTTP/1.1 without Host
// (section 3.2), Transfer-Encoding in HTTP/1.0 (section 6.1). A 400 answer, or nullopt.
std::optional<Response> MalformedHead(const bhttp::fields& fields, unsigned version);

// Sets path and query from target.
void SplitTarget(Request& r);

// The response to a request for ready bytes: 200 or 304, identity or gzip.
struct ReadyAnswer {
  std::array<asio::const_buffer, 3> buffers;  // head, Date (and Connection) lines, body
  int status = 200;
  size_t body_bytes = 0;
  std::time_t second = 0;     // of the Date line
  bool plain_suffix = false;  // the Date line and the blank line only
};
// `suffix` holds the Date and Connection lines the answer points to (and HSTS, `hsts`).
ReadyAnswer AnswerReady(const Resource& resource, const Request& req, bool keep_alive,
                        unsigned version, std::string& suffix, bool hsts = false);

// Writes what fits into the socket's send buffer now, without waiting, and returns the
// number of bytes written; the caller writes the rest from memory, asynchronously.
// Large bodies go with one sendfile(2) from the thread's ResponseFile. `socket` must
// be non-blocking; `version` is that of the answer's ResourceSet.
size_t SendNow(tcp::socket& socket, const ReadyAnswer& a, uint64_t version, ResponseFile& file,
               ErrorCode& ec);
template <class Stream>
size_t WriteNow(Stream& stream, const ReadyAnswer& a, uint64_t version, ResponseFile& file,
                ErrorCode& ec) {
  if constexpr (std::is_same_v<Stream, tcp::socket>) {
    return SendNow(stream, a, version, file, ec);
  } else {
    return 0;  // TLS: always through async_write
  }
}

// A handler's Response as a Beast message (Server, Date, Content-Type, keep-alive).
bhttp::response<bhttp::string_body> ToMessage(Response res, unsigned version, bool keep_alive);

}  // namespace phare::http
