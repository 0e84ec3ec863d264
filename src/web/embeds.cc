#include "web/embeds.h"

#include <date/date.h>
#include <fmt/format.h>

#include "base/text.h"
#include "model/rollup.h"
#include "web/page_view.h"
#include "web/view.h"

namespace phare::web {

std::string_view EmbeddedFile(std::string_view name);  // generated from templates/, static/

namespace {

constexpr std::string_view kSvg = "image/svg+xml; charset=utf-8";
constexpr std::string_view kCalendar = "text/calendar; charset=utf-8";
// Maintenance that ended longer ago than this leaves the calendar.
constexpr auto kCalendarPast = std::chrono::hours(24 * 90);
constexpr size_t kFoldOctets = 75;

// Colours with a contrast of at least 4.5:1 against the badge's white text.
std::string_view Colour(model::Indicator indicator) {
  switch (indicator) {
    case model::Indicator::kNone:
      return "#2e7d32";
    case model::Indicator::kMinor:
      return "#a35200";
    case model::Indicator::kMajor:
      return "#c62828";
    case model::Indicator::kCritical:
      return "#8e0000";
    case model::Indicator::kMaintenance:
      return "#1565c0";
  }
  return "#555555";
}

std::string_view Colour(model::ComponentStatus status) {
  switch (status) {
    case model::ComponentStatus::kOperational:
      return Colour(model::Indicator::kNone);
    case model::ComponentStatus::kDegradedPerformance:
      return Colour(model::Indicator::kMinor);
    case model::ComponentStatus::kPartialOutage:
      return Colour(model::Indicator::kMajor);
    case model::ComponentStatus::kMajorOutage:
      return Colour(model::Indicator::kCritical);
    case model::ComponentStatus::kUnderMaintenance:
      return Colour(model::Indicator::kMaintenance);
  }
  return "#555555";
}

// The width of `text` in 11 px Verdana, roughly: badges only need it to fit.
int TextWidth(std::string_view text) {
  int code_points = 0;
  for (char c : text) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return code_points * 7 + 10;
}

std::string Badge(std::string_view label, std::string_view message, std::string_view colour) {
  const int label_width = TextWidth(label);
  const int message_width = TextWidth(message);
  Data d;
  d.set("label", std::string(label));
  d.set("message", std::string(message));
  d.set("colour", std::string(colour));
  d.set("width", std::to_string(label_width + message_width));
  d.set("label_width", std::to_string(label_width));
  d.set("message_width", std::to_string(message_width));
  d.set("label_x", std::to_string(label_width / 2));
  d.set("message_x", std::to_string(label_width + message_width / 2));
  return base::StripControls(RenderTemplate("badge.svg.mustache", d));
}

std::string Stamp(base::Time t) {
  return date::format("%Y%m%dT%H%M%SZ", std::chrono::floor<std::chrono::seconds>(t));
}

// RFC 5545 3.3.11: backslash, semicolon, comma and newline escaped; controls dropped.
std::string EscapeText(std::string_view text) {
  std::string out;
  for (char c : base::StripControls(text)) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\r' || c == '\t') c = ' ';
    out += c;
  }
  return out;
}

// One content line, folded before 75 octets without splitting a UTF-8 sequence.
void AppendLine(std::string& out, std::string_view line) {
  size_t width = 0;
  for (size_t k = 0; k < line.size();) {
    size_t len = 1;
    while (k + len < line.size() && (static_cast<unsigned char>(line[k + len]) & 0xC0) == 0x80) {
      ++len;
    }
    if (width + len > kFoldOctets) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(k, len));
    width += len;
    k += len;
  }
  out += "\r\n";
}

std::string_view EventStatus(const model::Incident& m) {
  return m.status == model::IncidentStatus::kScheduled ? "TENTATIVE" : "CONFIRMED";
}

