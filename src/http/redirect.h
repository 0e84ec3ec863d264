// Where a "return to" parameter may send a browser: a path on this site only. The
// text is first normalised as a browser's URL parser would (WHATWG URL: tabs and
// newlines removed, leading and trailing controls and spaces trimmed), then must parse
// (Boost.URL) as an origin-form target, "/path?query", that does not start with "//"
// or "/\" (which browsers read as another host). Pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace phare::http {

// The normalised same-origin path, or nullopt when `target` is not one (or is longer
// than `max_bytes`).
std::optional<std::string> SameOriginPath(std::string_view target, size_t max_bytes = 512);

}  // namespace phare::http
