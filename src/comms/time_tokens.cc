#include "comms/time_tokens.h"

#include <algorithm>

namespace phare::comms {
namespace {

constexpr std::string_view kTime = "{time:";
constexpr std::string_view kDate = "{date:";
constexpr size_t kPrefixBytes = 6;
constexpr size_t kMaxTokenBytes = 48;

std::string Token(std::string_view prefix, base::Time t) {
  return std::string(prefix) + base::Zone::Utc().Format(t, "%FT%TZ") + "}";
}

// The next "{time:" or "{date:" at or after `pos`.
size_t FindToken(std::string_view text, size_t pos) {
  return std::min(text.find(kTime, pos), text.find(kDate, pos));
}

}  // namespace

std::string TimeToken(base::Time t) { return Token(kTime, t); }
std::string DateToken(base::Time t) { return Token(kDate, t); }

size_t ResolvedText::SourceOffset(size_t offset, bool is_end) const {
  // The last replacement starting at or before `offset`.
  auto it = std::upper_bound(replacements_.begin(), replacements_.end(), offset,
                             [](size_t o, const Replacement& r) { return o < r.begin; });
  if (it == replacements_.begin()) return offset;
  const Replacement& r = *(it - 1);
  if (offset < r.end || (is_end && offset == r.end)) {
    return (is_end && offset > r.begin) ? r.source_end : r.source_begin;
  }
  return r.source_end + (offset - r.end);
}

Span ResolvedText::ToSource(Span resolved) const {
  const size_t begin = SourceOffset(resolved.offset, false);
  const size_t end = SourceOffset(resolved.offset + resolved.length, true);
  return {begin, end > begin ? end - begin : 0};
}

ResolvedText ResolveTimes(std::string_view text, const TimeFormatter& formatter,
                          std::optional<base::Time> reference) {
  ResolvedText out;
  out.text_.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = FindToken(text, pos);
    if (open == std::string_view::npos) break;
    const bool is_date = text.substr(open, kPrefixBytes) == kDate;
    if (open > 0 && text[open - 1] == '\\') {  // "\{time:...}" is literal text (EscapeMarkdown)
      out.text_.append(text.substr(pos, open + kPrefixBytes - pos));
      pos = open + kPrefixBytes;
      continue;
    }
    out.text_.append(text.substr(pos, open - pos));
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos || close - open > kMaxTokenBytes) {
      out.invalid_.push_back({open, kPrefixBytes});
      out.text_.append(text.substr(open, kPrefixBytes));
      pos = open + kPrefixBytes;
      continue;
    }
    const std::string_view iso = text.substr(open + kPrefixBytes, close - open - kPrefixBytes);
    const auto t = base::ParseTime(iso);
    if (!t.ok()) {
      out.invalid_.push_back({open, close + 1 - open});
      out.text_.append(text.substr(open, close + 1 - open));
    } else {
      const size_t begin = out.text_.size();
      out.text_.append(is_date ? formatter.FormatDate(*t) : formatter.Format(*t, reference));
      out.replacements_.push_back({open, close + 1, begin, out.text_.size()});
    }
    pos = close + 1;
  }
  if (pos < text.size()) out.text_.append(text.substr(pos));
  return out;
}

}  // namespace phare::comms
