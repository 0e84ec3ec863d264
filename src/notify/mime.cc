#include "notify/mime.h"

#include <algorithm>

#include "base/crypto.h"

namespace phare::notify {
namespace {

constexpr size_t kMaxEncodedLine = 76;
constexpr size_t kSoftLimit = 78;  // RFC 5322 2.1.1: SHOULD; 998 is the MUST
constexpr std::string_view kWordPrefix = "=?UTF-8?B?";
constexpr std::string_view kWordSuffix = "?=";
constexpr char kHex[] = "0123456789ABCDEF";

bool IsPlainAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return text.find("=?") == std::string_view::npos;
}

std::string CollapseBreaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_break = false;
  for (char c : text) {
    const bool is_break = c == '\r' || c == '\n' || c == '\t';
    if (is_break) {
      if (!in_break) out += ' ';
    } else {
      out += c;
    }
    in_break = is_break;
  }
  return out;
}

// Length of the UTF-8 sequence starting with `lead` (1 for stray bytes, which are
// then carried through as they are).
size_t Utf8Length(unsigned char lead) {
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  return 1;
}

// True when every word of `text` fits a folded line (a space, then the word): else only
// encoded-words, which may be split anywhere, keep the lines short.
bool FoldsAtSpaces(std::string_view text) {
  size_t word = 0;
  for (char c : text) {
    word = c == ' ' ? 0 : word + 1;
    if (word + 1 > kSoftLimit) return false;
  }
  return true;
}

// Folds printable ASCII at spaces so lines stay under 78 characters.
std::string FoldAscii(std::string_view text, size_t used) {
  std::string out;
  size_t line = used;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t next = text.find(' ', pos + 1);
    if (next == std::string_view::npos) next = text.size();
    std::string_view word = text.substr(pos, next - pos);
    if (line + word.size() > kSoftLimit && line > 1 && word.front() == ' ') {
      out += "\r\n";
      line = 0;
    }
    out += word;
    line += word.size();
    pos = next;
  }
  return out;
}

std::string EncodeWords(std::string_view text, size_t used) {
  const size_t overhead = kWordPrefix.size() + kWordSuffix.size();
  std::string out;
  size_t room = kMaxEncodedLine > used + overhead + 4 ? kMaxEncodedLine - used : overhead + 4;
  size_t pos = 0;
  while (pos < text.size()) {
    // Base64 turns 3 bytes into 4 characters: take whole characters that fit.
    const size_t max_bytes = std::max<size_t>(3, (room - overhead) / 4 * 3);
    size_t end = pos;
    while (end < text.size()) {
      const size_t len = std::min(Utf8Length(text[end]), text.size() - end);
      if (end + len - pos > max_bytes && end > pos) break;
      end += len;
    }
    if (!out.empty()) out += "\r\n ";
    out += kWordPrefix;
    out += base::Base64Encode(text.substr(pos, end - pos));
    out += kWordSuffix;
    pos = end;
    room = kMaxEncodedLine - 1;  // continuation lines start with one space
  }
  return out;
}

bool NeedsQuoting(std::string_view name) {
  constexpr std::string_view kSpecials = "()<>[]:;@\\,.\"";
  return name.find_first_of(kSpecials) != std::string_view::npos;
}

}  // namespace

std::string EncodeHeaderText(std::string_view text, size_t used) {
  const std::string clean = CollapseBreaks(text);
  if (IsPlainAscii(clean) && FoldsAtSpaces(clean)) return FoldAscii(clean, used);
  return EncodeWords(clean, used);
}

std::string FormatMailbox(std::string_view display_name, std::string_view addr, size_t used) {
  const std::string name = CollapseBreaks(display_name);
  if (name.empty()) return std::string(addr);
  std::string out;
  // A quoted or plain name is not folded: one too long for the line is encoded instead.
  if (!IsPlainAscii(name) || used + name.size() + 2 > kSoftLimit) {
    out = EncodeWords(name, used);
  } else if (NeedsQuoting(name)) {
    out += '"';
    for (char c : name) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  } else {
    out = name;
  }
  out += " <";
  out += addr;
  out += '>';
  return out;
}

std::string EncodeQuotedPrintable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t line = 0;
  auto emit = [&](std::string_view piece) {
    if (line + piece.size() > kMaxEncodedLine - 1) {  // keep room for the soft break '='
      out += "=\r\n";
      line = 0;
    }
    out += piece;
    line += piece.size();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c == '\n') {
      out += "\r\n";
      line = 0;
      continue;
    }
    const bool at_line_end = i + 1 == text.size() || text[i + 1] == '\n' ||
                             (text[i + 1] == '\r' && i + 2 < text.size() && text[i + 2] == '\n');
    const bool literal =
        (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_line_end);
    if (literal) {
      const char ch = static_cast<char>(c);
      emit(std::string_view(&ch, 1));
    } else {
      const char escaped[3] = {'=', kHex[c >> 4], kHex[c & 0xf]};
      emit(std::string_view(escaped, 3));
    }
  }
  return out;
}

std::string EncodeBase64Lines(std::string_view bytes) {
  const std::string flat = base::Base64Encode(bytes);
  std::string out;
  out.reserve(flat.size() + flat.size() / kMaxEncodedLine * 2 + 2);
  for (size_t pos = 0; pos < flat.size(); pos += kMaxEncodedLine) {
    out.append(flat, pos, kMaxEncodedLine);
    out += "\r\n";
  }
  return out;
}

bool PrefersBase64(std::string_view text) {
  const auto high = std::count_if(text.begin(), text.end(),
                                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  return static_cast<size_t>(high) * 3 > text.size();
}

}  // namespace phare::notify
