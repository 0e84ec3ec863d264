// SMS: length in the units the network bills (GSM 03.38 septets or UCS-2 code units),
// fitting a text into a number of segments, and the body POSTed to a configurable HTTP
// gateway, rendered from a mustache template. Pure functions and immutable values,
// thread-safe.
//
// GSM-7 holds the basic table (1 septet) and the extension table (^{}\[~]|€ and form
// feed, 2 septets); a text with any other character is sent as UCS-2. A single SMS holds
// 160 septets or 70 UCS-2 units; a multipart one 153 or 67 per segment (the rest is the
// concatenation header), and an escape pair or surrogate pair is never split.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace phare::notify {

enum class SmsEncoding { kGsm7, kUcs2 };
std::string_view ToString(SmsEncoding encoding);  // "gsm7", "ucs2"

struct SmsLength {
  SmsEncoding encoding = SmsEncoding::kGsm7;
  size_t units = 0;     // septets (GSM-7) or UTF-16 code units (UCS-2)
  size_t segments = 0;  // 0 for an empty text
};

// InvalidArgument if `utf8` is not valid UTF-8.
base::Result<SmsLength> MeasureSms(std::string_view utf8);

// `utf8` unchanged if it fits in `max_segments`; otherwise cut at a character (at a
// space when one is near the end) and ended with "..." (GSM-7) or "…" (UCS-2) so it
// fits. InvalidArgument on invalid UTF-8 or max_segments == 0.
base::Result<std::string> FitSms(std::string_view utf8, size_t max_segments);

inline constexpr size_t kMaxSmsSegments = 10;

struct SmsGatewayConfig {
  std::string url;  // the gateway's http(s) endpoint
  // Mustache template of the request body. Variables: to ("+33612345678"), to_digits
  // ("33612345678"), from, text, message_id, encoding, segments. Values are escaped
  // for the content type: JSON string escaping for application/json (so write
  // "text": "{{text}}"), percent-encoding for application/x-www-form-urlencoded.
  std::string body_template = R"({"to":"{{to}}","from":"{{from}}","text":"{{text}}"})";
  std::string content_type = "application/json";
  std::vector<std::string> headers;  // extra "Name: value" lines, e.g. authorization
  std::string from;                  // sender id or number
  size_t max_segments = 3;           // longer texts are cut (FitSms)
};

struct SmsMessage {
  std::string to;    // E.164, see NormalizePhoneNumber
  std::string text;  // UTF-8
  std::string message_id;
};

class SmsGateway {
 public:
  // Validates the URL (http/https, no credentials in it), headers, content type and
  // the template, which must render to valid JSON for a sample message when the
  // content type is JSON. InvalidArgument naming the setting otherwise.
  static base::Result<SmsGateway> Create(SmsGatewayConfig config);

  const SmsGatewayConfig& config() const { return config_; }

  // The request body for `message` (text fitted to max_segments first).
  // InvalidArgument if the text is not UTF-8 or the number is not E.164.
  base::Result<std::string> RenderBody(const SmsMessage& message) const;

 private:
  explicit SmsGateway(SmsGatewayConfig config) : config_(std::move(config)) {}
  SmsGatewayConfig config_;
};

}  // namespace phare::notify
