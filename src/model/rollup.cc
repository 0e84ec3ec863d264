#include "model/rollup.h"

#include <algorithm>

namespace phare::model {
namespace {

Indicator FromImpact(Impact impact) {
  switch (impact) {
    case Impact::kNone:
      return Indicator::kNone;
    case Impact::kMinor:
      return Indicator::kMinor;
    case Impact::kMajor:
      return Indicator::kMajor;
    case Impact::kCritical:
      return Indicator::kCritical;
  }
  return Indicator::kNone;
}

// Components alone never claim "critical": one component fully down is a partial
// system outage; incidents declare anything worse.
Indicator FromComponent(ComponentStatus status) {
  switch (status) {
    case ComponentStatus::kMajorOutage:
      return Indicator::kMajor;
    case ComponentStatus::kPartialOutage:
    case ComponentStatus::kDegradedPerformance:
      return Indicator::kMinor;
    default:
      return Indicator::kNone;
  }
}

std::string_view Describe(Indicator indicator) {
  switch (indicator) {
    case Indicator::kNone:
      return "All Systems Operational";
    case Indicator::kMinor:
      return "Minor Service Outage";
    case Indicator::kMajor:
      return "Partial System Outage";
    case Indicator::kCritical:
      return "Major System Outage";
    case Indicator::kMaintenance:
      return "Service Under Maintenance";
  }
  return "All Systems Operational";
}

}  // namespace

std::string_view ToString(Indicator indicator) {
  switch (indicator) {
    case Indicator::kNone:
      return "none";
    case Indicator::kMinor:
      return "minor";
    case Indicator::kMajor:
      return "major";
    case Indicator::kCritical:
      return "critical";
    case Indicator::kMaintenance:
      return "maintenance";
  }
  return "none";
}

PageStatus ComputePageStatus(const std::vector<Component>& components,
                             const std::vector<Incident>& incidents) {
  Indicator worst = Indicator::kNone;
  bool maintenance = false;
  for (const Component& c : components) {
    if (c.group) continue;
    worst = std::max(worst, FromComponent(c.status));
    maintenance |= c.status == ComponentStatus::kUnderMaintenance;
  }
  for (const Incident& incident : incidents) {
    if (IsClosed(incident.status)) continue;
    if (incident.kind == IncidentKind::kMaintenance) {
      maintenance |= incident.status == IncidentStatus::kInProgress ||
                     incident.status == IncidentStatus::kVerifying;
      continue;
    }
    worst = std::max(worst, FromImpact(incident.impact));
  }
  if (worst == Indicator::kNone && maintenance) worst = Indicator::kMaintenance;
  return {worst, Describe(worst)};
}

ComponentStatus GroupStatus(const std::vector<const Component*>& children) {
  ComponentStatus worst = ComponentStatus::kOperational;
  for (const Component* child : children) {
    if (Severity(child->status) > Severity(worst)) worst = child->status;
  }
  return worst;
}

}  // namespace phare::model
