#include "app/publisher.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "api/public_v2.h"
#include "http/security_headers.h"
#include "web/pages.h"

namespace phare::app {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kHtml = "text/html; charset=utf-8";

std::vector<std::pair<std::string, std::string>> HtmlHeaders(const std::string& frame_ancestors) {
  return {{"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "same-origin"},
          {"Content-Security-Policy",
           http::WithFrameAncestors(http::kDefaultHtmlPolicy, frame_ancestors)}};
}

}  // namespace

Publisher::Publisher(store::Store& store, const base::Clock& clock, http::ResourceCache& cache,
                     http::HttpMetrics& http_metrics, PublisherOptions options)
    : store_(store), clock_(clock), cache_(cache), options_(std::move(options)) {
  route_index_ = http_metrics.RegisterRoute("/");
  route_history_ = http_metrics.RegisterRoute("/history");
  route_incident_ = http_metrics.RegisterRoute("/incidents/{id}");
  for (const char* path :
       {"/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json",
        "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
        "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
        "/api/v2/scheduled-maintenances/active.json"}) {
    v2_routes_.emplace_back(path, http_metrics.RegisterRoute(path));
  }
}

Publisher::~Publisher() { Stop(); }

base::Status Publisher::Start() {
  PHARE_RETURN_IF_ERROR(RebuildNow());
  thread_ = std::thread([this] { Loop(); });
  return base::Status::Ok();
}

void Publisher::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  published_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

uint64_t Publisher::Changed() {
  uint64_t ticket;
  {
    std::lock_guard lock(mu_);
    ticket = ++requested_;
  }
  cv_.notify_all();
  return ticket;
}

bool Publisher::WaitPublished(uint64_t ticket, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return published_cv_.wait_for(lock, timeout, [&] { return published_ >= ticket || stopping_; });
}

std::shared_ptr<const service::PublicState> Publisher::state() const {
  std::lock_guard lock(mu_);
  return state_;
}

std::string Publisher::last_error() const {
  std::lock_guard lock(mu_);
  return last_error_;
}

base::Status Publisher::RebuildNow() {
  std::lock_guard build_lock(build_mu_);
  const auto start = std::chrono::steady_clock::now();
  base::Status status = Build();
  build_latency_.Observe(std::chrono::steady_clock::now() - start);
  healthy_ = status.ok();
  std::lock_guard lock(mu_);
  last_error_ = status.ok() ? "" : status.ToString();
  return status;
}

void Publisher::Loop() {
  int64_t seen = store_.ChangeCounter().ok() ? *store_.ChangeCounter() : 0;
  std::unique_lock lock(mu_);
  while (!stopping_) {
    cv_.wait_for(lock, options_.poll_interval,
                 [this] { return requested_ != published_ || stopping_; });
    if (stopping_) break;
    const uint64_t target = requested_;
    bool rebuild = target != published_;
    lock.unlock();
    // Writes by other processes (the CLI) or other nodes show up in the counter.
    if (auto counter = store_.ChangeCounter(); counter.ok() && *counter != seen) {
      seen = *counter;
      rebuild = true;
    }
    if (rebuild) {
      if (auto status = RebuildNow(); !status.ok()) {
        spdlog::error("snapshot rebuild failed (the page keeps serving the previous one): {}",
                      status.ToString());
      }
    }
    lock.lock();
    // Even a failed rebuild releases waiters: they must not hang on a broken store.
    published_ = std::max(published_, target);
    published_cv_.notify_all();
  }
}

base::Status Publisher::Build() {
  const uint64_t version = version_.load() + 1;
  PHARE_ASSIGN_OR_RETURN(auto state, service::LoadPublicState(store_, clock_.Now(), version));
  auto set = std::make_shared<http::ResourceSet>(version);
  const std::string cache_control =
      fmt::format("public, max-age={}", options_.cache_max_age_seconds);
  const auto docs = api::RenderV2(*state, options_.default_language);
  for (size_t i = 0; i < docs.size(); ++i) {
    http::ResourceSpec spec;
    spec.content_type = kJson;
    spec.body = docs[i].second;
    spec.cache_control = cache_control;
    spec.headers = {{"Access-Control-Allow-Origin", "*"}};
    spec.metric_route = i < v2_routes_.size() ? v2_routes_[i].second : 0;
    set->Add(docs[i].first, http::MakeResource(std::move(spec)));
  }
  const web::SiteOptions site{options_.default_language, options_.feedback_key};
  auto page_resource = [this, cache_control](const web::RenderedPage& page) {
    http::ResourceSpec spec;
    spec.content_type = page.content_type;
    spec.body = page.body;
    spec.cache_control = cache_control;
    const bool html = page.content_type.rfind("text/html", 0) == 0;
    if (html) {
      spec.headers = HtmlHeaders(options_.frame_ancestors);
      spec.vary = "Accept-Language, Cookie";  // the reader's language and zone
    } else if (page.content_type.rfind("image/svg", 0) == 0) {
      // A badge opened on its own is a document: it may run nothing, load nothing.
      spec.headers = {{"X-Content-Type-Options", "nosniff"},
                      {"Content-Security-Policy", "default-src 'none'"}};
    }
    const std::string_view key = page.key;
    spec.metric_route = key == "/" || key.rfind("/\x1f", 0) == 0 ? route_index_
                        : key.rfind("/history", 0) == 0          ? route_history_
                                                                 : route_incident_;
    return http::MakeResource(std::move(spec));
  };
  for (const auto& page : web::RenderPages(*state, site)) {
    set->Add(page.key, page_resource(page));
  }
  set->SetLazy(
      [state, site, page_resource](std::string_view key) -> std::optional<http::Resource> {
        auto page = web::RenderPage(*state, site, key);
        if (!page) return std::nullopt;
        return page_resource(*page);
      },
      kMaxLazyPages);
  cache_.Publish(std::move(set));
  version_ = version;
  std::lock_guard lock(mu_);
  state_ = std::move(state);
  return base::Status::Ok();
}

void Publisher::Export(base::Registry& registry) const {
  registry.Add("phare_snapshot_version", "Version of the public snapshot being served.", "gauge",
               [this](std::string& out) {
                 out += fmt::format("phare_snapshot_version {}\n", version_.load());
               });
  registry.Add("phare_snapshot_build_duration_seconds",
               "Time to load the public state and render every representation.", "histogram",
               [this](std::string& out) {
                 build_latency_.Render("phare_snapshot_build_duration_seconds", "", out);
               });
}

}  // namespace phare::app
