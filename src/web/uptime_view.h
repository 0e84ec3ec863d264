// The track record under each component of the status page: a bar per day of the last
// kUptimeDays (worst status; a link to the day's incidents), and the uptime figure.
// Internal to src/web; not thread-safe (one per rendering, like PageView).
#pragma once

#include <map>
#include <string>

#include "web/page_view.h"
#include "web/templates.h"

namespace phare::web {

class UptimeView {
 public:
  explicit UptimeView(const PageView& view);

  // Mustache data: days (class, text, incident link), summary, days_label.
  Data For(const model::Component& component);

 private:
  const std::string& Percent(double share);

  const PageView& v_;
  std::vector<std::string> dates_;        // per day, oldest first
  std::map<long, std::string> percents_;  // by share in 1/10000
  std::map<model::ComponentStatus, std::string> labels_;
};

}  // namespace phare::web
