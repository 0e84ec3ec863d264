// phare import statuspage: leaving Statuspage in one command. Reads a page's export (the
// v2 JSON documents saved in a directory, one such file, or the page's public URL) and
// its subscriber CSV, checks everything, then writes it into an empty database in one
// transaction (api/statuspage_import.h, service/page_import.h say what is read and kept).
#include <curl/curl.h>

#include <boost/json/value.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/statuspage_import.h"
#include "app/cli.h"
#include "app/notifications.h"
#include "base/json.h"
#include "service/subscribers.h"

namespace phare::app {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxDocumentBytes = 256 * 1024 * 1024;
constexpr size_t kMaxDocumentDepth = 64;
// What a Statuspage page serves publicly; incidents.json holds its 50 latest incidents.
constexpr const char* kV2Documents[] = {"summary.json", "components.json", "incidents.json",
                                        "scheduled-maintenances.json"};

struct ImportFlags {
  CommonOptions common;
  std::string from;
  std::string subscribers;
  bool dry_run = false;
  bool allow_private = false;
};

base::Result<std::string> ReadFile(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return base::IoError("cannot read '" + path.string() + "': " + ec.message());
  if (size > kMaxDocumentBytes) {
    return base::InvalidArgument("'" + path.string() + "' is larger than 256 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return base::IoError("cannot read '" + path.string() + "'");
  return text.str();
}

size_t OnBody(char* data, size_t size, size_t count, void* out) {
  auto& body = *static_cast<std::string*>(out);
  if (body.size() + size * count > kMaxDocumentBytes) return 0;  // aborts the transfer
  body.append(data, size * count);
  return size * count;
}

base::Result<std::string> Fetch(const std::string& url) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> easy(curl_easy_init(), curl_easy_cleanup);
  if (!easy) return base::Internal("libcurl could not start");
  std::string body;
  curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy.get(), CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(easy.get(), CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy.get(), CURLOPT_USERAGENT, "phare-import");
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &body);
  const CURLcode code = curl_easy_perform(easy.get());
  if (code != CURLE_OK) {
    return base::Status(base::Code::kUnavailable,
                        "cannot fetch " + url + ": " + curl_easy_strerror(code));
  }
  long status = 0;
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) {
    return base::Status(base::Code::kUnavailable,
                        "cannot fetch " + url + ": HTTP " + std::to_string(status));
  }
  return body;
}

// (name, text) of each document --from names.
base::Result<std::vector<std::pair<std::string, std::string>>> Documents(const std::string& from) {
  std::vector<std::pair<std::string, std::string>> docs;
  if (from.starts_with("http://") || from.starts_with("https://")) {
    std::string base = from;
    while (base.ends_with('/')) base.pop_back();
    for (const char* name : kV2Documents) {
      std::cerr << "fetching " << base << "/api/v2/" << name << "\n";
      PHARE_ASSIGN_OR_RETURN(auto text, Fetch(base + "/api/v2/" + name));
      docs.emplace_back(name, std::move(text));
    }
    return docs;
  }
  std::error_code ec;
  if (!fs::is_directory(from, ec)) {
    PHARE_ASSIGN_OR_RETURN(auto text, ReadFile(from));
    docs.emplace_back(fs::path(from).filename().string(), std::move(text));
    return docs;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(from, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry);
  }
  if (ec) return base::IoError("cannot list '" + from + "': " + ec.message());
  if (files.empty()) return base::InvalidArgument("holds no .json file", "--from");
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    PHARE_ASSIGN_OR_RETURN(auto text, ReadFile(file));
    docs.emplace_back(file.filename().string(), std::move(text));
  }
  return docs;
}

base::Result<service::PageImport> ReadExport(const std::string& from) {
  PHARE_ASSIGN_OR_RETURN(auto docs, Documents(from));
  api::StatuspageReader reader(base::SystemClock::Instance().Now());
  for (const auto& [name, text] : docs) {
    auto value = base::ParseJson(text, kMaxDocumentDepth);
    if (!value.ok()) return base::InvalidArgument(name + ": " + value.status().message());
    PHARE_RETURN_IF_ERROR(reader.Add(*value, name));
  }
  return reader.Take();
}

boost::json::object Report(const service::PageImportCounts& c, int64_t subscribers, bool dry_run) {
  return {{"dry_run", dry_run},       {"components", c.components},
          {"incidents", c.incidents}, {"maintenance", c.maintenance},
          {"updates", c.updates},     {"subscribers", subscribers}};
}

struct Subscribers {
  std::vector<service::SubscribeInput> inputs;
  std::vector<size_t> lines;
};