void AppendEvent(std::string& out, const service::PublicState& state, const comms::Reader& reader,
                 const model::Incident& m) {
  const std::string url = state.page.url + "/incidents/" + m.id;
  AppendLine(out, "BEGIN:VEVENT");
  AppendLine(out, "UID:" + m.id + "@phare." + state.page.id);
  AppendLine(out, "DTSTAMP:" + Stamp(m.updated_at));
  AppendLine(out, "LAST-MODIFIED:" + Stamp(m.updated_at));
  AppendLine(out, "DTSTART:" + Stamp(*m.scheduled_for));
  AppendLine(out, "DTEND:" + Stamp(std::max(*m.scheduled_until, *m.scheduled_for)));
  AppendLine(out, "SUMMARY:" + EscapeText(m.name));
  std::string description;
  if (!m.updates.empty())
    description = reader.Text(m.updates.front().body, m.scheduled_for) + "\n\n";
  AppendLine(out, "DESCRIPTION:" + EscapeText(description + url));
  AppendLine(out, "URL:" + EscapeText(url));
  AppendLine(out, "STATUS:" + std::string(EventStatus(m)));
  AppendLine(out, "TRANSP:TRANSPARENT");
  AppendLine(out, "END:VEVENT");
}

// Maintenance with a window that has not ended more than kCalendarPast ago, touching
// `component_id` when it is not empty.
std::vector<const model::Incident*> CalendarMaintenance(const service::PublicState& state,
                                                        std::string_view component_id) {
  std::vector<const model::Incident*> out;
  for (const auto& i : state.incidents) {
    if (i.kind != model::IncidentKind::kMaintenance || !i.scheduled_for || !i.scheduled_until) {
      continue;
    }
    if (*i.scheduled_until < state.now - kCalendarPast) continue;
    if (!component_id.empty() && std::find(i.component_ids.begin(), i.component_ids.end(),
                                           component_id) == i.component_ids.end()) {
      continue;
    }
    out.push_back(&i);
  }
  return out;
}

const model::Component* FindComponent(const service::PublicState& state, std::string_view id) {
  for (const auto& c : state.components) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace

std::string Calendar(const service::PublicState& state, const comms::Reader& reader,
                     const std::string& name,
                     const std::vector<const model::Incident*>& maintenance) {
  std::string out;
  AppendLine(out, "BEGIN:VCALENDAR");
  AppendLine(out, "VERSION:2.0");
  AppendLine(out, "PRODID:-//phare//status page " + EscapeText(state.page.id) + "//EN");
  AppendLine(out, "CALSCALE:GREGORIAN");
  AppendLine(out, "METHOD:PUBLISH");
  AppendLine(out, "X-WR-CALNAME:" + EscapeText(name));
  for (const auto* m : maintenance) AppendEvent(out, state, reader, *m);
  AppendLine(out, "END:VCALENDAR");
  return out;
}

std::vector<RenderedPage> RenderEmbeds(const service::PublicState& state,
                                       const SiteOptions& options) {
  auto view = PageView::Create(state, options, Defaults(state, options));
  if (!view) return {};
  const auto status = model::ComputePageStatus(state.components, state.incidents);
  const std::string title = view->reader.Say("ui.page_title", {{"page", state.page.name}});
  return {
      {"/badge.svg", std::string(kSvg),
       Badge(title, IndicatorLabel(view->reader, status.indicator), Colour(status.indicator))},
      {"/maintenance.ics", std::string(kCalendar),
       Calendar(state, view->reader, title, CalendarMaintenance(state, ""))},
      {"/widget.js", "text/javascript; charset=utf-8", std::string(EmbeddedFile("widget.js"))},
  };
}

std::optional<RenderedPage> RenderComponentEmbed(const service::PublicState& state,
                                                 const SiteOptions& options,
                                                 std::string_view path) {
  constexpr std::string_view kPrefix = "/components/";
  if (path.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  const std::string_view rest = path.substr(kPrefix.size());
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const model::Component* c = FindComponent(state, rest.substr(0, slash));
  const std::string_view file = rest.substr(slash + 1);
  if (c == nullptr || (file != "badge.svg" && file != "maintenance.ics")) return std::nullopt;
  auto view = PageView::Create(state, options, Defaults(state, options));
  if (!view) return std::nullopt;
  if (file == "badge.svg") {
    return RenderedPage{
        std::string(path), std::string(kSvg),
        Badge(view->Name(*c), StatusLabel(view->reader, c->status), Colour(c->status))};
  }
  return RenderedPage{std::string(path), std::string(kCalendar),
                      Calendar(state, view->reader, state.page.name + " — " + view->Name(*c),
                               CalendarMaintenance(state, c->id))};
}

}  // namespace phare::web
