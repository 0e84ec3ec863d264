// Fuzz target: a configuration file (docs/configuration.md) as `--config` reads it:
// TOML parsed by toml++ and every section read over the defaults, with every key
// validated. Errors are expected; crashes, hangs and leaks are findings.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  phare::base::Config config;
  (void)phare::base::LoadConfigText(text, "fuzz.toml", config);
  (void)phare::base::ParseHostPort(text);
  return 0;
}
