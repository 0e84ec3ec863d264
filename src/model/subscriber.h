// Subscribers: who is told about incidents, over which channel, in which language, zone
// and level of detail, about what (the whole page, some components, or one customer's
// own resources). And the states of a delivery: one message to one subscriber in the
// notification outbox. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "model/incident.h"
#include "model/inventory.h"  // kMaxCustomerIdBytes

namespace phare::model {

// The order matches notify::Channel, so the two convert by value.
enum class Channel : uint8_t { kEmail, kWebhook, kChat, kSms };
std::string_view ToString(Channel channel);  // "email", "webhook", "chat", "sms"
std::optional<Channel> ParseChannel(std::string_view text);

enum class SubscriberScope : uint8_t {
  kPage,        // every incident and maintenance
  kComponents,  // those that affect one of `component_ids`
  kCustomer,    // those that affect the resources of `customer_id` (inventory)
};
std::string_view ToString(SubscriberScope scope);  // "page", "components", "customer"
std::optional<SubscriberScope> ParseSubscriberScope(std::string_view text);

enum class SubscriberState : uint8_t {
  kPending,      // e-mail or SMS waiting for its confirmation (double opt-in)
  kActive,       // receives notifications
  kQuarantined,  // too many dead letters in a row; skipped until an operator retries
                 // (a webhook's contact e-mail is told once, see notify/dispatcher.h)
};
std::string_view ToString(SubscriberState state);  // "pending", "active", "quarantined"
std::optional<SubscriberState> ParseSubscriberState(std::string_view text);

struct Subscriber {
  int64_t key = 0;  // the store's row number: batches of a fan-out are ranges of keys
  std::string id;   // public id (Statuspage style, 12 characters)
  Channel channel = Channel::kEmail;
  std::string flavor;   // chat: "slack" or "mattermost"; empty for other channels
  std::string address;  // normalized e-mail, E.164 phone number, or webhook/chat URL
  std::string language = "en";
  std::string time_zone = "UTC";
  Audience audience = Audience::kGeneral;
  SubscriberScope scope = SubscriberScope::kPage;
  std::vector<std::string> component_ids;  // scope kComponents
  std::string customer_id;                 // scope kCustomer
  bool all_updates = true;  // false: only when an incident starts and ends (SMS default)
  SubscriberState state = SubscriberState::kPending;
  std::string confirm_hash;      // BLAKE2b of the confirmation token; empty once confirmed
  std::string unsubscribe_hash;  // BLAKE2b of the unsubscribe token
  std::string secret;            // webhook signing secret ("whsec_..."); empty otherwise
  // Webhook or chat: the normalized e-mail address told once when the endpoint keeps
  // failing (Statuspage's `email` beside `endpoint`); empty otherwise.
  std::string contact_email;
  base::Time created_at{};
  std::optional<base::Time> confirmed_at;
  std::optional<base::Time> quarantined_at;
  int32_t dead_letters = 0;  // consecutive dead letters; a delivery resets it
};

enum class DeliveryState : uint8_t {
  kPending,    // due at next_attempt_at (first attempt or a retry)
  kLeased,     // handed to a dispatcher until the lease expires
  kDelivered,  // the receiver accepted it
  kDead,       // failed for good (permanent error or attempts exhausted): a dead letter
  kSkipped,    // not sent: the subscriber left, or a newer update replaced it
};
inline constexpr size_t kDeliveryStateCount = 5;
std::string_view ToString(DeliveryState state);  // "pending", "leased", ...

// Limits on what subscribers may store.
inline constexpr size_t kMaxSubscriberComponents = 200;
inline constexpr size_t kMaxLanguageBytes = 16;
inline constexpr size_t kMaxTimeZoneBytes = 64;

}  // namespace phare::model
