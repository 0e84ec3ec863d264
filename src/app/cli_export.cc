// phare export-static: the public site as files (see static_export.h), once or, with
// --watch, again after each change to the database.
#include <signal.h>

#include <spdlog/spdlog.h>

#include <iostream>

#include "app/cli.h"
#include "app/publisher.h"
#include "app/static_export.h"
#include "service/feedback.h"

namespace phare::app {
namespace {

struct ExportFlags {
  CommonOptions common;
  std::string out;
  bool watch = false;
  double interval_seconds = 1;
};

base::Status ExportOnce(Publisher& publisher, http::ResourceCache& cache,
                        const ExportFlags& flags) {
  PHARE_RETURN_IF_ERROR(publisher.RebuildNow());
  const auto state = publisher.state();
  const web::SiteOptions site{publisher.options().default_language,
                              publisher.options().feedback_key};
  PHARE_ASSIGN_OR_RETURN(auto stats, ExportSite(*state, *cache.Current(), site, flags.out));
  spdlog::info("exported {} documents ({} KiB) to {}", stats.files, stats.bytes / 1024, flags.out);
  if (!flags.watch) {
    std::cerr << "Exported " << stats.files << " documents (" << stats.bytes / 1024 << " KiB) to "
              << flags.out << "\n";
  }
  return base::Status::Ok();
}

// Re-exports whenever the database's change counter moves, until SIGINT or SIGTERM.
int Watch(store::Store& store, Publisher& publisher, http::ResourceCache& cache,
          const ExportFlags& flags) {
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  std::optional<int64_t> exported;
  const auto interval = std::chrono::duration<double>(flags.interval_seconds);
  const auto whole = std::chrono::duration_cast<std::chrono::seconds>(interval);
  const timespec wait{
      static_cast<time_t>(whole.count()),
      static_cast<long>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(interval - whole).count())};
  std::cerr << "Watching for changes; exporting to " << flags.out << " (Ctrl-C to stop)\n";
  while (true) {
    auto counter = store.ChangeCounter();
    if (!counter.ok()) {
      spdlog::error("cannot read the change counter (retrying): {}", counter.status().ToString());
    } else if (counter.value() != exported) {
      if (auto s = ExportOnce(publisher, cache, flags); s.ok()) {
        exported = *counter;
      } else {
        spdlog::error("export failed (the previous one stays in place; retrying): {}",
                      s.ToString());
      }
    }
    if (sigtimedwait(&stop, nullptr, &wait) > 0) break;
  }
  std::cerr << "Stopped watching.\n";
  return 0;
}

}  // namespace

void AddExportCommands(CLI::App& app, Action& action) {
  auto flags = std::make_shared<ExportFlags>();
  auto* cmd = app.add_subcommand(
      "export-static",
      "Write the public site (every language, JSON, feeds, badges, calendars; .gz twins and a "
      "manifest) as files for any web server or CDN");
  AddCommonOptions(cmd, flags->common);
  cmd->add_option("--out", flags->out,
                  "a symbolic link to the current export, made and swapped atomically (must not "
                  "be a non-empty folder)")
      ->required();
  cmd->add_flag("--watch", flags->watch, "export again after each change, until Ctrl-C/SIGTERM");
  cmd->add_option("--interval", flags->interval_seconds, "seconds between checks with --watch")
      ->check(CLI::Range(0.1, 3600.0));
  cmd->footer(
      "Serve the folder with nginx by including OUT/_phare/nginx.conf in a server block whose "
      "root is OUT: it picks each reader's language as phare does. manifest.json lists every "
      "file with its digest.");
  cmd->callback([flags, &action] {
    action = [f = flags] {
      auto rt = OpenRuntime(f->common);
      if (!rt.ok()) return Fail(rt.status());
      http::ResourceCache cache;
      http::HttpMetrics metrics;
      PublisherOptions options;
      options.default_language = (*rt)->ctx().policies.default_language;
      // The pages' "Was this clear?" forms, signed as the server signs them.
      auto feedback = service::FeedbackKey::Load((*rt)->store(), (*rt)->ctx().random);
      if (!feedback.ok()) return Fail(feedback.status());
      options.feedback_key = feedback->bytes();
      Publisher publisher((*rt)->store(), base::SystemClock::Instance(), cache, metrics, options);
      if (f->watch) return Watch((*rt)->store(), publisher, cache, *f);
      if (auto s = ExportOnce(publisher, cache, *f); !s.ok()) return Fail(s);
      return 0;
    };
  });
}

}  // namespace phare::app
