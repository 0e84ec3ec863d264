// The HTTP/1.1 server: Boost.Beast over Asio with C++20 coroutines, one io_context
// per network thread (connections are spread round-robin and never shared), optional
// TLS with session resumption.
//
// For each request: a GET/HEAD whose path is in the current ResourceSet is answered
// from ready bytes (ETag/304, gzip) without touching the router; anything else goes
// through the Router. Handlers marked `blocking` (database access) run on a small
// thread pool so that network threads never wait on disk.
//
// Before a body is read: the route is found and its check run (RouteOptions::admit:
// authentication, page id), so that a refused request never sends its body nor gets
// `100 Continue`; the body's size is checked against the route's limit (413) and
// reserved from a budget shared by all connections, one for memory and one for
// spooled uploads (503 with Retry-After when full). A body sent where no route
// answers is not read: the answer closes the connection.
//
// Limits: header and body sizes (431/413), a read timeout per request and for idle
// keep-alive connections, and a write timeout (checked once a second, so they fire up
// to a second late), a cap on open connections. Start() raises the process's soft
// limit on open files towards max_connections (and lowers max_connections below the
// limit it gets, see ConnectionCap) and ignores SIGPIPE; failed accepts are logged
// once a minute at most. Stop() is
// thread-safe: it stops accepting, closes idle connections, lets requests in flight
// finish (they get `Connection: close`) for up to drain_timeout, then Run() returns.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "http/http_metrics.h"
#include "http/message.h"
#include "http/resource.h"
#include "http/router.h"

namespace phare::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port
  int threads = 0;       // network threads; 0: one per core
  int blocking_threads = 2;
  size_t max_body_bytes = 1 << 20;               // routes that check a request first (admit)
  size_t max_public_body_bytes = 64 << 10;       // other routes (see BodyLimit)
  uint64_t max_body_memory_bytes = 64 << 20;     // all bodies held in memory at once (503)
  uint64_t max_spool_bytes = uint64_t{1} << 30;  // all uploads spooled to disk at once (503)
  size_t max_header_bytes = 16 << 10;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds drain_timeout{10};
  int max_connections = 50000;
  std::string tls_cert;  // PEM certificate chain; HTTPS when set with tls_key
  std::string tls_key;
  // CSP frame-ancestors of HTML answers (see security_headers.h); HSTS and Secure
  // cookies come with TLS.
  std::string frame_ancestors = "'none'";
  // Reverse proxies whose Forwarded / X-Forwarded-For headers name the client
  // (Request::remote_address); CIDRs or addresses. See client_address.h.
  std::vector<std::string> trusted_proxies;
  // The one header those proxies write: "x-forwarded-for" or "forwarded" (RFC 7239). The
  // other is never read, since a proxy passes along what the client wrote in it.
  std::string forwarded_header = "x-forwarded-for";
  bool access_log = false;
  bool handle_signals = true;  // SIGINT/SIGTERM call Stop()
};

// Descriptors kept for other files (database, logs, uploads) besides connections.
inline constexpr uint64_t kReservedFiles = 256;
// The connections a process allowed `open_files` descriptors can serve: at most
// `max_connections`, keeping kReservedFiles (half, when there are few) for the rest.
int ConnectionCap(int max_connections, uint64_t open_files);

class Server {
 public:
  // The router, cache and metrics must outlive the server.
  Server(ServerOptions options, const Router& router, const ResourceCache& resources,
         HttpMetrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // What to answer when no route matches (default: a problem+json 404).
  void SetNotFound(Handler handler);
  // Maps a request to its key in the ResourceSet (default: the path).
  void SetResourceKey(std::function<std::string(const Request&)> key);

  // Loads TLS material, binds and listens. InvalidArgument for a bad address or
  // trusted proxy,
  // Unavailable when the port is taken, IoError for unreadable certificates.
  base::Status Start();
  // The bound port (after Start).
  uint16_t port() const;
  // Serves until Stop() (or a signal), drains, and returns. Call once, after Start.
  void Run();
  void Stop();
  bool stopping() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace phare::http
