// Internal to the post-mortem use cases: what drafting needs, gathered from the incident's
// record (comms::PostmortemState), and the customers each slice of the impact hit.
#pragma once

#include <vector>

#include "comms/postmortem_draft.h"
#include "model/component.h"
#include "model/incident.h"
#include "model/inventory.h"

namespace phare::service {

inline constexpr size_t kMaxTimelineNodes = 30;
inline constexpr size_t kMaxTimelineProgress = 12;

// `hit_counts`: ImpactCounts over the worst state the incident's reports reached (its
// customers_affected are the customers hit), empty without an inventory.
comms::PostmortemState PostmortemStateOf(const model::Incident& incident,
                                         const std::vector<model::Component>& components,
                                         const std::vector<model::NodeReport>& reports,
                                         const std::vector<model::ProgressSample>& progress,
                                         const std::vector<model::ImpactCount>& hit_counts,
                                         base::Time now, const model::PostmortemFacts& facts);

}  // namespace phare::service