base::Result<Subscribers> ReadSubscribers(const std::string& file) {
  Subscribers out;
  if (file.empty()) return out;
  PHARE_ASSIGN_OR_RETURN(auto csv, ReadFile(file));
  auto read = api::ReadStatuspageSubscribers(csv, &out.lines);
  if (!read.ok()) return base::InvalidArgument(file + ": " + read.status().message());
  out.inputs = std::move(read).value();
  return out;
}

// Each subscriber as the service would take it, against the imported components.
base::Status CheckSubscribers(const service::SubscriberService& service, const Subscribers& s,
                              const service::PageImport& in, const model::Page& page,
                              const std::string& file) {
  std::vector<std::string> components;
  for (const auto& c : in.components) components.push_back(c.id);
  const std::string zone = in.page ? in.page->time_zone : page.time_zone;
  for (size_t k = 0; k < s.inputs.size(); ++k) {
    auto valid = service.Validate(s.inputs[k], components, zone);
    if (valid.ok()) continue;
    const auto& field = valid.status().field();
    return base::InvalidArgument(file + ": line " + std::to_string(s.lines[k]) + ": " +
                                 (field.empty() ? "" : field + ": ") + valid.status().message());
  }
  return base::Status::Ok();
}

service::PageImportCounts Planned(const service::PageImport& in) {
  service::PageImportCounts counts;
  counts.components = static_cast<int64_t>(in.components.size());
  for (const auto& i : in.incidents) {
    ++(i.kind == model::IncidentKind::kMaintenance ? counts.maintenance : counts.incidents);
    counts.updates += static_cast<int64_t>(i.updates.size());
  }
  return counts;
}

base::Result<boost::json::object> Import(Runtime& rt, const ImportFlags& f) {
  PHARE_ASSIGN_OR_RETURN(auto in, ReadExport(f.from));
  PHARE_ASSIGN_OR_RETURN(auto subscribers, ReadSubscribers(f.subscribers));
  PHARE_RETURN_IF_ERROR(service::ValidatePageImport(in));
  auto policy = SubscriberPolicyFrom(rt.config());
  policy.allow_private_targets |= f.allow_private;
  service::SubscriberService service(rt.ctx(), policy);
  PHARE_RETURN_IF_ERROR(CheckSubscribers(service, subscribers, in, rt.page(), f.subscribers));
  if (f.dry_run) return Report(Planned(in), static_cast<int64_t>(subscribers.inputs.size()), true);
  PHARE_ASSIGN_OR_RETURN(auto counts, service::ImportPage(rt.ctx(), CliActor(), in));
  int64_t added = 0;
  if (!subscribers.inputs.empty()) {
    PHARE_ASSIGN_OR_RETURN(added,
                           service.Import(CliActor(), subscribers.inputs, subscribers.lines));
  }
  if (in.page) {
    std::cerr << "Imported page '" << in.page->name << "' (" << in.page->id
              << "). Serve it with its name, URL and time zone in the configuration's [page] "
                 "table, or the configured ones replace them.\n";
  }
  return Report(counts, added, false);
}

}  // namespace

void AddImportCommands(CLI::App& app, Action& action) {
  auto* import = app.add_subcommand("import", "Bring a page over from another status product");
  import->require_subcommand(1);
  auto flags = std::make_shared<ImportFlags>();
  auto* cmd = import->add_subcommand(
      "statuspage", "Import a Statuspage page: components, incidents, maintenance, subscribers");
  AddCommonOptions(cmd, flags->common);
  cmd->add_option("--from", flags->from,
                  "a directory of the page's v2 JSON documents (summary.json, incidents.json, "
                  "scheduled-maintenances.json...; v1 incident lists too), one such file, or "
                  "the page's URL (its /api/v2 documents are fetched)")
      ->required();
  cmd->add_option("--subscribers", flags->subscribers,
                  "the subscriber CSV (Statuspage's template columns, or a header row)");
  cmd->add_flag("--dry-run", flags->dry_run, "read and check everything, write nothing");
  cmd->add_flag("--allow-private-targets", flags->allow_private,
                "accept webhook subscribers on private addresses");
  cmd->footer(
      "Imports only into a page without components or incidents (a new --db), all or nothing. "
      "Ids and times are kept; subscribers become active without being asked to confirm "
      "again. A page's public incidents.json lists only its 50 latest incidents: for the "
      "whole history, add the manage API's incident list (GET /v1/pages/{id}/incidents, "
      "every page of it) as .json files in the directory.");
  cmd->callback([flags, &action] {
    action = [f = flags] {
      auto rt = OpenRuntime(f->common);
      if (!rt.ok()) return Fail(rt.status());
      auto report = Import(**rt, *f);
      return report.ok() ? PrintJson(*report) : Fail(report.status());
    };
  });
}

}  // namespace phare::app
