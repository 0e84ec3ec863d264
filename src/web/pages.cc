#include "web/pages.h"

#include <charconv>
#include <map>

#include "model/rollup.h"
#include "web/templates.h"
#include "web/view.h"

namespace phare::web {
namespace {

using model::IncidentKind;
using model::IncidentStatus;

struct View {
  const service::PublicState& state;
  base::Zone zone;
};

View MakeView(const service::PublicState& state) {
  auto zone = base::Zone::Find(state.page.time_zone);
  return View{state, zone.ok() ? *zone : base::Zone::Utc()};
}

std::string Layout(const View& v, const std::string& title, std::string content) {
  Data d;
  d.set("lang", "en");
  d.set("title", title);
  d.set("page_name", v.state.page.name);
  d.set("zone_name", v.zone.name() + " (" + v.zone.Abbreviation(v.state.now) + ")");
  d.set("generated_at", FormatWhen(v.zone, v.state.now));
  d.set("content", std::move(content));
  return RenderTemplate("layout.mustache", d);
}

std::string ComponentNames(const View& v, const model::Incident& i) {
  std::string names;
  for (const auto& id : i.component_ids) {
    for (const auto& c : v.state.components) {
      if (c.id != id) continue;
      if (!names.empty()) names += ", ";
      names += c.name;
    }
  }
  return names;
}

Data UpdatesData(const View& v, const model::Incident& i) {
  Data list{Data::type::list};
  for (const auto& u : i.updates) {
    Data item;
    item.set("status", std::string(model::ToString(u.status)));
    item.set("status_label", std::string(Label(u.status)));
    item.set("iso", v.zone.FormatRfc3339(u.display_at));
    item.set("when", FormatWhen(v.zone, u.display_at));
    Data paragraphs{Data::type::list};
    for (auto& p : Paragraphs(u.body)) paragraphs.push_back(Data(p));
    item.set("paragraphs", paragraphs);
    list.push_back(item);
  }
  return list;
}

// Fields shared by incident cards and incident pages.
Data IncidentData(const View& v, const model::Incident& i) {
  Data d;
  d.set("id", i.id);
  d.set("name", i.name);
  d.set("status", std::string(model::ToString(i.status)));
  d.set("status_label", std::string(Label(i.status)));
  d.set("impact", std::string(ImpactClass(i)));
  d.set("impact_label", std::string(ImpactLabel(i)));
  const std::string names = ComponentNames(v, i);
  if (!names.empty()) d.set("components", names);
  if (i.scheduled_for && i.scheduled_until) {
    d.set("window", FormatWindow(v.zone, *i.scheduled_for, *i.scheduled_until));
  }
  d.set("updates", UpdatesData(v, i));
  return d;
}

Data Cards(const View& v, bool (*keep)(const model::Incident&), bool soonest_first = false) {
  std::vector<const model::Incident*> picked;
  for (const auto& i : v.state.incidents) {
    if (keep(i)) picked.push_back(&i);
  }
  if (soonest_first) {
    std::stable_sort(picked.begin(), picked.end(), [](const auto* a, const auto* b) {
      return a->scheduled_for < b->scheduled_for;
    });
  }
  Data list{Data::type::list};
  for (const auto* i : picked) {
    Data item;
    item.set("card", RenderTemplate("incident_card.mustache", IncidentData(v, *i)));
    list.push_back(item);
  }
  return list;
}

Data ComponentData(const model::Component& c) {
  Data d;
  d.set("name", c.name);
  if (c.description && !c.description->empty()) d.set("description", *c.description);
  d.set("status", std::string(model::ToString(c.status)));
  d.set("status_label", std::string(Label(c.status)));
  d.set("icon", std::string(Icon(c.status)));
  return d;
}

bool Shown(const model::Component& c) {
  return !(c.only_show_if_degraded && c.status == model::ComponentStatus::kOperational);
}

Data ComponentsData(const View& v) {
  Data list{Data::type::list};
  for (const auto& c : v.state.components) {
    if (c.group_id || !Shown(c)) continue;
    Data item = ComponentData(c);
    if (c.group) {
      Data children{Data::type::list};
      for (const auto& child : v.state.components) {
        if (child.group_id && *child.group_id == c.id && Shown(child)) {
          children.push_back(ComponentData(child));
        }
      }
      item.set("group", true);
      item.set("open", c.status != model::ComponentStatus::kOperational);
      item.set("children", children);
    } else {
      item.set("group", false);
    }
    list.push_back(item);
  }
  return list;
}

std::string LocalDay(const View& v, base::Time t) { return v.zone.Format(t, "%Y-%m-%d"); }

// The last kHistoryDays local days, newest first, with the incidents started on each.
Data DaysData(const View& v) {
  const std::string today = LocalDay(v, v.state.now);
  auto noon = v.zone.ParseLocal(today + " 12:00");
  const base::Time anchor = noon.ok() ? *noon : v.state.now;
  Data days{Data::type::list};
  for (int k = 0; k < kHistoryDays; ++k) {
    const base::Time day_time = anchor - std::chrono::hours(24 * k);
    const std::string day = LocalDay(v, day_time);
    Data incidents{Data::type::list};
    for (const auto& i : v.state.incidents) {
      if (i.kind == IncidentKind::kMaintenance && i.status == IncidentStatus::kScheduled) continue;
      if (LocalDay(v, i.started_at) != day) continue;
      Data item;
      item.set("id", i.id);
      item.set("name", i.name);
      item.set("impact", std::string(ImpactClass(i)));
      item.set("status_label", std::string(Label(i.status)));
      incidents.push_back(item);
    }
    Data d;
    std::string label = v.zone.Format(day_time, "%d %b %Y");
    if (!label.empty() && label[0] == '0') label.erase(0, 1);
    d.set("date", label);
    d.set("incidents", incidents);
    days.push_back(d);
  }
  return days;
}

bool IsOpenIncident(const model::Incident& i) {
  return i.kind == IncidentKind::kIncident && !model::IsClosed(i.status);
}
bool IsActiveMaintenance(const model::Incident& i) {
  return i.kind == IncidentKind::kMaintenance &&
         (i.status == IncidentStatus::kInProgress || i.status == IncidentStatus::kVerifying);
}
bool IsUpcomingMaintenance(const model::Incident& i) {
  return i.kind == IncidentKind::kMaintenance && i.status == IncidentStatus::kScheduled;
}

std::string RenderIndex(const View& v) {
  const auto status = model::ComputePageStatus(v.state.components, v.state.incidents);
  Data d;
  d.set("indicator", std::string(model::ToString(status.indicator)));
  d.set("indicator_icon", std::string(Icon(status.indicator)));
  d.set("description", std::string(status.description));
  Data incidents = Cards(v, IsOpenIncident);
  d.set("has_incidents", !incidents.is_empty_list());
  d.set("incidents", incidents);
  Data active = Cards(v, IsActiveMaintenance);
  d.set("has_active_maintenance", !active.is_empty_list());
  d.set("active_maintenance", active);
  Data upcoming = Cards(v, IsUpcomingMaintenance, /*soonest_first=*/true);
  d.set("has_upcoming", !upcoming.is_empty_list());
  d.set("upcoming", upcoming);
  d.set("components", ComponentsData(v));
  d.set("days", DaysData(v));
  return Layout(v, v.state.page.name + " — " + std::string(status.description),
                RenderTemplate("index.mustache", d));
}

std::string RenderIncident(const View& v, const model::Incident& i) {
  Data d = IncidentData(v, i);
  d.set("started", FormatWhen(v.zone, i.started_at));
  d.set("started_iso", v.zone.FormatRfc3339(i.started_at));
  if (i.resolved_at) {
    d.set("resolved", FormatWhen(v.zone, *i.resolved_at));
    d.set("resolved_iso", v.zone.FormatRfc3339(*i.resolved_at));
  }
  return Layout(v, i.name + " — " + v.state.page.name, RenderTemplate("incident.mustache", d));
}

std::string RenderHistory(const View& v, size_t page) {
  const size_t first = (page - 1) * kHistoryPageSize;
  Data months{Data::type::list};
  std::string current_key;
  Data current;
  Data current_list{Data::type::list};
  auto flush = [&] {
    if (current_key.empty()) return;
    current.set("incidents", current_list);
    months.push_back(current);
    current = Data();
    current_list = Data{Data::type::list};
  };
  size_t shown = 0;
  for (size_t k = first; k < v.state.incidents.size() && shown < kHistoryPageSize; ++k, ++shown) {
    const auto& i = v.state.incidents[k];
    const base::Time when = i.scheduled_for.value_or(i.started_at);
    const std::string key = v.zone.Format(when, "%Y-%m");
    if (key != current_key) {
      flush();
      current_key = key;
      current.set("key", key);
      current.set("month", v.zone.Format(when, "%B %Y"));
    }
    Data item;
    item.set("id", i.id);
    item.set("name", i.name);
    item.set("impact", std::string(ImpactClass(i)));
    item.set("status_label", std::string(Label(i.status)));
    item.set("kind_label", i.kind == IncidentKind::kIncident ? "Incident" : "Maintenance");
    item.set("iso", v.zone.FormatRfc3339(when));
    item.set("when", FormatWhen(v.zone, when));
    current_list.push_back(item);
  }
  flush();
  Data d;
  d.set("months", months);
  if (page > 1)
    d.set("newer", page == 2 ? "/history" : "/history?page=" + std::to_string(page - 1));
  if (first + kHistoryPageSize < v.state.incidents.size()) {
    d.set("older", "/history?page=" + std::to_string(page + 1));
  }
  return Layout(v, "Incident history — " + v.state.page.name,
                RenderTemplate("history.mustache", d));
}

}  // namespace

std::vector<std::pair<std::string, std::string>> RenderPages(const service::PublicState& state) {
  const View v = MakeView(state);
  std::vector<std::pair<std::string, std::string>> pages;
  pages.emplace_back("/", RenderIndex(v));
  pages.emplace_back("/history", RenderHistory(v, 1));
  const base::Time recent = state.now - std::chrono::hours(24 * kHistoryDays);
  for (const auto& i : state.incidents) {
    if (!model::IsClosed(i.status) || i.updated_at >= recent) {
      pages.emplace_back("/incidents/" + i.id, RenderIncident(v, i));
    }
  }
  return pages;
}

std::optional<std::string> RenderPage(const service::PublicState& state, std::string_view key) {
  const View v = MakeView(state);
  constexpr std::string_view kIncident = "/incidents/";
  if (key.rfind(kIncident, 0) == 0) {
    const std::string_view id = key.substr(kIncident.size());
    for (const auto& i : state.incidents) {
      if (i.id == id) return RenderIncident(v, i);
    }
    return std::nullopt;
  }
  constexpr std::string_view kHistory = "/history?page=";
  if (key.rfind(kHistory, 0) == 0) {
    const std::string_view number = key.substr(kHistory.size());
    size_t page = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), page);
    if (ec != std::errc() || end != number.data() + number.size() || page < 1) return std::nullopt;
    if ((page - 1) * kHistoryPageSize >= state.incidents.size() && page > 1) return std::nullopt;
    return RenderHistory(v, page);
  }
  return std::nullopt;
}

std::string RenderNotFound(const service::PublicState& state) {
  const View v = MakeView(state);
  return Layout(v, "Not found — " + state.page.name, RenderTemplate("not_found.mustache", Data()));
}

}  // namespace phare::web
