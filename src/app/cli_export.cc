// phare export-static: the public page as files, for any web server or CDN, so that the
// page survives even when phare itself is down.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "app/cli.h"
#include "app/publisher.h"
#include "web/pages.h"

namespace phare::app {
namespace {

namespace fs = std::filesystem;

// Where the resource at `key` goes under the export root; empty to skip it (readings
// other than the page's own are negotiated per request and cannot be static files).
std::string FileFor(const std::string& key) {
  if (key.find('\x1f') != std::string::npos || key.find("..") != std::string::npos) return {};
  if (key == "/") return "index.html";
  if (key.rfind("/api/", 0) == 0 || key == "/history.atom" || key == "/history.rss" ||
      key == "/badge.svg" || key == "/maintenance.ics" || key == "/widget.js") {
    return key.substr(1);
  }
  if (key == "/history" || key.rfind("/incidents/", 0) == 0) return key.substr(1) + "/index.html";
  return {};
}

base::Status WriteFile(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return base::IoError("cannot create " + path.parent_path().string() + ": " + ec.message());
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return base::IoError("cannot write " + tmp.string());
  }
  fs::rename(tmp, path, ec);  // readers of the folder never see half a file
  if (ec) return base::IoError("cannot rename " + tmp.string() + ": " + ec.message());
  return base::Status::Ok();
}

}  // namespace

void AddExportCommands(CLI::App& app, Action& action) {
  struct Flags {
    CommonOptions common;
    std::string out;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = app.add_subcommand(
      "export-static",
      "Write the public page, its JSON and feeds as files (with .gz twins) for any web server or "
      "CDN");
  AddCommonOptions(cmd, flags->common);
  cmd->add_option("--out", flags->out, "folder to write into (created if missing)")->required();
  cmd->footer(
      "Serve the folder with index files enabled (index.html) and gzip_static (or the "
      "equivalent); pages are exported in the page's own language and zone.");
  cmd->callback([flags, &action] {
    action = [f = flags] {
      auto rt = OpenRuntime(f->common);
      if (!rt.ok()) return Fail(rt.status());
      http::ResourceCache cache;
      http::HttpMetrics metrics;
      PublisherOptions options;
      options.default_language = (*rt)->ctx().policies.default_language;
      Publisher publisher((*rt)->store(), base::SystemClock::Instance(), cache, metrics, options);
      if (auto s = publisher.RebuildNow(); !s.ok()) return Fail(s);
      base::Status status;
      size_t files = 0, bytes = 0;
      std::set<std::string> written;
      cache.Current()->ForEach([&](const std::string& key, const http::Resource& r) {
        const std::string name = FileFor(key);
        if (name.empty() || !status.ok()) return;
        written.insert(key);
        const fs::path path = fs::path(f->out) / name;
        status = WriteFile(path, r.body);
        if (status.ok() && !r.body_gzip.empty())
          status = WriteFile(path.string() + ".gz", r.body_gzip);
        ++files;
        bytes += r.body.size();
      });
      // Every incident's page, not only the recent ones the server keeps ready.
      const auto state = publisher.state();
      const web::SiteOptions site{options.default_language};
      for (size_t k = 0; status.ok() && k < state->incidents.size(); ++k) {
        const std::string key = "/incidents/" + state->incidents[k].id;
        if (written.count(key)) continue;
        auto page = web::RenderPage(*state, site, key);
        if (!page) continue;
        http::ResourceSpec spec;
        spec.content_type = page->content_type;
        spec.body = std::move(page->body);
        const http::Resource r = http::MakeResource(std::move(spec));
        const fs::path path = fs::path(f->out) / FileFor(key);
        status = WriteFile(path, r.body);
        if (status.ok() && !r.body_gzip.empty())
          status = WriteFile(path.string() + ".gz", r.body_gzip);
        ++files;
        bytes += r.body.size();
      }
      if (!status.ok()) return Fail(status);
      std::cerr << "Exported " << files << " documents (" << bytes / 1024 << " KiB) to " << f->out
                << "\n";
      return 0;
    };
  });
}

}  // namespace phare::app
