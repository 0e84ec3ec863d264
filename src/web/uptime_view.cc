#include "web/uptime_view.h"

#include <cmath>

#include "web/view.h"

namespace phare::web {

UptimeView::UptimeView(const PageView& view) : v_(view) {}

const std::string& UptimeView::Percent(double share) {
  const long key = std::lround(share * 10000);
  auto it = percents_.find(key);
  if (it == percents_.end()) {
    it = percents_
             .emplace(key, v_.reader.Say("ui.uptime_percent",
                                         {{"percent", static_cast<double>(key) / 10000}}))
             .first;
  }
  return it->second;
}

Data UptimeView::For(const model::Component& component) {
  const auto changes = service::ChangesOf(v_.state, component.id);
  const auto uptime = model::ComputeUptime(component, changes, v_.state.now,
                                           v_.reader.times().zone(), service::kUptimeDays);
  if (dates_.empty()) {
    for (const auto& day : uptime.days) {
      dates_.push_back(v_.reader.times().FormatDate(day.start + std::chrono::hours(12)));
    }
  }
  const auto touching = model::IncidentsDuring(v_.state.incidents, component.id,
                                               uptime.days.front().start, v_.state.now);
  Data days{Data::type::list};
  for (size_t k = 0; k < uptime.days.size(); ++k) {
    const auto& day = uptime.days[k];
    Data d;
    std::string text = k < dates_.size() ? dates_[k] : "";
    if (!day.known) {
      d.set("class", "unknown");
      text += " — " + v_.reader.Say("ui.uptime_no_data");
    } else {
      d.set("class", std::string(model::ToString(day.worst)));
      auto label = labels_.find(day.worst);
      if (label == labels_.end()) {
        label = labels_.emplace(day.worst, StatusLabel(v_.reader, day.worst)).first;
      }
      text += " — " + label->second;
      if (day.uptime) text += ", " + Percent(*day.uptime);
    }
    const model::Incident* first = nullptr;
    for (const auto* i : touching) {
      if (!model::OpenDuring(*i, day.start, day.end)) continue;
      text += " — " + v_.Name(*i);
      if (first == nullptr) first = i;
    }
    if (first != nullptr) d.set("incident", first->id);
    d.set("text", text);
    days.push_back(d);
  }
  Data out;
  out.set("days", days);
  out.set("days_label", v_.reader.Say("ui.uptime_days", {{"days", int64_t{service::kUptimeDays}}}));
  if (uptime.overall) {
    out.set("summary",
            v_.reader.Say("ui.uptime_summary", {{"percent", Percent(*uptime.overall)},
                                                {"days", int64_t{service::kUptimeDays}}}));
  }
  return out;
}

}  // namespace phare::web
