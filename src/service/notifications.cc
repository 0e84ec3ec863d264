#include "service/notifications.h"

#include "base/crypto.h"

namespace phare::service {
namespace {

constexpr std::string_view kKeyName = "subscriber-tokens";
constexpr size_t kKeyBytes = 32;
constexpr size_t kTokenChars = 43;  // base64url of 32 bytes, unpadded

store::NotifyEvent EventOf(const model::IncidentUpdate& update, model::IncidentStatus previous,
                           bool created) {
  if (created) return store::NotifyEvent::kCreated;
  if (model::IsClosed(update.status) && !model::IsClosed(previous)) {
    return store::NotifyEvent::kResolved;
  }
  return store::NotifyEvent::kUpdated;
}

}  // namespace

bool IsNotifiable(const model::Incident& incident, const model::IncidentUpdate& update,
                  bool created) {
  if (!update.deliver_notifications) return false;
  return !(created && model::IsClosed(incident.status));
}

base::Status QueueNotifications(store::Tx& tx, const model::Incident& incident,
                                const model::IncidentUpdate& update, model::IncidentStatus previous,
                                bool created, base::Time now) {
  if (!IsNotifiable(incident, update, created)) return base::Status::Ok();
  store::FanoutJob job;
  job.incident_id = incident.id;
  job.update_id = update.id;
  job.event = EventOf(update, previous, created);
  job.component_ids = incident.component_ids;
  job.created_at = now;
  return tx.InsertFanoutJob(job);
}

base::Status QueueComponentNotification(store::Tx& tx, const model::Component& component,
                                        model::ComponentStatus previous, std::string change_id,
                                        base::Time now) {
  store::FanoutJob job;
  job.incident_id = store::ComponentJobKey(component.id);
  job.update_id = std::move(change_id);
  job.event = store::NotifyEvent::kComponent;
  job.component_ids = {component.id};
  job.detail =
      std::string(model::ToString(previous)) + ">" + std::string(model::ToString(component.status));
  job.created_at = now;
  return tx.InsertFanoutJob(job);
}

base::Result<SubscriberTokens> SubscriberTokens::Load(store::Tx& tx, base::Random& random) {
  std::string fresh(kKeyBytes, '\0');
  random.Fill(fresh.data(), fresh.size());
  PHARE_ASSIGN_OR_RETURN(auto key, tx.NotifySecret(kKeyName, fresh));
  if (key.size() < 16) return base::Internal("the subscriber token key is too short");
  return SubscriberTokens(std::move(key));
}

base::Result<SubscriberTokens> SubscriberTokens::Load(store::Store& store, base::Random& random) {
  std::string key;
  PHARE_RETURN_IF_ERROR(store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto tokens, Load(tx, random));
    key = tokens.key_;
    return base::Status::Ok();
  }));
  return SubscriberTokens(std::move(key));
}

std::string SubscriberTokens::Derive(std::string_view purpose,
                                     const model::Subscriber& subscriber) const {
  std::string message(purpose);
  message += '\n';
  message += subscriber.id;
  message += '\n';
  message += std::to_string(base::ToMillis(subscriber.created_at));
  return base::Base64UrlEncode(base::HmacSha256(key_, message));
}

std::string SubscriberTokens::Unsubscribe(const model::Subscriber& s) const {
  return Derive("unsubscribe", s);
}

std::string SubscriberTokens::Confirm(const model::Subscriber& s) const {
  return Derive("confirm", s);
}

std::string SubscriberTokens::Hash(std::string_view token) { return base::Blake2b256(token); }

bool SubscriberTokens::LooksLikeToken(std::string_view text) {
  if (text.size() != kTokenChars) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace phare::service
