// Webhook payloads in Statuspage's shape, signed per the Standard Webhooks scheme
// (https://www.standardwebhooks.com): existing Statuspage bridges read them unchanged
// and receivers verify them with any Standard Webhooks library.
//
// A WebhookPayload is prepared once per (update, variant) from the incident or
// component JSON that the public v2 API renders, and rendered per subscriber with that
// subscriber's `meta` (unsubscribe link). Values, thread-safe once built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/random.h"
#include "base/status.h"
#include "base/time.h"

namespace phare::notify {

inline constexpr size_t kMaxWebhookObjectBytes = 1 << 20;

struct WebhookPage {
  std::string id;
  std::string status_indicator;    // none | minor | major | critical | maintenance
  std::string status_description;  // "Partial System Outage"
};

struct WebhookMeta {
  std::string unsubscribe;    // this subscriber's unsubscribe URL
  std::string documentation;  // where the payload is documented
  base::Time generated_at{};
};

struct ComponentChange {
  std::string id;  // the component update's id
  std::string component_id;
  std::string old_status;
  std::string new_status;
  base::Time created_at{};
};

class WebhookPayload {
 public:
  // {"meta", "page", "incident": <incident_json>}. InvalidArgument if `incident_json`
  // is not one JSON object of at most kMaxWebhookObjectBytes.
  static base::Result<WebhookPayload> ForIncident(const WebhookPage& page,
                                                  std::string_view incident_json);
  // {"meta", "page", "component": <component_json>, "component_update": {...}}.
  static base::Result<WebhookPayload> ForComponentUpdate(const WebhookPage& page,
                                                         std::string_view component_json,
                                                         const ComponentChange& change);

  // The JSON body for one subscriber (keys in Statuspage's order: meta first).
  std::string Render(const WebhookMeta& meta) const;

 private:
  explicit WebhookPayload(std::string tail) : tail_(std::move(tail)) {}
  std::string tail_;  // everything after the meta object, closing brace included
};

// The three Standard Webhooks headers of one attempt.
struct WebhookSignature {
  std::string id;         // webhook-id: the same on every attempt of one delivery
  std::string timestamp;  // webhook-timestamp: Unix seconds of this attempt
  std::string signature;  // webhook-signature: "v1,<base64 HMAC-SHA256>"
};

// A new subscriber secret: "whsec_" + base64 of 32 random bytes.
std::string NewWebhookSecret(base::Random& random);
// The HMAC key inside a "whsec_<base64>" secret (a bare base64 string is accepted too).
// InvalidArgument if it is not valid base64 or decodes to fewer than 16 or more than 64
// bytes.
base::Result<std::string> DecodeWebhookSecret(std::string_view secret);
// "msg_" + 26 base32 characters derived from the delivery's idempotency key.
std::string WebhookIdFor(std::string_view idempotency_key);

// Signs `body` for sending at `now` with the decoded `key`.
WebhookSignature SignWebhook(std::string_view key, std::string_view webhook_id, base::Time now,
                             std::string_view body);

// What a receiver does: InvalidArgument unless one of the space-separated "v1,..."
// signatures matches and the timestamp is within `tolerance` of `now` (tolerance 0
// skips the time check). Used by tests and shown in docs/notifications.md.
base::Status VerifyWebhook(std::string_view key, const WebhookSignature& received,
                           std::string_view body, base::Time now, base::Duration tolerance);

}  // namespace phare::notify
