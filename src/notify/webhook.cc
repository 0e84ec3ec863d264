#include "notify/webhook.h"

#include <sodium.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>

#include "base/crypto.h"
#include "base/json.h"

namespace phare::notify {
namespace {

using base::InvalidArgument;

constexpr std::string_view kSecretPrefix = "whsec_";

base::Status CheckObject(std::string_view json, std::string_view field) {
  if (json.size() > kMaxWebhookObjectBytes) {
    return InvalidArgument("is larger than 1 MiB", std::string(field));
  }
  auto parsed = base::ParseJson(json, 64);
  if (!parsed.ok()) return InvalidArgument(parsed.status().message(), std::string(field));
  if (!parsed->is_object()) return InvalidArgument("must be a JSON object", std::string(field));
  return base::Status::Ok();
}

std::string PageJson(const WebhookPage& page) {
  return boost::json::serialize(boost::json::object{
      {"id", page.id},
      {"status_indicator", page.status_indicator},
      {"status_description", page.status_description},
  });
}

int64_t UnixSeconds(base::Time t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

base::Result<WebhookPayload> WebhookPayload::ForIncident(const WebhookPage& page,
                                                         std::string_view incident_json) {
  PHARE_RETURN_IF_ERROR(CheckObject(incident_json, "incident"));
  std::string tail = ",\"page\":" + PageJson(page) + ",\"incident\":";
  tail += incident_json;
  tail += '}';
  return WebhookPayload(std::move(tail));
}

base::Result<WebhookPayload> WebhookPayload::ForComponentUpdate(const WebhookPage& page,
                                                                std::string_view component_json,
                                                                const ComponentChange& change) {
  PHARE_RETURN_IF_ERROR(CheckObject(component_json, "component"));
  const boost::json::object update{
      {"old_status", change.old_status},
      {"new_status", change.new_status},
      {"created_at", base::FormatUtc(change.created_at)},
      {"component_type", "Component"},
      {"id", change.id},
      {"component_id", change.component_id},
  };
  std::string tail = ",\"page\":" + PageJson(page) + ",\"component\":";
  tail += component_json;
  tail += ",\"component_update\":" + boost::json::serialize(update) + "}";
  return WebhookPayload(std::move(tail));
}

std::string WebhookPayload::Render(const WebhookMeta& meta) const {
  const boost::json::object object{
      {"unsubscribe", meta.unsubscribe},
      {"documentation", meta.documentation},
      {"generated_at", base::FormatUtc(meta.generated_at)},
  };
  std::string out = "{\"meta\":" + boost::json::serialize(object);
  out += tail_;
  return out;
}

std::string NewWebhookSecret(base::Random& random) {
  std::string key(32, '\0');
  random.Fill(key.data(), key.size());
  return std::string(kSecretPrefix) + base::Base64Encode(key);
}

base::Result<std::string> DecodeWebhookSecret(std::string_view secret) {
  if (secret.substr(0, kSecretPrefix.size()) == kSecretPrefix) {
    secret.remove_prefix(kSecretPrefix.size());
  }
  std::string key(secret.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), secret.data(),
                        secret.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return InvalidArgument("must be whsec_ followed by base64", "secret");
  }
  if (len < 16 || len > 64) {
    return InvalidArgument("must hold between 16 and 64 bytes", "secret");
  }
  key.resize(len);
  return key;
}

std::string WebhookIdFor(std::string_view idempotency_key) {
  static constexpr char kBase32[] = "abcdefghijklmnopqrstuvwxyz234567";
  const std::string digest = base::Blake2b256(idempotency_key);
  std::string out = "msg_";
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < digest.size() && out.size() < 30; ++i) {
    buffer = (buffer << 8) | static_cast<unsigned char>(digest[i]);
    bits += 8;
    while (bits >= 5 && out.size() < 30) {
      out += kBase32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

WebhookSignature SignWebhook(std::string_view key, std::string_view webhook_id, base::Time now,
                             std::string_view body) {
  WebhookSignature out;
  out.id = std::string(webhook_id);
  out.timestamp = std::to_string(UnixSeconds(now));
  std::string signed_content;
  signed_content.reserve(out.id.size() + out.timestamp.size() + body.size() + 2);
  signed_content += out.id;
  signed_content += '.';
  signed_content += out.timestamp;
  signed_content += '.';
  signed_content += body;
  out.signature = "v1," + base::Base64Encode(base::HmacSha256(key, signed_content));
  return out;
}

base::Status VerifyWebhook(std::string_view key, const WebhookSignature& received,
                           std::string_view body, base::Time now, base::Duration tolerance) {
  int64_t timestamp = 0;
  const auto* end = received.timestamp.data() + received.timestamp.size();
  if (std::from_chars(received.timestamp.data(), end, timestamp).ptr != end) {
    return InvalidArgument("is not a number", "webhook-timestamp");
  }
  // Seconds from 1970 to 9999: what Time holds without overflow, milliseconds included.
  constexpr int64_t kLastSecond = 253402300799;  // 9999-12-31T23:59:59Z
  if (timestamp < 0 || timestamp > kLastSecond) {
    return InvalidArgument("is out of range", "webhook-timestamp");
  }
  if (tolerance.count() > 0) {
    const int64_t skew = UnixSeconds(now) - timestamp;
    const int64_t limit = std::chrono::duration_cast<std::chrono::seconds>(tolerance).count();
    if (skew > limit || skew < -limit) {
      return InvalidArgument("is too far from now", "webhook-timestamp");
    }
  }
  const std::string expected =
      SignWebhook(key, received.id, base::FromMillis(timestamp * 1000), body).signature;
  std::string_view list = received.signature;
  while (!list.empty()) {
    const size_t space = list.find(' ');
    const std::string_view candidate = list.substr(0, space);
    if (base::ConstantTimeEqual(candidate, expected)) return base::Status::Ok();
    if (space == std::string_view::npos) break;
    list.remove_prefix(space + 1);
  }
  return InvalidArgument("does not match", "webhook-signature");
}

}  // namespace phare::notify
