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

size_t FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    // Length, and the range of the second byte (RFC 3629 section 4).
    size_t n = 1;
    unsigned char low = 0x80, high = 0xBF;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (i + n > text.size()) return i;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < low || second > high) return i;
    for (size_t k = 2; k < n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return i;
    }
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace phare::base
