// `phare eta eval FILE... [--json] [--by-source | --cross-source]` and
// `derive-baseline`, as library entry points for the CLI: they read the files,
// replay them (replay.h) and print. By default the files are one page's history;
// --by-source replays each file as its own page; --cross-source also leaves the
// file's provider out of the built-in baseline (the page is one phare never saw).
//
// Output: a table, one row per predictor, or with `json` exactly one object:
//   {"phare": {"log_mae", "coverage_p10_p90", "under_rate", "late_1h_rate",
//              "revisions", "predictions"}, "baselines": {NAME: {same keys}}}
// Errors (unreadable or malformed files) go to `err`, naming the file; the return
// value is the process exit code (0 ok, 1 on error). Not thread-safe only in that
// the streams are shared.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eta/eval/replay.h"

namespace phare::eta {

struct EvalCommandOptions {
  bool json = false;
  bool by_source = false;     // one page per file, a table each
  bool cross_source = false;  // by source, each without its provider in the baseline
};

int RunEvalCommand(const std::vector<std::string>& files, const EvalCommandOptions& options,
                   std::ostream& out, std::ostream& err);
int RunEvalCommand(const std::vector<std::string>& files, bool json, std::ostream& out,
                   std::ostream& err);

// Writes a baseline file (baseline.h) built from the resolved incidents of `files`.
int RunDeriveBaselineCommand(const std::vector<std::string>& files, std::ostream& out,
                             std::ostream& err);

// Loads and concatenates the incidents of `files`.
base::Result<std::vector<ReplayIncident>> LoadIncidentHistories(
    const std::vector<std::string>& files);

// One file's report in by-source mode; `excluded` are the baseline sources left out.
struct SourceReport {
  std::string source;  // the file's stem: "aws-incidents"
  std::vector<std::string> excluded;
  EvalReport report;
};

// The file's provider as the built-in baseline names it: its stem, and every
// baseline source that holds one of its incidents (by id).
std::vector<std::string> ProviderSources(std::span<const ReplayIncident> incidents,
                                         std::string_view name);

// The baseline that always predicts with the lowest log_mae (nullptr if none).
const NamedScore* BestBaseline(const EvalReport& report);

std::string FormatReportTable(const EvalReport& report);
std::string FormatReportJson(const EvalReport& report);
// A table per source, then one line per source: phare, its best baseline, coverage.
std::string FormatSourcesTable(std::span<const SourceReport> reports);
// {"sources": {NAME: {"phare", "baselines", "baseline_excluded"}}}
std::string FormatSourcesJson(std::span<const SourceReport> reports);

}  // namespace phare::eta
