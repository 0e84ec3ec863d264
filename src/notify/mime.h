// MIME encoders for outgoing mail: RFC 2047 encoded-words for header text, RFC 2045
// quoted-printable and base64 bodies. Encoders only (phare never parses mail); input
// is UTF-8, output is 7-bit ASCII with CRLF line ends. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace phare::notify {

// Header text (Subject, a display name) ready to follow "Name: ". Printable ASCII
// without "=?" is only folded at spaces; anything else becomes UTF-8 "B" encoded-words
// of at most 75 characters, each holding whole characters, folded with CRLF SP so no
// line exceeds 76 characters. `used` is how many characters the line already holds
// ("Subject: " is 9). Line breaks and tabs in `text` become single spaces.
std::string EncodeHeaderText(std::string_view text, size_t used);

// "Name <addr>" for a From/To header; the name is quoted or encoded as needed, and
// omitted when empty. `addr` must already be validated (see address.h).
std::string FormatMailbox(std::string_view display_name, std::string_view addr, size_t used);

// Quoted-printable body: LF or CRLF line ends become CRLF, lines are soft-broken at
// 76 characters, trailing spaces and every non-printable or non-ASCII byte escaped.
std::string EncodeQuotedPrintable(std::string_view text);

// Base64 body wrapped at 76 characters per line, CRLF line ends.
std::string EncodeBase64Lines(std::string_view bytes);

// True if more than a third of the bytes are non-ASCII: base64 is then smaller than
// quoted-printable (Cyrillic, Greek, CJK text).
bool PrefersBase64(std::string_view text);

}  // namespace phare::notify
