// The files of data/comms (message catalogs, checker rules), compiled into the binary by
// src/comms/embed_data.cmake so that phare reads nothing from disk for them. Adding a
// language is adding data/comms/catalogs/<lang>.toml (and checker/<lang>.toml) and
// rebuilding. Static storage; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace phare::comms {

// One data file: its path under data/comms ("catalogs/fr.toml") and its text.
struct DataFile {
  std::string_view name;
  std::string_view text;
};

// Every embedded file, sorted by name.
std::span<const DataFile> EmbeddedDataFiles();

}  // namespace phare::comms
