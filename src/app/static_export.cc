#include "app/static_export.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "base/crypto.h"
#include "comms/catalog.h"
#include "web/embeds.h"
#include "web/variant.h"

namespace phare::app {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kLanguagePrefix = "_lang/";
constexpr size_t kVersionsKept = 2;  // the new one and the one being replaced

// Where the page at `path` (no reading) goes; empty for what is not a static file.
std::string PageFile(const std::string& path) {
  if (path.find("..") != std::string::npos) return {};
  if (path == "/") return "index.html";
  constexpr std::string_view kHistoryPage = "/history?page=";
  if (path.rfind(kHistoryPage, 0) == 0) {
    return "history/page/" + path.substr(kHistoryPage.size()) + "/index.html";
  }
  if (path == "/history" || path.rfind("/incidents/", 0) == 0)
    return path.substr(1) + "/index.html";
  return {};
}

// The file of a snapshot resource in the default reading; empty to skip it.
std::string ResourceFile(const std::string& key) {
  if (key.find('\x1f') != std::string::npos || key.find("..") != std::string::npos) return {};
  if (key.rfind("/api/", 0) == 0 || key == "/history.atom" || key == "/history.rss" ||
      key == "/badge.svg" || key == "/maintenance.ics" || key == "/widget.js") {
    return key.substr(1);
  }
  return PageFile(key);
}

// The Content-Type of a rendered resource, read back from its head (which MakeResource
// wrote, one "Name: value\r\n" line per header).
std::string ContentTypeOf(const http::Resource& r) {
  constexpr std::string_view kName = "\r\nContent-Type: ";
  const size_t at = r.head.find(kName);
  if (at == std::string::npos) return "application/octet-stream";
  const size_t start = at + kName.size();
  return r.head.substr(start, r.head.find("\r\n", start) - start);
}

// Writes files under one version directory and remembers them for the manifest.
class VersionWriter {
 public:
  explicit VersionWriter(fs::path root) : root_(std::move(root)) {}

  base::Status Write(const std::string& name, const std::string& content_type, std::string body) {
    if (!written_.insert(name).second) return base::Status::Ok();
    http::ResourceSpec spec;
    spec.content_type = content_type;
    spec.body = std::move(body);
    const http::Resource r = http::MakeResource(std::move(spec));
    PHARE_RETURN_IF_ERROR(WriteFile(root_ / name, r.body));
    if (!r.body_gzip.empty()) PHARE_RETURN_IF_ERROR(WriteFile(root_ / (name + ".gz"), r.body_gzip));
    files_.push_back(boost::json::object{{"path", name},
                                         {"bytes", r.body.size()},
                                         {"content_type", content_type},
                                         {"blake2b256", base::HexEncode(base::Blake2b256(r.body))},
                                         {"gzip", !r.body_gzip.empty()}});
    stats_.files++;
    stats_.bytes += r.body.size();
    return base::Status::Ok();
  }

  base::Status WriteRaw(const std::string& name, const std::string& bytes) {
    return WriteFile(root_ / name, bytes);
  }

  const ExportStats& stats() const { return stats_; }
  boost::json::array TakeFiles() { return std::move(files_); }

 private:
  static base::Status WriteFile(const fs::path& path, const std::string& bytes) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      return base::IoError("cannot create " + path.parent_path().string() + ": " + ec.message());
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return base::IoError("cannot write " + path.string());
    return base::Status::Ok();
  }

  fs::path root_;
  std::set<std::string> written_;
  boost::json::array files_;
  ExportStats stats_;
};

// Every page path: the status page, each history page, each incident's page.
std::vector<std::string> PagePaths(const service::PublicState& state) {
  std::vector<std::string> paths = {"/", "/history"};
  const size_t pages = (state.incidents.size() + web::kHistoryPageSize - 1) / web::kHistoryPageSize;
  for (size_t n = 2; n <= pages; ++n) paths.push_back("/history?page=" + std::to_string(n));
  for (const auto& i : state.incidents) paths.push_back("/incidents/" + i.id);
  return paths;
}

base::Status WritePages(const service::PublicState& state, const web::SiteOptions& options,
                        VersionWriter& writer) {
  const web::Reading defaults = web::Defaults(state, options);
  const auto paths = PagePaths(state);
  for (const auto& language : comms::Catalogs::Builtin().Languages()) {
    const web::Reading reading{language, defaults.zone};
    for (const auto& path : paths) {
      auto page = web::RenderPage(state, options, web::VariantKey(path, reading, defaults));
      if (!page) continue;
      const std::string file = PageFile(path);
      const std::string prefix = std::string(kLanguagePrefix) + language + "/";
      PHARE_RETURN_IF_ERROR(writer.Write(prefix + file, page->content_type, page->body));
      if (reading == defaults) {
        PHARE_RETURN_IF_ERROR(writer.Write(file, page->content_type, std::move(page->body)));
      }
    }
  }
  return base::Status::Ok();
}

// Each component's badge and calendar (the server renders them on demand).
base::Status WriteComponentEmbeds(const service::PublicState& state,
                                  const web::SiteOptions& options, VersionWriter& writer) {
  for (const auto& c : state.components) {
    for (const char* file : {"badge.svg", "maintenance.ics"}) {
      const std::string path = "/components/" + c.id + "/" + file;
      if (path.find("..") != std::string::npos) continue;
      auto embed = web::RenderComponentEmbed(state, options, path);
      if (!embed) continue;
      PHARE_RETURN_IF_ERROR(
          writer.Write(path.substr(1), embed->content_type, std::move(embed->body)));
    }
  }
  return base::Status::Ok();
}

