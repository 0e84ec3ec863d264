#include "web/view.h"

namespace phare::web {

std::string_view Label(model::ComponentStatus status) {
  switch (status) {
    case model::ComponentStatus::kOperational:
      return "Operational";
    case model::ComponentStatus::kDegradedPerformance:
      return "Degraded performance";
    case model::ComponentStatus::kPartialOutage:
      return "Partial outage";
    case model::ComponentStatus::kMajorOutage:
      return "Major outage";
    case model::ComponentStatus::kUnderMaintenance:
      return "Under maintenance";
  }
  return "Operational";
}

std::string_view Label(model::IncidentStatus status) {
  switch (status) {
    case model::IncidentStatus::kInvestigating:
      return "Investigating";
    case model::IncidentStatus::kIdentified:
      return "Identified";
    case model::IncidentStatus::kMonitoring:
      return "Monitoring";
    case model::IncidentStatus::kResolved:
      return "Resolved";
    case model::IncidentStatus::kPostmortem:
      return "Post-mortem";
    case model::IncidentStatus::kScheduled:
      return "Scheduled";
    case model::IncidentStatus::kInProgress:
      return "In progress";
    case model::IncidentStatus::kVerifying:
      return "Verifying";
    case model::IncidentStatus::kCompleted:
      return "Completed";
  }
  return "";
}

std::string_view ImpactClass(const model::Incident& i) {
  if (i.kind == model::IncidentKind::kMaintenance && !i.impact_override) return "maintenance";
  return model::ToString(i.impact);
}

std::string_view ImpactLabel(const model::Incident& i) {
  if (i.kind == model::IncidentKind::kMaintenance && !i.impact_override) {
    return "Scheduled maintenance";
  }
  switch (i.impact) {
    case model::Impact::kNone:
      return "No impact";
    case model::Impact::kMinor:
      return "Minor impact";
    case model::Impact::kMajor:
      return "Major impact";
    case model::Impact::kCritical:
      return "Critical impact";
  }
  return "";
}

std::string_view Icon(model::ComponentStatus status) {
  switch (status) {
    case model::ComponentStatus::kOperational:
      return "✓";
    case model::ComponentStatus::kDegradedPerformance:
      return "▲";
    case model::ComponentStatus::kPartialOutage:
      return "◆";
    case model::ComponentStatus::kMajorOutage:
      return "✕";
    case model::ComponentStatus::kUnderMaintenance:
      return "⚙";
  }
  return "";
}

std::string_view Icon(model::Indicator indicator) {
  switch (indicator) {
    case model::Indicator::kNone:
      return "✓";
    case model::Indicator::kMinor:
      return "▲";
    case model::Indicator::kMajor:
      return "◆";
    case model::Indicator::kCritical:
      return "✕";
    case model::Indicator::kMaintenance:
      return "⚙";
  }
  return "";
}

namespace {
std::string Day(const base::Zone& zone, base::Time t) {
  std::string s = zone.Format(t, "%d %b %Y");
  if (!s.empty() && s[0] == '0') s.erase(0, 1);
  return s;
}
}  // namespace

std::string FormatWhen(const base::Zone& zone, base::Time t) {
  return Day(zone, t) + ", " + zone.Format(t, "%H:%M %Z");
}

std::string FormatWindow(const base::Zone& zone, base::Time from, base::Time until) {
  std::string out = Day(zone, from) + ", " + zone.Format(from, "%H:%M");
  out += " – ";
  if (Day(zone, until) != Day(zone, from)) out += Day(zone, until) + ", ";
  out += zone.Format(until, "%H:%M %Z");
  return out;
}

std::vector<std::string> Paragraphs(std::string_view body) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  };
  while (!body.empty()) {
    const auto nl = body.find('\n');
    std::string_view line = body.substr(0, nl);
    body = nl == std::string_view::npos ? std::string_view() : body.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    if (!current.empty()) current += ' ';
    current += line;
  }
  flush();
  return out;
}

}  // namespace phare::web
