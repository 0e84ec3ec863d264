// SmsGateway (declared in sms.h): the request body rendered from the operator's
// mustache template, with values escaped for the gateway's content type.
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <kainjow/mustache.hpp>

#include "base/json.h"
#include "notify/sms.h"
#include "notify/target.h"

namespace phare::notify {
namespace {

using base::InvalidArgument;

constexpr std::string_view kJson = "application/json";
constexpr std::string_view kForm = "application/x-www-form-urlencoded";
constexpr size_t kMaxTemplateBytes = 16 * 1024;

std::string JsonEscape(const std::string& value) {
  std::string quoted = boost::json::serialize(boost::json::string(value));
  return quoted.substr(1, quoted.size() - 2);
}

std::string FormEscape(const std::string& value) {
  return boost::urls::encode(value, boost::urls::unreserved_chars);
}

bool IsE164(std::string_view number) {
  if (number.size() < 8 || number.size() > 16 || number[0] != '+' || number[1] == '0') {
    return false;
  }
  return std::all_of(number.begin() + 1, number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

base::Status CheckHeader(const std::string& line) {
  const size_t colon = line.find(':');
  const bool printable = std::all_of(line.begin(), line.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f;
  });
  if (colon == std::string::npos || colon == 0 || !printable || line.find(' ') < colon) {
    return InvalidArgument("must be \"Name: value\" lines of printable ASCII", "sms.headers");
  }
  return base::Status::Ok();
}

std::string Render(const SmsGatewayConfig& config, const SmsMessage& message,
                   const SmsLength& length) {
  kainjow::mustache::mustache tmpl(config.body_template);
  if (config.content_type == kForm) {
    tmpl.set_custom_escape(FormEscape);
  } else {
    tmpl.set_custom_escape(JsonEscape);
  }
  kainjow::mustache::data data;
  data.set("to", message.to);
  data.set("to_digits", message.to.substr(1));
  data.set("from", config.from);
  data.set("text", message.text);
  data.set("message_id", message.message_id);
  data.set("encoding", std::string(ToString(length.encoding)));
  data.set("segments", std::to_string(length.segments));
  return tmpl.render(data);
}

}  // namespace

base::Result<SmsGateway> SmsGateway::Create(SmsGatewayConfig config) {
  auto url = ValidateTargetUrl(config.url, /*allow_private_targets=*/true);
  if (!url.ok()) return InvalidArgument(url.status().message(), "sms.url");
  config.url = url->url;
  if (config.content_type != kJson && config.content_type != kForm) {
    return InvalidArgument("must be application/json or application/x-www-form-urlencoded",
                           "sms.content_type");
  }
  for (const auto& header : config.headers) PHARE_RETURN_IF_ERROR(CheckHeader(header));
  if (config.max_segments == 0 || config.max_segments > kMaxSmsSegments) {
    return InvalidArgument("must be between 1 and 10", "sms.max_segments");
  }
  if (config.body_template.empty() || config.body_template.size() > kMaxTemplateBytes) {
    return InvalidArgument("must hold between 1 and 16384 bytes", "sms.body_template");
  }
  kainjow::mustache::mustache tmpl(config.body_template);
  if (!tmpl.is_valid()) {
    return InvalidArgument("is not a valid mustache template: " + tmpl.error_message(),
                           "sms.body_template");
  }
  if (config.content_type == kJson) {
    const SmsMessage sample{"+33612345678", "Test \"quoted\" «texte» \\ 100%", "sample"};
    const std::string body = Render(config, sample, SmsLength{SmsEncoding::kUcs2, 28, 1});
    auto parsed = base::ParseJson(body);
    if (!parsed.ok()) {
      return InvalidArgument("does not render valid JSON: " + parsed.status().message(),
                             "sms.body_template");
    }
  }
  return SmsGateway(std::move(config));
}

base::Result<std::string> SmsGateway::RenderBody(const SmsMessage& message) const {
  if (!IsE164(message.to)) return InvalidArgument("must be an E.164 number", "to");
  PHARE_ASSIGN_OR_RETURN(std::string text, FitSms(message.text, config_.max_segments));
  PHARE_ASSIGN_OR_RETURN(SmsLength length, MeasureSms(text));
  SmsMessage fitted = message;
  fitted.text = std::move(text);
  return Render(config_, fitted, length);
}

}  // namespace phare::notify
