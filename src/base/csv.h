// CSV lines (RFC 4180 quoting, one record per line: quoted fields may not span lines),
// shared by the inventory's CSV reader and the Statuspage subscriber import.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace phare::base {

// Splits one CSV line into `out` (cleared first). Returns an error message, or "" when
// the line is well formed.
std::string SplitCsvLine(std::string_view line, std::vector<std::string>& out);

// `s` without leading and trailing spaces and tabs.
std::string_view TrimBlanks(std::string_view s);

}  // namespace phare::base
