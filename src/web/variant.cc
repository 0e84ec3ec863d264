#include "web/variant.h"

namespace phare::web {

namespace {
constexpr char kSeparator = '\x1f';
}

std::string VariantKey(std::string_view path, const Reading& reading, const Reading& defaults) {
  std::string key(path);
  if (reading == defaults) return key;
  key += kSeparator;
  key += reading.language;
  key += kSeparator;
  key += reading.zone;
  return key;
}

std::optional<std::pair<std::string, Reading>> ParseVariantKey(std::string_view key,
                                                               const Reading& defaults) {
  const auto first = key.find(kSeparator);
  if (first == std::string_view::npos) return std::make_pair(std::string(key), defaults);
  const auto second = key.find(kSeparator, first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  Reading reading{std::string(key.substr(first + 1, second - first - 1)),
                  std::string(key.substr(second + 1))};
  return std::make_pair(std::string(key.substr(0, first)), std::move(reading));
}

bool IsPagePath(std::string_view path) {
  return path == "/" || path == "/history" || path.rfind("/history?", 0) == 0 ||
         path.rfind("/incidents/", 0) == 0;
}

}  // namespace phare::web
