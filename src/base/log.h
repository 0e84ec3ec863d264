// Logging setup. Code logs through spdlog's default logger (`spdlog::info(...)`),
// which is thread-safe; this sets its level and format once at start-up.
#pragma once

#include <string_view>

#include "base/status.h"

namespace phare::base {

// level: trace, debug, info, warn, error, off. InvalidArgument on anything else.
Status SetupLogging(std::string_view level);

}  // namespace phare::base
