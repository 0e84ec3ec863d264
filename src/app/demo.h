// `phare demo`: seeds a page modelled on the 9 November 2017 outages (components per
// product and site) and replays that day's timeline as incidents and updates on a
// simulated clock running `speed` times faster than real time, while serving.
#pragma once

#include <string>

#include "base/config.h"
#include "base/status.h"

namespace phare::app {

struct DemoOptions {
  double speed = 60;
  std::string start;  // RFC 3339; default: the script's start (06:20 UTC, 9 Nov 2017)
};

// Needs a database without components (a fresh one). Serves until SIGINT/SIGTERM.
base::Status RunDemo(const base::Config& config, const DemoOptions& options);

}  // namespace phare::app
