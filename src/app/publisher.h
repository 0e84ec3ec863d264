// Keeps the public snapshot current: on every change (or when another process or node
// committed, noticed by polling the store's change counter) it loads the public state,
// renders every public representation once (v2 JSON, HTML pages), and swaps the new
// ResourceSet into the cache. Rebuilds run on the publisher's own thread and coalesce:
// any number of changes during a rebuild cause one more rebuild. Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/clock.h"
#include "base/metrics.h"
#include "http/http_metrics.h"
#include "http/resource.h"
#include "service/public_state.h"
#include "store/store.h"

namespace phare::app {

struct PublisherOptions {
  int cache_max_age_seconds = 10;
  std::chrono::milliseconds poll_interval{500};
  std::string default_language = "en";     // of Statuspage's `body` and the default pages
  std::string frame_ancestors = "'none'";  // CSP of the pages (http/security_headers.h)
  std::string feedback_key;                // signs the pages' "Was this clear?" forms
};

// How many lazily rendered pages (incident pages in other readings, old history pages)
// one snapshot keeps; further ones are rendered for each request.
inline constexpr size_t kMaxLazyPages = 4096;

class Publisher {
 public:
  // Registers its metric routes with `http_metrics` (call before the server starts).
  Publisher(store::Store& store, const base::Clock& clock, http::ResourceCache& cache,
            http::HttpMetrics& http_metrics, PublisherOptions options);
  ~Publisher();

  // Builds the first snapshot synchronously (so the server never starts empty), then
  // starts the background thread. Returns the first build's error, if any.
  base::Status Start();
  void Stop();
  // Asks for a rebuild soon; cheap, callable from any thread. Returns a ticket for
  // WaitPublished.
  uint64_t Changed();
  // Blocks until a snapshot built after the Changed() call that returned `ticket` is
  // published, or `timeout` passes (false). Writers use it so that a client that
  // posted an update sees it on the page at once (read-your-writes).
  bool WaitPublished(uint64_t ticket, std::chrono::milliseconds timeout);
  // Rebuilds now on the calling thread (tests, CLI export).
  base::Status RebuildNow();

  const PublisherOptions& options() const { return options_; }
  // The state behind the current snapshot (null before Start).
  std::shared_ptr<const service::PublicState> state() const;
  bool healthy() const { return healthy_.load(); }
  std::string last_error() const;
  void Export(base::Registry& registry) const;

 private:
  void Loop();
  base::Status Build();

  store::Store& store_;
  const base::Clock& clock_;
  http::ResourceCache& cache_;
  PublisherOptions options_;
  int route_index_, route_history_, route_incident_;
  std::vector<std::pair<std::string, int>> v2_routes_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  uint64_t requested_ = 0;  // GUARDED_BY(mu_): Changed() calls so far
  uint64_t published_ = 0;  // GUARDED_BY(mu_): requests covered by the current snapshot
  std::condition_variable published_cv_;
  bool stopping_ = false;                              // GUARDED_BY(mu_)
  std::string last_error_;                             // GUARDED_BY(mu_)
  std::shared_ptr<const service::PublicState> state_;  // GUARDED_BY(mu_)
  std::thread thread_;
  std::atomic<uint64_t> version_{0};
  std::atomic<bool> healthy_{false};
  base::Histogram build_latency_;
  std::mutex build_mu_;  // serializes Build() between the loop and RebuildNow()
};

}  // namespace phare::app
