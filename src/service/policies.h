// The page's communication and estimation policies, from the configuration file
// ([comms], [cadence], [eta]): how bodies are checked before publishing, how often
// open incidents promise an update, how estimates are computed. Plain values.
#pragma once

#include <string>
#include <vector>

#include "comms/cadence.h"
#include "comms/checker.h"
#include "eta/eta.h"
#include "model/incident.h"
#include "model/sla.h"

namespace phare::service {

struct Policies {
  // The audience and language of Statuspage's `body` field.
  std::string default_language = "en";
  model::Audience default_audience = model::Audience::kTechnical;
  comms::CheckerConfig checker;
  comms::CadencePolicy cadence;
  eta::EtaConfig eta;
  // Service credits ([sla.<name>]; model/sla.h): never empty once built from a config.
  std::vector<model::SlaPlan> sla_plans = {model::DefaultSlaPlan()};
};

}  // namespace phare::service
