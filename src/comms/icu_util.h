// Small bridges between phare's UTF-8 strings and ICU, for comms' own .cc files only
// (it pulls in ICU headers). Stateless; thread-safe.
#pragma once

#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <string>
#include <string_view>

#include "base/status.h"

namespace phare::comms {

inline icu::UnicodeString ToUnicode(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

inline std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// Internal error naming `what` and ICU's error code.
inline base::Status IcuError(std::string_view what, UErrorCode code) {
  return base::Internal(std::string(what) + ": ICU error " + u_errorName(code));
}

}  // namespace phare::comms
