// Internals of Server, shared by server.cc (lifecycle, accepting) and session.cc (one
// connection's request loop). Heavy headers: include from those two files only.
#pragma once

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <atomic>
#include <list>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "http/body_budget.h"
#include "http/client_address.h"
#include "http/response_file.h"
#include "http/security_headers.h"
#include "http/server.h"

namespace phare::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

using Clock = std::chrono::steady_clock;

// One open connection as its worker sees it. Instead of a timer per connection (armed
// and cancelled on every read and write), each session records a deadline and the
// worker closes, once a second, the connections whose deadline passed; Stop() closes
// the idle ones at once.
struct Worker;
struct SessionHandle {
  tcp::socket* socket = nullptr;
  Worker* worker = nullptr;
  bool idle = true;
  Clock::time_point deadline = Clock::time_point::max();
  std::list<SessionHandle*>::iterator registered;
};

// What belongs to one network thread; touched only from that thread.
struct Worker {
  asio::io_context ioc{1};
  std::list<SessionHandle*> sessions;
  asio::steady_timer sweep{ioc};
  ResponseFile responses;
};

struct Server::Impl {
  Impl(ServerOptions o, const Router& r, const ResourceCache& c, HttpMetrics& m)
      : options(std::move(o)),
        router(r),
        resources(c),
        metrics(m),
        body_memory(options.max_body_memory_bytes),
        spool_space(options.max_spool_bytes),
        security{!options.tls_cert.empty(), options.frame_ancestors} {}

  // session.cc
  template <class Stream>
  asio::awaitable<void> Session(Stream& stream, SessionHandle& handle, const std::string& remote);
  asio::awaitable<void> ServePlain(tcp::socket socket);
  // Answers what ready bytes do not: the router, 405, 404.
  asio::awaitable<Response> Dispatch(Request& req, int& route_id);
  // Runs `route`'s check on a request whose head only is read: a refusal, or nullopt.
  asio::awaitable<std::optional<Response>> Admit(const Route& route, Request& req);
  asio::awaitable<void> ServeTls(tcp::socket socket);

  // server.cc
  asio::awaitable<void> Accept();
  void CloseIdle(Worker& worker);
  // Registers a connection with the worker running `socket` / removes it.
  void Enter(SessionHandle& handle, tcp::socket& socket);
  void Leave(SessionHandle& handle);
  // Closes, every second, the connections of `worker` whose deadline passed.
  void Sweep(Worker& worker);

  ServerOptions options;
  const Router& router;
  const ResourceCache& resources;
  HttpMetrics& metrics;
  ByteBudget body_memory;  // request bodies held in memory, all connections
  ByteBudget spool_space;  // uploads spooled to disk, all connections
  SecurityOptions security;
  TrustedProxies proxies;  // parsed from options.trusted_proxies by Start()
  Handler not_found;
  std::function<std::string(const Request&)> resource_key;

  std::vector<std::unique_ptr<Worker>> workers;
  std::unique_ptr<asio::thread_pool> blocking;
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::ssl::context> tls;
  std::atomic<bool> stopping{false};
  std::atomic<int> open_sessions{0};
  size_t next_worker = 0;
  uint64_t accept_failures = 0;  // since the last log line (Accept's thread only)
  Clock::time_point next_accept_log{};
  uint16_t port = 0;
};

}  // namespace phare::http
