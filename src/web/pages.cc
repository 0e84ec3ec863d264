#include "web/pages.h"
#include "web/postmortem_view.h"

#include <charconv>

#include "comms/catalog.h"
#include "model/rollup.h"
#include "web/embeds.h"
#include "web/page_view.h"
#include "web/subscription_pages.h"
#include "web/templates.h"
#include "web/uptime_view.h"
#include "web/view.h"

namespace phare::web {
namespace {

using model::IncidentKind;

using model::IsActiveMaintenance;
using model::IsOpenIncident;
using model::IsUpcomingMaintenance;

Data Cards(const PageView& v, bool (*keep)(const model::Incident&), bool soonest_first = false) {
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
    item.set("card", RenderTemplate("incident_card.mustache", v.IncidentData(*i, false)));
    list.push_back(item);
  }
  return list;
}

Data ComponentData(const PageView& v, UptimeView& uptime, const model::Component& c) {
  Data d;
  if (!c.group) d.set("uptime", uptime.For(c));
  d.set("name", v.Name(c));
  if (c.description && !c.description->empty()) {
    d.set("description", model::NameIn(c.descriptions, v.reader.language(), *c.description));
  } else {
    // Set either way: a missing key would make Mustache show the page's own description.
    d.set("description", Data(false));
  }
  d.set("status", std::string(model::ToString(c.status)));
  d.set("status_label", StatusLabel(v.reader, c.status));
  d.set("icon", std::string(Icon(c.status)));
  return d;
}

bool Shown(const model::Component& c) {
  return !(c.only_show_if_degraded && c.status == model::ComponentStatus::kOperational);
}

Data ComponentsData(const PageView& v) {
  UptimeView uptime(v);
  Data list{Data::type::list};
  for (const auto& c : v.state.components) {
    if (c.group_id || !Shown(c)) continue;
    Data item = ComponentData(v, uptime, c);
    item.set("group", c.group);
    if (c.group) {
      Data children{Data::type::list};
      for (const auto& child : v.state.components) {
        if (child.group_id && *child.group_id == c.id && Shown(child)) {
          children.push_back(ComponentData(v, uptime, child));
        }
      }
      item.set("open", c.status != model::ComponentStatus::kOperational);
      item.set("children", children);
    }
    list.push_back(item);
  }
  return list;
}

// The last kHistoryDays local days, newest first, with the incidents started on each.
Data DaysData(const PageView& v) {
  const base::Zone& zone = v.reader.times().zone();
  const std::string today = zone.Format(v.state.now, "%Y-%m-%d");
  auto noon = zone.ParseLocal(today + " 12:00");  // noon ± 1 h never leaves its day
  const base::Time anchor = noon.ok() ? *noon : v.state.now;
  Data days{Data::type::list};
  for (int k = 0; k < kHistoryDays; ++k) {
    const base::Time day_time = anchor - std::chrono::hours(24 * k);
    const std::string day = zone.Format(day_time, "%Y-%m-%d");
    Data incidents{Data::type::list};
    for (const auto& i : v.state.incidents) {
      if (IsUpcomingMaintenance(i) || zone.Format(i.started_at, "%Y-%m-%d") != day) continue;
      Data item;
      item.set("id", i.id);
      item.set("name", v.Name(i));
      item.set("impact", std::string(ImpactClass(i)));
      item.set("status_label", StatusLabel(v.reader, i.status));
      incidents.push_back(item);
    }
    Data d;
    d.set("date", v.reader.times().FormatDate(day_time));
    d.set("incidents", incidents);
    days.push_back(d);
  }
  return days;
}

std::string RenderIndex(const PageView& v) {
  const auto status = model::ComputePageStatus(v.state.components, v.state.incidents);
  Data d;
  d.set("indicator", std::string(model::ToString(status.indicator)));
  d.set("indicator_icon", std::string(Icon(status.indicator)));
  d.set("description", IndicatorLabel(v.reader, status.indicator));
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
  d.set("subscribe", RenderSubscribeForm(v));
  for (const char* key :
       {"active_incidents", "maintenance_in_progress", "components", "no_components",
        "scheduled_maintenance", "past_incidents", "no_incidents", "incident_history"}) {
    d.set(std::string(key) + "_label", v.reader.Say(std::string("ui.") + key));
  }
  return v.Layout(v.state.page.name + " — " + IndicatorLabel(v.reader, status.indicator), "/",
                  RenderTemplate("index.mustache", d));
}

std::string RenderIncident(const PageView& v, const model::Incident& i) {
  Data d = v.IncidentData(i);
  d.set("back_label", v.reader.Say("ui.back_to_status"));
  d.set("started", v.reader.Say("ui.started_at", {{"time", v.When(i.started_at)}}));
  if (i.resolved_at) {
    d.set("resolved", v.reader.Say("ui.resolved_at", {{"time", v.When(*i.resolved_at)}}));
  }
  AddPostmortemData(v, i, d);
  return v.Layout(v.Name(i) + " — " + v.state.page.name, "/incidents/" + i.id,
                  RenderTemplate("incident.mustache", d));
}

std::string RenderHistory(const PageView& v, size_t page) {
  const size_t first = (page - 1) * kHistoryPageSize;
  const base::Zone& zone = v.reader.times().zone();
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
  for (size_t k = first; k < v.state.incidents.size() && k < first + kHistoryPageSize; ++k) {
    const auto& i = v.state.incidents[k];
    const base::Time when = i.scheduled_for.value_or(i.started_at);
    const std::string key = zone.Format(when, "%Y-%m");
    if (key != current_key) {
      flush();
      current_key = key;
      current.set("key", key);
      current.set("month", v.Month(when));
    }
    Data item;
    item.set("id", i.id);
    item.set("name", v.Name(i));
    item.set("impact", std::string(ImpactClass(i)));
    item.set("status_label", StatusLabel(v.reader, i.status));
    item.set("kind_label", v.reader.Say(i.kind == IncidentKind::kIncident ? "ui.kind_incident"
                                                                          : "ui.kind_maintenance"));
    item.set("iso", zone.FormatRfc3339(when));
    item.set("when", v.reader.times().FormatDateTime(when, true));
    current_list.push_back(item);
  }
  flush();
  Data d;
  d.set("title", v.reader.Say("ui.incident_history"));
  d.set("months", months);
  d.set("no_incidents_label", v.reader.Say("ui.no_incidents"));
  d.set("newer_label", v.reader.Say("ui.newer"));
  d.set("older_label", v.reader.Say("ui.older"));
  if (page > 1)
    d.set("newer", page == 2 ? "/history" : "/history?page=" + std::to_string(page - 1));
  if (first + kHistoryPageSize < v.state.incidents.size()) {
    d.set("older", "/history?page=" + std::to_string(page + 1));
  }
  const std::string path = page == 1 ? "/history" : "/history?page=" + std::to_string(page);
  return v.Layout(v.reader.Say("ui.incident_history") + " — " + v.state.page.name, path,
                  RenderTemplate("history.mustache", d));
}

constexpr const char* kHtml = "text/html; charset=utf-8";

// A page for `path` in `reading`, or nullopt.
std::optional<RenderedPage> RenderPath(const service::PublicState& state,
                                       const SiteOptions& options, const std::string& path,
                                       const Reading& reading, const std::string& key) {
  auto view = PageView::Create(state, options, reading);
  if (!view) return std::nullopt;
  constexpr std::string_view kIncident = "/incidents/";
  if (path == "/") return RenderedPage{key, kHtml, RenderIndex(*view)};
  if (path == "/history") return RenderedPage{key, kHtml, RenderHistory(*view, 1)};
  if (path.rfind(kIncident, 0) == 0) {
    const std::string_view id = std::string_view(path).substr(kIncident.size());
    for (const auto& i : state.incidents) {
      if (i.id == id) return RenderedPage{key, kHtml, RenderIncident(*view, i)};
    }
    return std::nullopt;
  }
  constexpr std::string_view kHistory = "/history?page=";
  if (path.rfind(kHistory, 0) == 0) {
    const std::string_view number = std::string_view(path).substr(kHistory.size());
    size_t page = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), page);
    if (ec != std::errc() || end != number.data() + number.size() || page < 1) return std::nullopt;
    if (page > 1 && (page - 1) * kHistoryPageSize >= state.incidents.size()) return std::nullopt;
    return RenderedPage{key, kHtml, RenderHistory(*view, page)};
  }
  return std::nullopt;
}

}  // namespace

