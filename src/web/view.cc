#include "web/view.h"

namespace phare::web {

std::string StatusLabel(const comms::Reader& reader, model::ComponentStatus status) {
  return reader.Say("status.component." + std::string(model::ToString(status)));
}

std::string StatusLabel(const comms::Reader& reader, model::IncidentStatus status) {
  return reader.Say("status.incident." + std::string(model::ToString(status)));
}

std::string IndicatorLabel(const comms::Reader& reader, model::Indicator indicator) {
  return reader.Say("indicator." + std::string(model::ToString(indicator)));
}

std::string_view ImpactClass(const model::Incident& i) {
  if (i.kind == model::IncidentKind::kMaintenance && !i.impact_override) return "maintenance";
  return model::ToString(i.impact);
}

std::string ImpactLabel(const comms::Reader& reader, const model::Incident& i) {
  return reader.Say("ui.impact_label", {{"impact", std::string(ImpactClass(i))}});
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

std::string When(const comms::Reader& reader, base::Time t, base::Time now) {
  return reader.times().Format(t, now);
}

std::string Window(const comms::Reader& reader, base::Time from, base::Time until, base::Time now) {
  return reader.Say("ui.scheduled_window", {{"from", reader.times().Format(from, now)},
                                            {"to", reader.times().Format(until, from)}});
}

}  // namespace phare::web
