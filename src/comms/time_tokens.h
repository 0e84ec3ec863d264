// Times inside bodies, rendered per reader.
//
// A body is stored once per (audience, language) but read in many time zones, so the
// drafts do not write "14:30": they write a token, "{time:2017-11-09T13:30:00Z}", that
// each rendering replaces with the local time and zone of its reader (TimeFormatter).
// Operators may type tokens too, or plain times with their zone ("14:30 CET").
//
// ResolveTimes keeps a map from the resolved text back to the source, so the checker can
// point at offsets in the body the operator wrote. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "comms/time_format.h"

namespace phare::comms {

// "{time:2017-11-09T13:30:00Z}": the local time and zone (and the date when it is not the
// day of the update).
std::string TimeToken(base::Time t);
// "{date:2017-11-20T12:00:00Z}": the local date only.
std::string DateToken(base::Time t);

// A byte range [offset, offset + length) in a UTF-8 text.
struct Span {
  size_t offset = 0;
  size_t length = 0;
};

class ResolvedText {
 public:
  const std::string& text() const { return text_; }
  // Tokens that did not hold a valid RFC 3339 time (left as they were), in source offsets.
  const std::vector<Span>& invalid_tokens() const { return invalid_; }
  // The source span a span of text() comes from (a span inside a replaced token maps to
  // the whole token).
  Span ToSource(Span resolved) const;

 private:
  friend ResolvedText ResolveTimes(std::string_view, const TimeFormatter&,
                                   std::optional<base::Time>);
  struct Replacement {
    size_t source_begin, source_end, begin, end;  // end: in text()
  };
  size_t SourceOffset(size_t offset, bool is_end) const;

  std::string text_;
  std::vector<Replacement> replacements_;
  std::vector<Span> invalid_;
};

// Replaces every time token in `text` by `formatter.Format(t, reference)`: the time and
// zone, with the date when it is not the day of `reference` (the update's own time); and
// every date token by `formatter.FormatDate(t)`.
ResolvedText ResolveTimes(std::string_view text, const TimeFormatter& formatter,
                          std::optional<base::Time> reference);

}  // namespace phare::comms