// Server-context nginx directives serving the export as phare serves the page.
std::string NginxSnippet(const std::string& default_language) {
  std::string languages;
  for (const auto& l : comms::Catalogs::Builtin().Languages()) {
    languages += (languages.empty() ? "" : "|") + l;
  }
  return fmt::format(
      R"(# phare static mirror: include inside a server {{}} whose root is the export folder.
# The reader's language: ?lang=, then the phare_lang cookie, then the first language of
# Accept-Language, else the page's ({0}).
set $phare_lang {0};
if ($http_accept_language ~* "^\s*({1})\b") {{ set $phare_lang $1; }}
if ($cookie_phare_lang ~ "^({1})$") {{ set $phare_lang $1; }}
if ($arg_lang ~ "^({1})$") {{ set $phare_lang $1; }}
gzip_static on;
index index.html;
location = /history {{
    if ($arg_page ~ "^[0-9]+$") {{ rewrite ^ /_phare_history/$arg_page last; }}
    try_files /_lang/$phare_lang/history/index.html =404;
}}
location ~ ^/_phare_history/([0-9]+)$ {{
    internal;
    try_files /_lang/$phare_lang/history/page/$1/index.html =404;
}}
location ~ \.ics$ {{ default_type "text/calendar; charset=utf-8"; }}
location /api/ {{ add_header Access-Control-Allow-Origin "*"; }}
location / {{
    try_files /_lang/$phare_lang$uri/index.html /_lang/$phare_lang$uri $uri $uri/index.html =404;
}}
)",
      default_language, languages);
}

base::Status WriteManifest(const service::PublicState& state, const web::SiteOptions& options,
                           VersionWriter& writer) {
  boost::json::array languages;
  for (const auto& l : comms::Catalogs::Builtin().Languages()) languages.emplace_back(l);
  PHARE_RETURN_IF_ERROR(
      writer.WriteRaw("_phare/nginx.conf", NginxSnippet(options.default_language)));
  const ExportStats stats = writer.stats();
  boost::json::object manifest{
      {"page_id", state.page.id},          {"generated_at", base::FormatUtc(state.now)},
      {"snapshot_version", state.version}, {"default_language", options.default_language},
      {"time_zone", state.page.time_zone}, {"languages", std::move(languages)},
      {"documents", stats.files},          {"bytes", stats.bytes},
      {"files", writer.TakeFiles()}};
  return writer.WriteRaw("manifest.json", boost::json::serialize(manifest) + "\n");
}

// The version folders beside `out`, oldest first.
std::vector<fs::path> Versions(const fs::path& versions) {
  std::vector<std::pair<unsigned long long, fs::path>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(versions, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.size() > 18 ||
        name.find_first_not_of("0123456789") != std::string::npos) {
      continue;  // not a version folder (and never too long for stoull)
    }
    found.emplace_back(std::stoull(name), entry.path());
  }
  std::sort(found.begin(), found.end());
  std::vector<fs::path> out;
  out.reserve(found.size());
  for (auto& [n, p] : found) out.push_back(std::move(p));
  return out;
}

// Makes sure `out` may become (or already is) the link to a version.
base::Status CheckTarget(const fs::path& out) {
  std::error_code ec;
  const auto status = fs::symlink_status(out, ec);
  if (!fs::exists(status) || fs::is_symlink(status)) return base::Status::Ok();
  if (fs::is_directory(status) && fs::is_empty(out, ec)) {
    fs::remove(out, ec);
    if (!ec) return base::Status::Ok();
  }
  return base::InvalidArgument(
      out.string() +
      " exists and is not a link made by phare export-static; remove it or choose another --out");
}

base::Status SwapLink(const fs::path& out, const fs::path& version) {
  const fs::path link = out.string() + ".link-tmp";
  std::error_code ec;
  fs::remove(link, ec);
  fs::create_directory_symlink(fs::relative(version, out.parent_path()), link, ec);
  if (ec) return base::IoError("cannot create link " + link.string() + ": " + ec.message());
  fs::rename(link, out, ec);  // rename(2) replaces the old link atomically
  if (ec) return base::IoError("cannot replace " + out.string() + ": " + ec.message());
  return base::Status::Ok();
}

}  // namespace

base::Result<ExportStats> ExportSite(const service::PublicState& state,
                                     const http::ResourceSet& snapshot,
                                     const web::SiteOptions& options, const std::string& out_dir) {
  const fs::path out = fs::absolute(fs::path(out_dir).lexically_normal()).lexically_normal();
  if (out.filename().empty()) return base::InvalidArgument("--out names no folder: " + out_dir);
  PHARE_RETURN_IF_ERROR(CheckTarget(out));
  const fs::path versions = out.string() + ".versions";
  std::error_code ec;
  fs::create_directories(versions, ec);
  if (ec) return base::IoError("cannot create " + versions.string() + ": " + ec.message());
  const auto existing = Versions(versions);
  const unsigned long long next =
      existing.empty() ? 1 : std::stoull(existing.back().filename().string()) + 1;
  const fs::path version = versions / std::to_string(next);
  VersionWriter writer(version);
  base::Status status;
  snapshot.ForEach([&](const std::string& key, const http::Resource& r) {
    const std::string file = ResourceFile(key);
    if (!status.ok() || file.empty() || web::IsPagePath(key)) return;
    status = writer.Write(file, ContentTypeOf(r), r.body);
  });
  if (status.ok()) status = WritePages(state, options, writer);
  if (status.ok()) status = WriteComponentEmbeds(state, options, writer);
  if (status.ok()) status = WriteManifest(state, options, writer);
  if (status.ok()) status = SwapLink(out, version);
  if (!status.ok()) {
    fs::remove_all(version, ec);
    return status;
  }
  auto all = Versions(versions);
  for (size_t k = 0; k + kVersionsKept < all.size(); ++k) fs::remove_all(all[k], ec);
  return writer.stats();
}

}  // namespace phare::app
