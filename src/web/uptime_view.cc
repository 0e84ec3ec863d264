#include "web/uptime_view.h"

#include <cmath>

#include "web/view.h"

namespace phare::web {
namespace {

// The component's changes: a slice of the state's, which are ordered by component.
std::span<const model::StatusChange> ChangesOf(const service::PublicState& state,
                                               const std::string& id) {
  const auto& all = state.status_changes;
  auto first = std::lower_bound(all.begin(), all.end(), id, [](const auto& c, const auto& key) {
    return c.component_id < key;
  });
  auto last = first;
  while (last != all.end() && last->component_id == id) ++last;
  return std::span(all).subspan(static_cast<size_t>(first - all.begin()),
                                static_cast<size_t>(last - first));
}

base::Time End(const service::PublicState& state, const model::Incident& i) {
  return i.resolved_at.value_or(state.now);
}

// The incidents touching `component` still open at `since` or after.
std::vector<const model::Incident*> IncidentsOf(const service::PublicState& state,
                                                const model::Component& component,
                                                base::Time since) {
  std::vector<const model::Incident*> out;
  for (const auto& i : state.incidents) {
    if (i.kind != model::IncidentKind::kIncident || End(state, i) < since) continue;
    if (std::find(i.component_ids.begin(), i.component_ids.end(), component.id) !=
        i.component_ids.end()) {
      out.push_back(&i);
    }
  }
  return out;
}

}  // namespace

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
  const auto changes = v_.state.status_changes.empty() ? std::span<const model::StatusChange>()
                                                       : ChangesOf(v_.state, component.id);
  const auto uptime = model::ComputeUptime(component, changes, v_.state.now,
                                           v_.reader.times().zone(), service::kUptimeDays);
  if (dates_.empty()) {
    for (const auto& day : uptime.days) {
      dates_.push_back(v_.reader.times().FormatDate(day.start + std::chrono::hours(12)));
    }
  }
  const auto touching = IncidentsOf(v_.state, component, uptime.days.front().start);
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
      if (i->started_at >= day.end || End(v_.state, *i) < day.start) continue;
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
