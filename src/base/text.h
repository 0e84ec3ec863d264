// Characters that are not text. C0 control characters other than tab, line feed and
// carriage return (U+0000 to U+001F), and the noncharacters U+FFFE and U+FFFF, cannot
// appear in XML 1.0 (Atom, RSS) nor mean anything on a page: input refuses them and
// output drops them. Pure functions over UTF-8 (other bytes pass through unchanged).
#pragma once

#include <string>
#include <string_view>

namespace phare::base {

// The byte offset of the first such character in `utf8`, or std::string_view::npos.
size_t FindControl(std::string_view utf8);
// "U+000B at byte 3" for the character FindControl found at `at`.
std::string DescribeControl(std::string_view utf8, size_t at);
// `utf8` without them.
std::string StripControls(std::string_view utf8);

// The byte offset where `text` stops being well-formed UTF-8 (RFC 3629: no overlong
// forms, surrogates or code points past U+10FFFF), or std::string_view::npos. For input
// that no JSON parser has checked (CSV).
size_t FindInvalidUtf8(std::string_view text);

}  // namespace phare::base
