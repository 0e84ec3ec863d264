// Data files compiled into the binary (cmake/Embed.cmake), so that phare reads nothing
// from the source tree at run time. Each library that embeds files gets, in its own
// namespace, `std::span<const base::DataFile> EmbeddedFiles()` (sorted by name) and
// `std::string_view EmbeddedFile(std::string_view name)` (empty when absent). Static
// storage; thread-safe.
#pragma once

#include <string_view>

namespace phare::base {

struct DataFile {
  std::string_view name;  // relative to the embedding's base folder: "catalogs/fr.toml"
  std::string_view text;
};

}  // namespace phare::base
