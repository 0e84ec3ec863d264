// One rendering of an update for one kind of reader (channel, language, zone, audience):
// what a fan-out renders once and stores, and what the dispatcher turns into one
// message per subscriber by adding that subscriber's own parts (address, unsubscribe
// link, idempotency key). Values; Serialize/Parse are pure functions.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/subscriber.h"
#include "notify/webhook.h"

namespace phare::notify {

// Stands for the subscriber's own links inside rendered text; the dispatcher replaces it.
inline constexpr std::string_view kUnsubscribeMarker = "%%PHARE_UNSUBSCRIBE_URL%%";
inline constexpr std::string_view kConfirmMarker = "%%PHARE_CONFIRM_URL%%";

struct Variant {
  model::Channel channel = model::Channel::kEmail;
  // E-mail: subject, text and HTML; SMS: text; chat: text is the update's body.
  std::string subject;
  std::string text;
  std::string html;
  std::string thread_id;  // e-mail: "<incident-ID@host>" so updates thread together
  // Chat (notify/chat_message.h); the footer holds kUnsubscribeMarker.
  std::string flavor;
  std::string headline;
  std::string title;
  std::string link;
  std::string color;
  std::string footer;
  std::vector<std::pair<std::string, std::string>> fields;
  // Webhook: the page and the incident as /api/v2/incidents.json shows it, or for a
  // component's change the component as /api/v2/components.json shows it and the change.
  WebhookPage page;
  std::string incident_json;
  std::string component_json;
  ComponentChange component_change;

  std::string Serialize() const;  // JSON
  // InvalidArgument when `json` is not what Serialize writes.
  static base::Result<Variant> Parse(std::string_view json);
};

// Replaces every `marker` in `text` by `value`.
std::string ReplaceMarker(std::string_view text, std::string_view marker, std::string_view value);

}  // namespace phare::notify
