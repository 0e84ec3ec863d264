// The audiences phare writes for, and a body written for one audience in one language:
// what updates and post-mortems are made of. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace phare::model {

enum class Audience : uint8_t { kGeneral, kTechnical };
std::string_view ToString(Audience audience);  // incident.cc
std::optional<Audience> ParseAudience(std::string_view text);

// A body for one audience in one language (Markdown).
struct LocalizedBody {
  Audience audience = Audience::kTechnical;
  std::string language;  // BCP 47 primary tag: "en", "fr"
  std::string body;
};

}  // namespace phare::model
