// `phare eta eval FILE... [--json]` and `--derive-baseline`, as library entry points
// for the CLI: they read the files, replay them (replay.h) and print.
//
// Output: a table, one row per predictor, or with `json` exactly one object:
//   {"phare": {"log_mae", "coverage_p10_p90", "under_rate", "late_1h_rate",
//              "revisions", "predictions"}, "baselines": {NAME: {same keys}}}
// Errors (unreadable or malformed files) go to `err`, naming the file; the return
// value is the process exit code (0 ok, 1 on error). Not thread-safe only in that
// the streams are shared.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "eta/eval/replay.h"

namespace phare::eta {

int RunEvalCommand(const std::vector<std::string>& files, bool json, std::ostream& out,
                   std::ostream& err);

// Writes a baseline file (baseline.h) built from the resolved incidents of `files`.
int RunDeriveBaselineCommand(const std::vector<std::string>& files, std::ostream& out,
                             std::ostream& err);

// Loads and concatenates the incidents of `files`.
base::Result<std::vector<ReplayIncident>> LoadIncidentHistories(
    const std::vector<std::string>& files);

std::string FormatReportTable(const EvalReport& report);
std::string FormatReportJson(const EvalReport& report);

}  // namespace phare::eta
