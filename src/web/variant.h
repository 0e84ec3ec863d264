// Which rendering of a page a reader gets: the page's path plus their language and time
// zone. The page's defaults keep the bare path as their key, so the common case (no
// preference sent) costs one lookup; other readings key as "/path\x1f<lang>\x1f<zone>".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace phare::web {

struct Reading {
  std::string language;  // a shipped language ("en", "fr")
  std::string zone;      // an IANA zone name
  friend bool operator==(const Reading&, const Reading&) = default;
};

std::string VariantKey(std::string_view path, const Reading& reading, const Reading& defaults);
// The path and reading of `key`; nullopt when it is not a variant key of this form.
std::optional<std::pair<std::string, Reading>> ParseVariantKey(std::string_view key,
                                                               const Reading& defaults);

// True for the paths of HTML pages (which are rendered per reading).
bool IsPagePath(std::string_view path);

}  // namespace phare::web
