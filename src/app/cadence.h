// Watching the promise each open incident makes ("next update by 14:30"): when it passes
// unmet (beyond the configured grace), operators are warned once per promise: in the log,
// in the phare_cadence_overdue_incidents metric, and, when configured, by a JSON POST to
// an ops webhook (Slack/Mattermost-compatible "text" included). Likewise for a report
// promised by a date at resolution and not yet published: warned once when the date is
// less than comms::kReportWarning away, and once more when it has passed
// (phare_cadence_reports_due). Check() runs on the
// scheduler thread; Export's collectors are thread-safe.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include "base/metrics.h"
#include "service/context.h"

namespace phare::app {

// POSTs `json` to `url` (nothing when `url` is empty); failures are logged. Blocks up to
// 10 s: call from the scheduler thread.
void PostOpsWarning(const std::string& url, const std::string& json);

class Cadence {
 public:
  Cadence(service::Context& ctx, std::string ops_webhook)
      : ctx_(ctx), ops_webhook_(std::move(ops_webhook)) {}

  void Check();
  void Export(base::Registry& registry);

 private:
  void Warn(const std::string& json);
  void CheckReports();

  service::Context& ctx_;
  std::string ops_webhook_;
  std::map<std::string, base::Time> warned_;  // incident → the promise already warned about
  // incident → the report promise and stage (due soon, overdue) already warned about
  std::map<std::string, std::pair<base::Time, int>> reports_warned_;
  std::atomic<int64_t> reports_due_{0};
  std::atomic<int64_t> overdue_{0};
  std::atomic<uint64_t> warnings_{0};
};

}  // namespace phare::app
