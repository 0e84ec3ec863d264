// The page's overall status (Statuspage's `status` object): the worst of what the
// components show and what open incidents declare, or "maintenance" when nothing is
// wrong but maintenance is under way.
#pragma once

#include <string_view>
#include <vector>

#include "model/component.h"
#include "model/incident.h"

namespace phare::model {

enum class Indicator : uint8_t { kNone, kMinor, kMajor, kCritical, kMaintenance };

struct PageStatus {
  Indicator indicator = Indicator::kNone;
  std::string_view description;  // "All Systems Operational", ...
};

std::string_view ToString(Indicator indicator);

// components: every component (groups are ignored; their children count).
// incidents: any incidents; only open ones count.
PageStatus ComputePageStatus(const std::vector<Component>& components,
                             const std::vector<Incident>& incidents);

// The status a group shows: its worst child's (operational when it has none).
ComponentStatus GroupStatus(const std::vector<const Component*>& children);

}  // namespace phare::model
