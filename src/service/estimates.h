// Restoration estimates kept current: recomputed inside the write transaction of every
// update and every progress sample of an open incident (src/eta does the maths), and
// cleared when the incident closes. Maintenance has its window instead.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eta/eta.h"
#include "model/incident.h"
#include "store/store.h"

namespace phare::service {

// Sets `incident.estimates` (scope "" first) from its progress samples, operator
// statements (plus `proposed`, one not stored yet: to tell an operator before they
// publish), promised next update and the page's past incidents. Returns the warnings
// for the operator (the data disagreeing with their stated estimate).
base::Result<std::vector<std::string>> RecomputeEstimates(
    store::Tx& tx, model::Incident& incident, base::Time now, const eta::EtaConfig& config,
    const std::optional<model::OperatorEstimate>& proposed = std::nullopt);

}  // namespace phare::service