Reading Defaults(const service::PublicState& state, const SiteOptions& options) {
  return Reading{options.default_language, state.page.time_zone};
}

std::vector<RenderedPage> RenderPages(const service::PublicState& state,
                                      const SiteOptions& options) {
  const Reading defaults = Defaults(state, options);
  std::vector<RenderedPage> pages;
  for (const auto& language : comms::Catalogs::Builtin().Languages()) {
    const Reading reading{language, defaults.zone};
    for (const char* path : {"/", "/history"}) {
      if (auto page =
              RenderPath(state, options, path, reading, VariantKey(path, reading, defaults))) {
        pages.push_back(std::move(*page));
      }
    }
  }
  const base::Time recent = state.now - std::chrono::hours(24 * kHistoryDays);
  for (const auto& i : state.incidents) {
    if (model::IsClosed(i.status) && i.updated_at < recent) continue;
    const std::string path = "/incidents/" + i.id;
    if (auto page = RenderPath(state, options, path, defaults, path))
      pages.push_back(std::move(*page));
  }
  for (auto& feed : RenderFeeds(state, options)) pages.push_back(std::move(feed));
  for (auto& embed : RenderEmbeds(state, options)) pages.push_back(std::move(embed));
  return pages;
}

std::optional<RenderedPage> RenderPage(const service::PublicState& state,
                                       const SiteOptions& options, std::string_view key) {
  if (auto embed = RenderComponentEmbed(state, options, key)) return embed;
  auto parsed = ParseVariantKey(key, Defaults(state, options));
  if (!parsed) return std::nullopt;
  return RenderPath(state, options, parsed->first, parsed->second, std::string(key));
}

std::string RenderNotFound(const service::PublicState& state, const SiteOptions& options,
                           const Reading& reading) {
  auto view = PageView::Create(state, options, reading);
  if (!view) return RenderNotFound(state, options, Defaults(state, options));
  Data d;
  d.set("title", view->reader.Say("ui.not_found_title"));
  d.set("text", view->reader.Say("ui.not_found_text"));
  d.set("back_label", view->reader.Say("ui.back_to_status"));
  return view->Layout(view->reader.Say("ui.not_found_title") + " — " + state.page.name, "/",
                      RenderTemplate("not_found.mustache", d));
}

}  // namespace phare::web
