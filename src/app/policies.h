// The service policies ([comms], [cadence], [eta] of the configuration), validated.
#pragma once

#include "base/config.h"
#include "service/policies.h"

namespace phare::app {

// InvalidArgument naming the configuration key when a value is not acceptable (an
// unknown checker rule, a language phare does not ship...).
base::Result<service::Policies> PoliciesFrom(const base::Config& config);
// The [sla.<name>] plans, validated (model::ValidatePlan); none: the built-in default.
base::Result<std::vector<model::SlaPlan>> SlaPlansFrom(
    const std::vector<base::SlaPlanConfig>& configured);

}  // namespace phare::app
