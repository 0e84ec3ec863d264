#include "eta/eval/eval_command.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

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

const NamedScore* BestBaseline(const EvalReport& report) {
  const NamedScore* best = nullptr;
  for (const NamedScore& b : report.baselines) {
    // The operator only speaks sometimes: compare with baselines that always predict.
    if (b.name == "operator" || b.score.predictions == 0) continue;
    if (best == nullptr || b.score.log_mae < best->score.log_mae) best = &b;
  }
  return best;
}

std::string FormatReportTable(const EvalReport& report) {
  std::string out =
      fmt::format("{} incidents loaded, {} replayed\n\n", report.incidents, report.replayed);
  out += fmt::format("{:<16} {:>11} {:>8} {:>13} {:>8} {:>9} {:>10}\n", "predictor", "predictions",
                     "log_mae", "p10-p90 cov", "under", "late>1h", "revisions");
  out += Row("phare", report.phare);
  for (const NamedScore& b : report.baselines) out += Row(b.name, b.score);
  const NamedScore* best = BestBaseline(report);
  if (best != nullptr && best->score.log_mae > 0) {
    out += fmt::format("\nlog_mae vs best baseline ({}): {:+.1f}%\n", best->name,
                       100 * (report.phare.log_mae - best->score.log_mae) / best->score.log_mae);
  }
  return out;
}

std::string FormatSourcesTable(std::span<const SourceReport> reports) {
  std::string out;
  for (const SourceReport& r : reports) {
    out += fmt::format("== {}", r.source);
    if (!r.excluded.empty()) {
      out += fmt::format(" (built-in baseline without: {})", fmt::join(r.excluded, ", "));
    }
    out += "\n" + FormatReportTable(r.report) + "\n";
  }
  out += fmt::format("{:<24} {:>8} {:>16} {:>8} {:>9} {:>8}\n", "source", "phare", "best baseline",
                     "vs best", "coverage", "under");
  for (const SourceReport& r : reports) {
    const NamedScore* best = BestBaseline(r.report);
    if (best == nullptr) continue;
    out += fmt::format("{:<24} {:>8.3f} {:>16} {:>+7.1f}% {:>8.1f}% {:>7.1f}%\n", r.source,
                       r.report.phare.log_mae,
                       fmt::format("{} {:.3f}", best->name, best->score.log_mae),
                       100 * (r.report.phare.log_mae - best->score.log_mae) / best->score.log_mae,
                       100 * r.report.phare.coverage_p10_p90, 100 * r.report.phare.under_rate);
  }
  return out;
}

std::string FormatSourcesJson(std::span<const SourceReport> reports) {
  boost::json::object sources;
  for (const SourceReport& r : reports) {
    auto doc = boost::json::parse(FormatReportJson(r.report));
    boost::json::array excluded;
    for (const std::string& e : r.excluded) excluded.emplace_back(e);
    doc.as_object()["baseline_excluded"] = std::move(excluded);
    sources[r.source] = std::move(doc);
  }
  boost::json::object doc;
  doc["sources"] = std::move(sources);
  return boost::json::serialize(doc) + "\n";
}

std::string FormatReportJson(const EvalReport& report) {
  boost::json::object doc, baselines;
  doc["phare"] = ScoreJson(report.phare);
  for (const NamedScore& b : report.baselines) baselines[b.name] = ScoreJson(b.score);
  doc["baselines"] = std::move(baselines);
  return boost::json::serialize(doc) + "\n";
}

std::string SourceName(const std::string& file) {
  return std::filesystem::path(file).stem().string();
}

std::vector<std::string> ProviderSources(std::span<const ReplayIncident> incidents,
                                         std::string_view name) {
  std::unordered_set<std::string_view> ids;
  for (const ReplayIncident& r : incidents) ids.insert(r.id);
  std::set<std::string> out{std::string(name)};
  for (const PastIncident& p : BuiltinBaseline()) {
    if (ids.contains(p.id)) out.insert(p.source);
  }
  return {out.begin(), out.end()};
}

int RunEvalCommand(const std::vector<std::string>& files, bool json, std::ostream& out,
                   std::ostream& err) {
  return RunEvalCommand(files, EvalCommandOptions{.json = json}, out, err);
}

int RunEvalCommand(const std::vector<std::string>& files, const EvalCommandOptions& options,
                   std::ostream& out, std::ostream& err) {
  if (files.empty()) {
    err << "eta eval: no incident history file given\n";
    return 1;
  }
  if (!options.by_source && !options.cross_source) {
    auto incidents = LoadIncidentHistories(files);
    if (!incidents.ok()) {
      err << "eta eval: " << incidents.status().ToString() << "\n";
      return 1;
    }
    EvalReport report = Evaluate(*incidents, EvalOptions{});
    out << (options.json ? FormatReportJson(report) : FormatReportTable(report));
    return 0;
  }
  std::vector<SourceReport> reports;
  for (const std::string& file : files) {
    auto incidents = LoadIncidentHistory(file);
    if (!incidents.ok()) {
      err << "eta eval: " << incidents.status().ToString() << "\n";
      return 1;
    }
    EvalOptions eval;
    std::string name = SourceName(file);
    if (options.cross_source) eval.exclude_sources = ProviderSources(*incidents, name);
    reports.push_back({name, eval.exclude_sources, Evaluate(*incidents, eval)});
  }
  out << (options.json ? FormatSourcesJson(reports) : FormatSourcesTable(reports));
  return 0;
}

int RunDeriveBaselineCommand(const std::vector<std::string>& files, std::ostream& out,
                             std::ostream& err) {
  std::vector<PastIncident> records;
  for (const std::string& file : files) {
    auto incidents = LoadIncidentHistory(file);
    if (!incidents.ok()) {
      err << "eta derive-baseline: " << incidents.status().ToString() << "\n";
      return 1;
    }
    for (const ReplayIncident& r : *incidents) {
      if (!r.resolved_at) continue;
      records.push_back({r.id,
                         r.cause,
                         r.impact,
                         r.kind,
                         r.started_at,
                         r.resolved_at,
                         1.0,
                         {},
                         SourceName(file)});
    }
  }
  std::sort(records.begin(), records.end(), [](const PastIncident& a, const PastIncident& b) {
    return a.started_at < b.started_at;
  });
  out << SerializeBaseline(
      records,
      "durations of past public incidents, derived by phare eta derive-baseline; "
      "causes from the words of their titles; source: the file each comes from");
  return 0;
}

}  // namespace phare::eta
