// What became of one message handed to the transport, and how a libcurl result maps
// to it. Values; ClassifyTransfer is a pure function.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/time.h"

namespace phare::notify {

enum class Channel : uint8_t { kEmail, kWebhook, kChat, kSms };
inline constexpr size_t kChannelCount = 4;
std::string_view ToString(Channel channel);  // "email", "webhook", "chat", "sms"

enum class DeliveryResult : uint8_t {
  kDelivered,  // the relay accepted the mail (250) / the receiver answered 2xx
  kRetryable,  // worth another attempt later: timeouts, refused connections, 4xx SMTP,
               // HTTP 408, 425, 429 and 5xx (see retry.h for when)
  kPermanent,  // another attempt would fail the same way: 5xx SMTP, other HTTP 4xx, a
               // redirect (never followed), a refused target address, a malformed request
};
std::string_view ToString(DeliveryResult result);  // "delivered", "retryable", "permanent"

struct Outcome {
  uint64_t tag = 0;  // the Request's tag: the caller's delivery id
  Channel channel = Channel::kEmail;
  DeliveryResult result = DeliveryResult::kPermanent;
  int code = 0;        // last SMTP reply code or HTTP status; 0 if none was received
  std::string reason;  // one line for operators: "HTTP 503: <first bytes of the body>"
  std::optional<base::Duration> retry_after;  // the receiver's Retry-After, if any
  base::Duration elapsed{};                   // from the start of the transfer
  std::string response_head;  // HTTP: the first bytes (up to 512) of the response body
  // With Request::keep_response: the whole body (up to 64 KB) and the headers asked for
  // that the response had, as (lower-case name, value).
  std::string response_body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// The verdict for a finished transfer: libcurl's result code `curl_code` (CURLcode),
// the last response code and, for HTTP, the first bytes of the response body.
struct Verdict {
  DeliveryResult result;
  std::string reason;
};
Verdict ClassifyTransfer(Channel channel, int curl_code, long response_code,
                         std::string_view curl_error, std::string_view response_head);

}  // namespace phare::notify
