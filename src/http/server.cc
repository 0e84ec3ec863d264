#include <openssl/ssl.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <csignal>

#include "http/problem.h"
#include "http/server_impl.h"

namespace phare::http {

Server::Server(ServerOptions options, const Router& router, const ResourceCache& resources,
               HttpMetrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, resources, metrics)) {
  impl_->not_found = [](Request& req) {
    return Problem(404, "not-found", "no resource at " + std::string(req.path));
  };
  impl_->resource_key = [](const Request& req) { return std::string(req.path); };
}

Server::~Server() = default;

void Server::SetNotFound(Handler handler) { impl_->not_found = std::move(handler); }
void Server::SetResourceKey(std::function<std::string(const Request&)> key) {
  impl_->resource_key = std::move(key);
}
uint16_t Server::port() const { return impl_->port; }
bool Server::stopping() const { return impl_->stopping.load(); }

int ConnectionCap(int max_connections, uint64_t open_files) {
  const uint64_t reserve = std::min<uint64_t>(kReservedFiles, open_files / 2);
  const uint64_t room = open_files - reserve;
  return static_cast<int>(std::min<uint64_t>(static_cast<uint64_t>(max_connections), room));
}

namespace {

base::Status SetUpTls(asio::ssl::context& ctx, const ServerOptions& o) {
  boost::system::error_code ec;
  ctx.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                  asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                  asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
  ctx.use_certificate_chain_file(o.tls_cert, ec);
  if (ec) return base::IoError("cannot use TLS certificate '" + o.tls_cert + "': " + ec.message());
  ctx.use_private_key_file(o.tls_key, asio::ssl::context::pem, ec);
  if (ec) return base::IoError("cannot use TLS key '" + o.tls_key + "': " + ec.message());
  // Session resumption: a server-side session cache (TLS 1.2 ids) and, by OpenSSL's
  // default, TLS 1.3 tickets, so returning clients skip the full handshake.
  SSL_CTX* native = ctx.native_handle();
  SSL_CTX_set_session_cache_mode(native, SSL_SESS_CACHE_SERVER);
  SSL_CTX_sess_set_cache_size(native, 100000);
  static const unsigned char kContext[] = "phare";
  SSL_CTX_set_session_id_context(native, kContext, sizeof(kContext) - 1);
  return base::Status::Ok();
}

// Each connection holds a descriptor: raise the soft limit (often 1,024) as far as the
// hard limit allows, as a static-file server does, and cap connections below it.
int RaiseOpenFileLimit(int max_connections) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return max_connections;
  const rlim_t wanted = static_cast<rlim_t>(max_connections) + kReservedFiles;
  const rlim_t target = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
  if (target > limit.rlim_cur) {
    limit.rlim_cur = target;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) getrlimit(RLIMIT_NOFILE, &limit);
  }
  const int cap = ConnectionCap(max_connections, limit.rlim_cur);
  if (cap < max_connections) {
    spdlog::warn("open files are limited to {}: max_connections lowered from {} to {}",
                 limit.rlim_cur, max_connections, cap);
  }
  return cap;
}

}  // namespace

base::Status Server::Start() {
  Impl& s = *impl_;
  if (!s.options.tls_cert.empty() || !s.options.tls_key.empty()) {
    if (s.options.tls_cert.empty() || s.options.tls_key.empty()) {
      return base::InvalidArgument("HTTPS needs both a certificate and a key", "tls");
    }
    s.tls.emplace(asio::ssl::context::tls_server);
    PHARE_RETURN_IF_ERROR(SetUpTls(*s.tls, s.options));
  }
  PHARE_ASSIGN_OR_RETURN(s.proxies, TrustedProxies::Parse(s.options.trusted_proxies));
  s.options.max_connections = RaiseOpenFileLimit(s.options.max_connections);
  // sendfile(2) has no MSG_NOSIGNAL: a peer gone away must not kill the process.
  std::signal(SIGPIPE, SIG_IGN);
  int threads = s.options.threads > 0 ? s.options.threads
                                      : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(threads, 1);
  for (int i = 0; i < threads; ++i) s.workers.push_back(std::make_unique<Worker>());
  s.blocking = std::make_unique<asio::thread_pool>(std::max(s.options.blocking_threads, 1));

  boost::system::error_code ec;
  const auto address = asio::ip::make_address(s.options.host, ec);
  if (ec) {
    return base::InvalidArgument("'" + s.options.host + "' is not an IP address", "listen");
  }
  tcp::endpoint endpoint(address, s.options.port);
  s.acceptor.emplace(s.workers[0]->ioc);
  s.acceptor->open(endpoint.protocol(), ec);
  if (!ec) s.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor->bind(endpoint, ec);
  if (!ec) s.acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return {base::Code::kUnavailable, "cannot listen on " + s.options.host + ":" +
                                          std::to_string(s.options.port) + ": " + ec.message()};
  }
  s.port = s.acceptor->local_endpoint().port();
  return base::Status::Ok();
}

