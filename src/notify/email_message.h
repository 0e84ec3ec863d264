// Building one notification e-mail (RFC 5322 + MIME) as the exact bytes handed to the
// SMTP relay. What is shared by every reader of a variant (subject, text and HTML
// bodies) is EmailContent; what differs per delivery (recipient, Message-ID, the
// unsubscribe link) is EmailEnvelope. Pure functions, thread-safe.
//
// The message is multipart/alternative (text/plain then text/html; text only when the
// HTML is empty), UTF-8 bodies in quoted-printable (base64 for mostly non-Latin text),
// RFC 2047 headers, RFC 8058 one-click unsubscribe, Auto-Submitted: auto-generated, and
// a Message-ID derived from the delivery's idempotency key so a resent duplicate carries
// the same id.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/time.h"

namespace phare::notify {

inline constexpr size_t kMaxSubjectBytes = 1000;
inline constexpr size_t kMaxEmailBodyBytes = 1 << 20;  // each of text and HTML
inline constexpr size_t kMaxExtraHeaders = 16;

struct EmailContent {
  std::string subject;  // UTF-8; line breaks become spaces
  std::string text;     // UTF-8 plain text, required
  std::string html;     // UTF-8 HTML document or fragment; may be empty
};

struct EmailEnvelope {
  std::string from_name;  // UTF-8 display name, may be empty
  std::string from_addr;  // validated addresses (see address.h)
  std::string to_name;
  std::string to_addr;
  std::string reply_to;            // optional address
  std::string message_id;          // "<...@domain>", see MessageIdFor
  std::string thread_id;           // optional "<...@domain>": References/In-Reply-To, so the
                                   // updates of one incident thread together in mail clients
  base::Time date{};               // the Date header
  std::string unsubscribe_url;     // https one-click link, required (RFC 8058)
  std::string unsubscribe_mailto;  // optional "mailto:..." alternative
  // Extra headers, names "X-..." only, values printable ASCII (e.g. X-Phare-Incident).
  std::vector<std::pair<std::string, std::string>> extra_headers;
};

// The whole message with CRLF line ends, ready for SMTP DATA. InvalidArgument naming the
// field for: empty or non-ASCII addresses, a missing Message-ID or unsubscribe URL,
// header values with line breaks, oversize subject or bodies, bad extra headers.
base::Result<std::string> BuildEmail(const EmailEnvelope& envelope, const EmailContent& content);

// "<32 hex of BLAKE2b(key)@domain>": stable for one delivery's idempotency key, opaque,
// unique per key. `domain` is the page's host name ("status.example.com").
std::string MessageIdFor(std::string_view idempotency_key, std::string_view domain);

// RFC 5322 date in UTC: "Thu, 09 Nov 2017 06:21:00 +0000".
std::string FormatMailDate(base::Time t);

}  // namespace phare::notify
