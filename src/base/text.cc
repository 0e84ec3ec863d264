#include "base/text.h"

#include <cstdio>

namespace phare::base {
namespace {

bool IsControlByte(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

// The length of U+FFFE or U+FFFF (EF BF BE, EF BF BF) at `utf8[i]`: 3, else 0.
size_t NoncharacterAt(std::string_view utf8, size_t i) {
  if (i + 2 >= utf8.size() || static_cast<unsigned char>(utf8[i]) != 0xEF ||
      static_cast<unsigned char>(utf8[i + 1]) != 0xBF) {
    return 0;
  }
  const auto last = static_cast<unsigned char>(utf8[i + 2]);
  return last == 0xBE || last == 0xBF ? 3 : 0;
}

}  // namespace

size_t FindControl(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size(); ++i) {
    if (IsControlByte(static_cast<unsigned char>(utf8[i])) || NoncharacterAt(utf8, i)) return i;
  }
  return std::string_view::npos;
}

std::string DescribeControl(std::string_view utf8, size_t at) {
  unsigned code = static_cast<unsigned char>(utf8[at]);
  if (NoncharacterAt(utf8, at))
    code = static_cast<unsigned char>(utf8[at + 2]) == 0xBE ? 0xFFFE : 0xFFFF;
  char text[16];
  std::snprintf(text, sizeof(text), "U+%04X", code);
  return std::string(text) + " at byte " + std::to_string(at);
}

std::string StripControls(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size(); ++i) {
    if (IsControlByte(static_cast<unsigned char>(utf8[i]))) continue;
    if (const size_t n = NoncharacterAt(utf8, i)) {
      i += n - 1;
      continue;
    }
    out += utf8[i];
  }
  return out;
}

}  // namespace phare::base
