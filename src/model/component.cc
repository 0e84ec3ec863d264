#include "model/component.h"

#include "model/enum_names.h"

namespace phare::model {
namespace {

constexpr Names<ComponentStatus, 5> kNames{{
    {ComponentStatus::kOperational, "operational"},
    {ComponentStatus::kDegradedPerformance, "degraded_performance"},
    {ComponentStatus::kPartialOutage, "partial_outage"},
    {ComponentStatus::kMajorOutage, "major_outage"},
    {ComponentStatus::kUnderMaintenance, "under_maintenance"},
}};

}  // namespace

std::string_view ToString(ComponentStatus status) { return NameOf(kNames, status); }

std::optional<ComponentStatus> ParseComponentStatus(std::string_view text) {
  return ValueOf(kNames, text);
}

std::string_view ComponentStatusNames() {
  return "operational, degraded_performance, partial_outage, major_outage, under_maintenance";
}

int Severity(ComponentStatus status) {
  switch (status) {
    case ComponentStatus::kOperational:
      return 0;
    case ComponentStatus::kUnderMaintenance:
      return 1;
    case ComponentStatus::kDegradedPerformance:
      return 2;
    case ComponentStatus::kPartialOutage:
      return 3;
    case ComponentStatus::kMajorOutage:
      return 4;
  }
  return 0;
}

}  // namespace phare::model
