// Ready bytes: a public representation rendered once per snapshot, with its response
// heads precomputed, so that serving it is a lookup and a write. A ResourceSet holds
// every representation of one snapshot; it is immutable once published, except for
// lazily rendered entries (old incident pages), which are rendered on first use and
// cached under a mutex. ResourceCache swaps sets atomically.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace phare::http {

struct Resource {
  std::string etag;               // strong: "\"3f2a...\""
  std::string head;               // status line and headers, without Date and the blank line
  std::string head_gzip;          // same for the gzip variant; empty when there is none
  std::string head_not_modified;  // a 304's head
  std::string body;
  std::string body_gzip;
  int metric_route = 0;
};

struct ResourceSpec {
  std::string content_type;
  std::string body;
  std::string cache_control = "public, max-age=10";
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. CORS
  std::string vary;  // request headers the body depends on, besides Accept-Encoding
  int metric_route = 0;
  int status = 200;
};

// Renders heads, the ETag (a fingerprint of the body) and, for bodies over 256 bytes, a
// gzip variant kept only when it is smaller.
Resource MakeResource(ResourceSpec spec);

// True when an If-None-Match header value matches `etag` (lists, W/ and * included).
bool EtagMatches(std::string_view if_none_match, std::string_view etag);
// True when an Accept-Encoding header value accepts gzip (q=0 refuses it).
bool AcceptsGzip(std::string_view accept_encoding);

class ResourceSet {
 public:
  using Lazy = std::function<std::optional<Resource>(std::string_view key)>;

  explicit ResourceSet(uint64_t version) : version_(version) {}

  // Before publication only.
  void Add(std::string key, Resource resource);
  // Renders keys not added up front on first use and keeps at most `max_cached` of
  // them; past that, Find returns null for new keys (the caller renders them itself).
  void SetLazy(Lazy lazy, size_t max_cached) {
    lazy_ = std::move(lazy);
    max_lazy_ = max_cached;
  }

  // The resource for `key` (a path), or null. Thread-safe; the pointer lives as long
  // as the set.
  const Resource* Find(std::string_view key) const;
  uint64_t version() const { return version_; }
  size_t size() const { return eager_.size(); }
  // Calls `fn(key, resource)` for every resource added up front (not the lazy ones).
  template <class Fn>
  void ForEach(Fn&& fn) const {
    for (const auto& [key, resource] : eager_) fn(key, *resource);
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Map = std::unordered_map<std::string, std::unique_ptr<Resource>, Hash, std::equal_to<>>;

  uint64_t version_;
  Map eager_;
  Lazy lazy_;
  size_t max_lazy_ = 0;
  mutable std::mutex mu_;
  mutable Map lazy_cache_;  // GUARDED_BY(mu_)
};

class ResourceCache {
 public:
  void Publish(std::shared_ptr<const ResourceSet> set);
  // The current set (null before the first Publish). Thread-safe and cheap: threads
  // keep their own reference and refresh it only when the version changed.
  std::shared_ptr<const ResourceSet> Current() const;
  uint64_t version() const { return version_.load(std::memory_order_acquire); }

 private:
  std::atomic<uint64_t> version_{0};
  mutable std::mutex mu_;
  std::shared_ptr<const ResourceSet> current_;  // GUARDED_BY(mu_)
};

}  // namespace phare::http
