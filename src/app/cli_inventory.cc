// phare inventory import|show|spof|map: the infrastructure inventory from the command
// line, through the same service functions as the admin API.
#include <unistd.h>

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "api/inventory_json.h"
#include "app/cli.h"

namespace phare::app {
namespace {

base::Zone PageZone(Runtime& rt) {
  auto zone = base::Zone::Find(rt.page().time_zone);
  return zone.ok() ? *zone : base::Zone::Utc();
}

// A progress bar on stderr, redrawn at most ten times a second; only on a terminal.
class ProgressBar {
 public:
  ProgressBar() : enabled_(isatty(STDERR_FILENO) != 0) {}
  ~ProgressBar() { Finish(); }

  void Update(uint64_t done, uint64_t total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    drawn_ = true;
    constexpr int kWidth = 30;
    const double share = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
    const int filled = static_cast<int>(share * kWidth);
    std::string bar(filled, '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\rreading [%s] %3d%%  %.1f / %.1f MB", bar.c_str(),
                 static_cast<int>(share * 100), static_cast<double>(done) / 1e6,
                 static_cast<double>(total) / 1e6);
    std::fflush(stderr);
  }
  // Ends the bar's line (before anything else is printed on stderr).
  void Finish() {
    if (!drawn_) return;
    std::fputs("\n", stderr);
    drawn_ = false;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

struct ImportFlags {
  CommonOptions common;
  std::string path;
  std::string format = "auto";
  bool allow_shrink = false;
};

int Import(const ImportFlags& f) {
  graph::InventoryFormat format = graph::InventoryFormat::kAuto;
  if (f.format == "jsonl") {
    format = graph::InventoryFormat::kJsonLines;
  } else if (f.format == "csv") {
    format = graph::InventoryFormat::kCsv;
  } else if (f.format != "auto") {
    return Fail(base::InvalidArgument("must be auto, jsonl or csv", "--format"));
  }
  auto rt = OpenRuntime(f.common);
  if (!rt.ok()) return Fail(rt.status());
  ProgressBar bar;
  service::ImportRequest request;
  request.path = f.path;
  request.format = format;
  request.allow_shrink = f.allow_shrink;
  request.progress = [&bar](uint64_t done, uint64_t total) { bar.Update(done, total); };
  graph::ErrorList errors;
  const auto start = std::chrono::steady_clock::now();
  auto report = (*rt)->inventory().Import(CliActor(), request, &errors);
  bar.Finish();
  if (!report.ok()) {
    if (!errors.empty()) {
      std::cerr << errors.ToString() << "\n";
      std::cerr << "phare: error: " << errors.total() << " error"
                << (errors.total() == 1 ? "" : "s") << " in " << f.path
                << "; nothing was imported\n";
      return 1;
    }
    return Fail(report.status());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto& d = report->diff;
  if (report->unchanged) {
    std::cerr << "Inventory unchanged (same content as inventory " << report->info.id << ").\n";
  } else {
    std::cerr << "Imported inventory " << report->info.id << " in " << seconds
              << " s: " << report->info.nodes << " nodes, " << report->info.resources
              << " resources, " << report->info.customers << " customers; " << d.nodes_added
              << " added, " << d.nodes_removed << " removed, " << d.nodes_changed << " changed.\n";
  }
  for (const auto& c : report->components) {
    std::cerr << "Component " << c.component_id << " is now " << model::ToString(c.status)
              << " (the open incidents' node reports over the new inventory).\n";
  }
  for (const auto& w : report->warnings) std::cerr << "warning: " << w << "\n";
  return PrintJson(api::ImportReportJson(*report, PageZone(**rt)));
}

struct SpofFlags {
  CommonOptions common;
  uint32_t threshold = 0;
  uint32_t limit = 20;
  bool live = false;
};

struct MapFlags {
  CommonOptions common;
  std::string node;
  std::string component;
};

}  // namespace

void AddInventoryCommands(CLI::App& app, Action& action) {
  auto* inventory =
      app.add_subcommand("inventory", "Import and query the infrastructure inventory");
  inventory->require_subcommand(1);

  auto import_flags = std::make_shared<ImportFlags>();
  auto* import = inventory->add_subcommand(
      "import", "Validate and import an inventory (JSON Lines or CSV, gzip accepted)");
  AddCommonOptions(import, import_flags->common);
  import->add_option("path", import_flags->path, "the inventory file (docs/inventory.md)")
      ->required()
      ->check(CLI::ExistingFile);
  import->add_option("--format", import_flags->format, "auto (default), jsonl or csv");
  import->add_flag("--allow-shrink", import_flags->allow_shrink,
                   "accept an inventory that removes more than [inventory] max_shrink_percent "
                   "of the current nodes, or all of them");
  import->footer(
      "Nothing is imported unless the whole file is valid; errors name the line and node. "
      "Prints the change report as JSON; a progress bar shows on a terminal.");
  import->callback([import_flags, &action] { action = [f = import_flags] { return Import(*f);
};
}  // namespace phare::app
);

auto show_flags = std::make_shared<CommonOptions>();
auto* show = inventory->add_subcommand("show", "Summarize the current inventory");
AddCommonOptions(show, *show_flags);
show->callback([show_flags, &action] {
  action = [f = show_flags] {
    auto rt = OpenRuntime(*f);
    if (!rt.ok()) return Fail(rt.status());
    auto summary = (*rt)->inventory().Summary();
    if (!summary.ok()) return Fail(summary.status());
    return PrintJson(api::SummaryJson(*summary, PageZone(**rt)));
  };
});

auto rollback_flags = std::make_shared<CommonOptions>();
auto* rollback = inventory->add_subcommand(
    "rollback", "Make the inventory before the current one current again (a new import)");
AddCommonOptions(rollback, *rollback_flags);
rollback->callback([rollback_flags, &action] {
  action = [f = rollback_flags] {
    auto rt = OpenRuntime(*f);
    if (!rt.ok()) return Fail(rt.status());
    auto report = (*rt)->inventory().Rollback(CliActor());
    if (!report.ok()) return Fail(report.status());
    std::cerr << "Inventory " << report->info.id << " is current: " << report->info.nodes
              << " nodes, " << report->info.resources << " resources.\n";
    return PrintJson(api::ImportReportJson(*report, PageZone(**rt)));
  };
});

auto spof_flags = std::make_shared<SpofFlags>();
auto* spof = inventory->add_subcommand(
    "spof", "List single points of failure: nodes whose failure alone hurts more than N resources");
AddCommonOptions(spof, spof_flags->common);
spof->add_option("--threshold", spof_flags->threshold, "resources (default 0)");
spof->add_option("--limit", spof_flags->limit, "per ranking (default 20)")
    ->check(CLI::Range(1, 1000));
spof->add_flag("--live", spof_flags->live, "with the open incidents' node reports");
spof->callback([spof_flags, &action] {
  action = [f = spof_flags] {
    auto rt = OpenRuntime(f->common);
    if (!rt.ok()) return Fail(rt.status());
    service::SpofQuery q{f->threshold, f->limit, f->live};
    auto result = (*rt)->inventory().Spof(q);
    if (!result.ok()) return Fail(result.status());
    return PrintJson(api::SpofJson(*result));
  };
});

auto map_flags = std::make_shared<MapFlags>();
auto* map = inventory->add_subcommand(
    "map", "Show an inventory component node as a page component whose name differs");
AddCommonOptions(map, map_flags->common);
map->add_option("node", map_flags->node, "component node id of the inventory")->required();
map->add_option("component", map_flags->component, "page component id ('' removes the link)")
    ->required();
map->callback([map_flags, &action] {
  action = [f = map_flags] {
    auto rt = OpenRuntime(f->common);
    if (!rt.ok()) return Fail(rt.status());
    auto status = (*rt)->inventory().MapComponent(CliActor(), f->node, f->component);
    if (!status.ok()) return Fail(status);
    std::cerr << "Node " << f->node << " now shows as component '" << f->component << "'.\n";
    return 0;
  };
});
}

}  // namespace phare::app
