// Notifications as the use cases see them: the fan-out job queued with each published
// update (in the update's own transaction, so a notification is never lost nor sent
// for an update that was rolled back), and the tokens in subscribers' links.
//
// Tokens are derived, not stored: HMAC-SHA256 under a key kept in the store (created on
// first use) of the token's purpose, the subscriber's id and creation time. So a message
// can be rebuilt at any time (after a crash, for a retry) without keeping tokens, while
// the store keeps only their BLAKE2b hashes to find the subscriber a link names.
// Thread-safe once loaded (immutable).
#pragma once

#include <string>
#include <string_view>

#include "base/random.h"
#include "model/incident.h"
#include "model/subscriber.h"
#include "store/store.h"

namespace phare::service {

// Whether `update` (just written) should reach subscribers: it asks for it
// (deliver_notifications) and is not the creation of an already closed incident (a
// backfilled one).
bool IsNotifiable(const model::Incident& incident, const model::IncidentUpdate& update,
                  bool created);

// Writes the fan-out job of `update` when it is notifiable; `previous` is the status
// before this change (a change into resolved/completed is the "resolved" event).
base::Status QueueNotifications(store::Tx& tx, const model::Incident& incident,
                                const model::IncidentUpdate& update, model::IncidentStatus previous,
                                bool created, base::Time now);

// Writes the fan-out job of a component's status change made outside an incident
// (webhook subscribers get Statuspage's component_update); `change_id` names the change.
base::Status QueueComponentNotification(store::Tx& tx, const model::Component& component,
                                        model::ComponentStatus previous, std::string change_id,
                                        base::Time now);

class SubscriberTokens {
 public:
  // The key from the store, created from `random` on first use.
  static base::Result<SubscriberTokens> Load(store::Tx& tx, base::Random& random);
  static base::Result<SubscriberTokens> Load(store::Store& store, base::Random& random);

  // 43 characters of base64url.
  std::string Unsubscribe(const model::Subscriber& subscriber) const;
  std::string Confirm(const model::Subscriber& subscriber) const;
  // What the store keeps of a token.
  static std::string Hash(std::string_view token);
  // True if `text` has the shape of a token (length and alphabet); cheap, before a lookup.
  static bool LooksLikeToken(std::string_view text);

 private:
  explicit SubscriberTokens(std::string key) : key_(std::move(key)) {}
  std::string Derive(std::string_view purpose, const model::Subscriber& subscriber) const;
  std::string key_;
};

}  // namespace phare::service