asio::awaitable<void> Server::Impl::Accept() {
  for (;;) {
    Worker& worker = *workers[next_worker++ % workers.size()];
    auto [ec, socket] =
        co_await acceptor->async_accept(worker.ioc, asio::as_tuple(asio::use_awaitable));
    if (stopping) co_return;
    if (ec) {
      if (ec == asio::error::operation_aborted) co_return;
      // Said once a minute at most, with how often it happened meanwhile.
      ++accept_failures;
      if (const auto now = Clock::now(); now >= next_accept_log) {
        spdlog::warn("accept failed: {} ({} time(s) since the last such message)", ec.message(),
                     accept_failures);
        accept_failures = 0;
        next_accept_log = now + std::chrono::minutes(1);
      }
      // Out of file descriptors: give connections a moment to close.
      asio::steady_timer pause(co_await asio::this_coro::executor, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::use_awaitable);
      continue;
    }
    if (open_sessions.load(std::memory_order_relaxed) >= options.max_connections) {
      socket.close();  // over the cap: refuse rather than starve those already served
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto executor = socket.get_executor();
    if (tls) {
      asio::co_spawn(executor, ServeTls(std::move(socket)), asio::detached);
    } else {
      asio::co_spawn(executor, ServePlain(std::move(socket)), asio::detached);
    }
  }
}

namespace {
void Close(SessionHandle& handle) {
  boost::system::error_code ignored;
  handle.socket->close(ignored);  // pending operations end with operation_aborted
  handle.deadline = Clock::time_point::max();
}
}  // namespace

void Server::Impl::CloseIdle(Worker& worker) {
  for (SessionHandle* handle : worker.sessions) {
    if (handle->idle) Close(*handle);
  }
}

void Server::Impl::Enter(SessionHandle& handle, tcp::socket& socket) {
  for (auto& w : workers) {
    if (w->ioc.get_executor() == socket.get_executor()) handle.worker = w.get();
  }
  handle.socket = &socket;
  handle.registered = handle.worker->sessions.insert(handle.worker->sessions.end(), &handle);
  open_sessions.fetch_add(1, std::memory_order_relaxed);
  metrics.open_connections().fetch_add(1, std::memory_order_relaxed);
}

void Server::Impl::Leave(SessionHandle& handle) {
  handle.worker->sessions.erase(handle.registered);
  metrics.open_connections().fetch_sub(1, std::memory_order_relaxed);
  open_sessions.fetch_sub(1, std::memory_order_relaxed);
}

void Server::Impl::Sweep(Worker& worker) {
  worker.sweep.expires_after(std::chrono::seconds(1));
  worker.sweep.async_wait([this, &worker](const boost::system::error_code& ec) {
    if (ec) return;
    const auto now = Clock::now();
    for (SessionHandle* handle : worker.sessions) {
      if (handle->deadline <= now) Close(*handle);
    }
    Sweep(worker);
  });
}

void Server::Stop() {
  Impl& s = *impl_;
  if (s.stopping.exchange(true)) return;
  asio::post(s.workers[0]->ioc, [&s] {
    boost::system::error_code ec;
    if (s.acceptor) s.acceptor->close(ec);
  });
  for (auto& worker : s.workers) {
    asio::post(worker->ioc, [&s, w = worker.get()] { s.CloseIdle(*w); });
  }
}

void Server::Run() {
  Impl& s = *impl_;
  Worker& main = *s.workers[0];
  asio::co_spawn(main.ioc, s.Accept(), asio::detached);
  for (auto& worker : s.workers) s.Sweep(*worker);

  std::optional<asio::signal_set> signals;
  if (s.options.handle_signals) {
    signals.emplace(main.ioc, SIGINT, SIGTERM);
    signals->async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      spdlog::info("received signal {}, draining connections", signal);
      Stop();
    });
  }
  // Watches the drain once stopping: all sessions gone, or the deadline passed.
  asio::steady_timer drain(main.ioc);
  std::function<void()> watch;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  watch = [&] {
    drain.expires_after(std::chrono::milliseconds(20));
    drain.async_wait([&](const boost::system::error_code&) {
      if (s.stopping) {
        if (!deadline) deadline = std::chrono::steady_clock::now() + s.options.drain_timeout;
        const int open = s.open_sessions.load();
        if (open == 0 || std::chrono::steady_clock::now() >= *deadline) {
          if (open) spdlog::warn("drain timeout: closing {} connection(s) still open", open);
          if (signals) signals->cancel();
          for (auto& w : s.workers) w->ioc.stop();
          return;
        }
      }
      watch();
    });
  };
  watch();

  std::vector<std::thread> threads;
  for (size_t i = 1; i < s.workers.size(); ++i) {
    threads.emplace_back([w = s.workers[i].get()] {
      auto guard = asio::make_work_guard(w->ioc);
      w->ioc.run();
    });
  }
  main.ioc.run();
  for (auto& t : threads) t.join();
  s.blocking->join();
}

}  // namespace phare::http
