// The files of data/comms (message catalogs, checker rules), compiled into the binary
// (cmake/Embed.cmake) so that phare reads nothing from disk for them. Adding a language
// is adding data/comms/catalogs/<lang>.toml (and checker/<lang>.toml) and rebuilding.
// Static storage; thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "base/embedded.h"

namespace phare::comms {

// One data file: its path under data/comms ("catalogs/fr.toml") and its text.
using DataFile = base::DataFile;

// Every embedded file, sorted by name.
std::span<const DataFile> EmbeddedFiles();

}  // namespace phare::comms
