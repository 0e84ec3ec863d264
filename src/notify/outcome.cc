#include "notify/outcome.h"

#include <curl/curl.h>

namespace phare::notify {
namespace {

constexpr size_t kReasonBodyBytes = 120;

// Printable prefix of a response body, for the reason line.
std::string Excerpt(std::string_view body) {
  std::string out;
  for (char c : body.substr(0, kReasonBodyBytes)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? ' ' : c;
  }
  return out;
}

bool IsPermanentCurlError(int code) {
  switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_NOT_BUILT_IN:
    case CURLE_TOO_MANY_REDIRECTS:
      return true;
    default:
      return false;
  }
}

Verdict ClassifyHttp(long status, std::string_view head) {
  const std::string what = "HTTP " + std::to_string(status);
  const std::string detail = head.empty() ? what : what + ": " + Excerpt(head);
  if (status >= 200 && status < 300) return {DeliveryResult::kDelivered, what};
  if (status >= 300 && status < 400) {
    return {DeliveryResult::kPermanent, what + ": redirects are not followed"};
  }
  if (status == 408 || status == 425 || status == 429 || status >= 500 || status < 200) {
    return {DeliveryResult::kRetryable, detail};
  }
  return {DeliveryResult::kPermanent, detail};
}

}  // namespace

std::string_view ToString(Channel channel) {
  switch (channel) {
    case Channel::kEmail:
      return "email";
    case Channel::kWebhook:
      return "webhook";
    case Channel::kChat:
      return "chat";
    case Channel::kSms:
      return "sms";
  }
  return "email";
}

std::string_view ToString(DeliveryResult result) {
  switch (result) {
    case DeliveryResult::kDelivered:
      return "delivered";
    case DeliveryResult::kRetryable:
      return "retryable";
    case DeliveryResult::kPermanent:
      return "permanent";
  }
  return "permanent";
}

Verdict ClassifyTransfer(Channel channel, int curl_code, long response_code,
                         std::string_view curl_error, std::string_view response_head) {
  const std::string error = curl_error.empty()
                                ? curl_easy_strerror(static_cast<CURLcode>(curl_code))
                                : std::string(curl_error);
  if (channel == Channel::kEmail) {
    if (curl_code == CURLE_OK)
      return {DeliveryResult::kDelivered, "SMTP " + std::to_string(response_code)};
    if (response_code >= 500 && response_code < 600) {
      return {DeliveryResult::kPermanent, "SMTP " + std::to_string(response_code) + ": " + error};
    }
    if (IsPermanentCurlError(curl_code)) return {DeliveryResult::kPermanent, error};
    return {DeliveryResult::kRetryable, error};
  }
  // HTTP: a body we stopped reading (CURLE_WRITE_ERROR) still has its status.
  if ((curl_code == CURLE_OK || curl_code == CURLE_WRITE_ERROR) && response_code > 0) {
    return ClassifyHttp(response_code, response_head);
  }
  if (IsPermanentCurlError(curl_code)) return {DeliveryResult::kPermanent, error};
  return {DeliveryResult::kRetryable, error};
}

}  // namespace phare::notify
