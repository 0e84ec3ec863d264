#include "eta/eval/eval_command.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "eta/baseline.h"

namespace phare::eta {
namespace {

boost::json::object ScoreJson(const Score& s) {
  boost::json::object o;
  o["log_mae"] = s.log_mae;
  o["coverage_p10_p90"] = s.coverage_p10_p90;
  o["under_rate"] = s.under_rate;
  o["late_1h_rate"] = s.late_1h_rate;
  o["revisions"] = s.revisions;
  o["predictions"] = s.predictions;
  return o;
}

std::string Row(std::string_view name, const Score& s) {
  return fmt::format("{:<16} {:>11} {:>8.3f} {:>12.1f}% {:>7.1f}% {:>8.1f}% {:>10}\n", name,
                     s.predictions, s.log_mae, 100 * s.coverage_p10_p90, 100 * s.under_rate,
                     100 * s.late_1h_rate, s.revisions);
}

}  // namespace

base::Result<std::vector<ReplayIncident>> LoadIncidentHistories(
    const std::vector<std::string>& files) {
  std::vector<ReplayIncident> all;
  for (const std::string& file : files) {
    PHARE_ASSIGN_OR_RETURN(std::vector<ReplayIncident> incidents, LoadIncidentHistory(file));
    if (all.size() + incidents.size() > kMaxReplayIncidents) {
      return base::Status(base::Code::kResourceExhausted,
                          fmt::format("more than {} incidents", kMaxReplayIncidents));
    }
    std::move(incidents.begin(), incidents.end(), std::back_inserter(all));
  }
  return all;
}

std::string FormatReportTable(const EvalReport& report) {
  std::string out =
      fmt::format("{} incidents loaded, {} replayed\n\n", report.incidents, report.replayed);
  out += fmt::format("{:<16} {:>11} {:>8} {:>13} {:>8} {:>9} {:>10}\n", "predictor", "predictions",
                     "log_mae", "p10-p90 cov", "under", "late>1h", "revisions");
  out += Row("phare", report.phare);
  double best = std::numeric_limits<double>::infinity();
  std::string best_name;
  for (const NamedScore& b : report.baselines) {
    out += Row(b.name, b.score);
    // The operator only speaks sometimes: compare with baselines that always predict.
    if (b.name != "operator" && b.score.predictions > 0 && b.score.log_mae < best) {
      best = b.score.log_mae;
      best_name = b.name;
    }
  }
  if (!best_name.empty() && best > 0) {
    out += fmt::format("\nlog_mae vs best baseline ({}): {:+.1f}%\n", best_name,
                       100 * (report.phare.log_mae - best) / best);
  }
  return out;
}

std::string FormatReportJson(const EvalReport& report) {
  boost::json::object doc, baselines;
  doc["phare"] = ScoreJson(report.phare);
  for (const NamedScore& b : report.baselines) baselines[b.name] = ScoreJson(b.score);
  doc["baselines"] = std::move(baselines);
  return boost::json::serialize(doc) + "\n";
}

int RunEvalCommand(const std::vector<std::string>& files, bool json, std::ostream& out,
                   std::ostream& err) {
  if (files.empty()) {
    err << "eta eval: no incident history file given\n";
    return 1;
  }
  auto incidents = LoadIncidentHistories(files);
  if (!incidents.ok()) {
    err << "eta eval: " << incidents.status().ToString() << "\n";
    return 1;
  }
  EvalReport report = Evaluate(*incidents, EvalOptions{});
  out << (json ? FormatReportJson(report) : FormatReportTable(report));
  return 0;
}

int RunDeriveBaselineCommand(const std::vector<std::string>& files, std::ostream& out,
                             std::ostream& err) {
  auto incidents = LoadIncidentHistories(files);
  if (!incidents.ok()) {
    err << "eta derive-baseline: " << incidents.status().ToString() << "\n";
    return 1;
  }
  std::vector<PastIncident> records;
  for (const ReplayIncident& r : *incidents) {
    if (!r.resolved_at) continue;
    records.push_back({r.id, r.cause, r.impact, r.kind, r.started_at, r.resolved_at, 1.0, {}});
  }
  std::sort(records.begin(), records.end(), [](const PastIncident& a, const PastIncident& b) {
    return a.started_at < b.started_at;
  });
  out << SerializeBaseline(
      records,
      "durations of past public incidents, derived by phare eta derive-baseline; "
      "causes from the words of their titles");
  return 0;
}

}  // namespace phare::eta
