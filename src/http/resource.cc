#include "http/resource.h"

#include <fmt/format.h>
#include <zlib.h>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/write.hpp>

#include <charconv>

#include <sstream>

#include "base/crypto.h"

namespace phare::http {
namespace {

namespace bhttp = boost::beast::http;

std::string Gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

// The serialized header of `h` without its final blank line (Date is added per request).
std::string Head(const bhttp::response_header<>& h) {
  std::ostringstream os;
  os << h;
  std::string s = os.str();
  if (s.size() >= 2 && s.compare(s.size() - 2, 2, "\r\n") == 0) s.resize(s.size() - 2);
  return s;
}

}  // namespace

Resource MakeResource(ResourceSpec spec) {
  Resource r;
  r.metric_route = spec.metric_route;
  r.etag = fmt::format("\"{:016x}\"", base::Fingerprint64(spec.body));
  if (spec.body.size() > 256) {
    std::string gz = Gzip(spec.body);
    if (!gz.empty() && gz.size() < spec.body.size()) r.body_gzip = std::move(gz);
  }
  bhttp::response_header<> h;
  h.version(11);
  h.result(static_cast<unsigned>(spec.status));
  h.set(bhttp::field::server, "phare");
  h.set(bhttp::field::content_type, spec.content_type);
  h.set(bhttp::field::etag, r.etag);
  h.set(bhttp::field::cache_control, spec.cache_control);
  std::string vary = r.body_gzip.empty() ? "" : "Accept-Encoding";
  if (!spec.vary.empty()) vary += (vary.empty() ? "" : ", ") + spec.vary;
  if (!vary.empty()) h.set(bhttp::field::vary, vary);
  for (const auto& [name, value] : spec.headers) h.insert(name, value);
  if (h.find("X-Content-Type-Options") == h.end()) h.set("X-Content-Type-Options", "nosniff");

  bhttp::response_header<> not_modified = h;
  not_modified.result(bhttp::status::not_modified);
  not_modified.erase(bhttp::field::content_type);
  r.head_not_modified = Head(not_modified);

  bhttp::response_header<> identity = h;
  identity.set(bhttp::field::content_length, std::to_string(spec.body.size()));
  r.head = Head(identity);
  if (!r.body_gzip.empty()) {
    bhttp::response_header<> gz = h;
    gz.set(bhttp::field::content_encoding, "gzip");
    gz.set(bhttp::field::content_length, std::to_string(r.body_gzip.size()));
    r.head_gzip = Head(gz);
  }
  r.body = std::move(spec.body);
  return r;
}

bool EtagMatches(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item == "*") return true;
    if (item.rfind("W/", 0) == 0) item.remove_prefix(2);  // weak comparison (RFC 9110 13.1.2)
    if (item == etag) return true;
  }
  return false;
}

bool AcceptsGzip(std::string_view header) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    const auto semi = item.find(';');
    std::string_view coding = item.substr(0, semi);
    while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
    if (coding != "gzip" && coding != "*") continue;
    if (semi == std::string_view::npos) return true;
    std::string_view params = item.substr(semi + 1);
    const auto q = params.find("q=");
    if (q == std::string_view::npos) return true;
    const std::string_view value = params.substr(q + 2);
    double weight = 1;
    std::from_chars(value.data(), value.data() + value.size(), weight);
    return weight > 0;  // q=0 means "not acceptable"
  }
  return false;
}

void ResourceSet::Add(std::string key, Resource resource) {
  eager_[std::move(key)] = std::make_unique<Resource>(std::move(resource));
}

const Resource* ResourceSet::Find(std::string_view key) const {
  if (auto it = eager_.find(key); it != eager_.end()) return it->second.get();
  if (!lazy_) return nullptr;
  {
    std::lock_guard lock(mu_);
    if (auto it = lazy_cache_.find(key); it != lazy_cache_.end()) return it->second.get();
    if (lazy_cache_.size() >= max_lazy_) return nullptr;  // bounded memory per snapshot
  }
  // Render outside the lock; two threads may render the same page once each.
  std::optional<Resource> rendered = lazy_(key);
  if (!rendered) return nullptr;
  std::lock_guard lock(mu_);
  auto [it, inserted] =
      lazy_cache_.try_emplace(std::string(key), std::make_unique<Resource>(std::move(*rendered)));
  return it->second.get();
}

void ResourceCache::Publish(std::shared_ptr<const ResourceSet> set) {
  const uint64_t version = set->version();
  {
    std::lock_guard lock(mu_);
    current_ = std::move(set);
  }
  version_.store(version, std::memory_order_release);
}

std::shared_ptr<const ResourceSet> ResourceCache::Current() const {
  struct Local {
    const ResourceCache* owner = nullptr;
    uint64_t version = 0;
    std::shared_ptr<const ResourceSet> set;
  };
  thread_local Local local;
  const uint64_t version = version_.load(std::memory_order_acquire);
  if (local.owner != this || local.version != version || !local.set) {
    std::lock_guard lock(mu_);
    local.owner = this;
    local.set = current_;
    local.version = current_ ? current_->version() : 0;
  }
  return local.set;
}

}  // namespace phare::http
