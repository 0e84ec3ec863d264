// What the Store keeps for notifications besides subscribers: fan-out jobs (one per
// published update, written in the update's own transaction), the variants each job
// rendered, and the deliveries of the outbox with their leases and outcomes. Plain
// values passed to and from the Tx methods declared in store.h.
//
// A delivery's life: pending (due at due_at) → leased (until due_at, the lease
// expiry) → delivered | pending again (a retry) | dead (a dead letter) | skipped (its
// subscriber left, or a newer update of the same incident took its place). At most
// one delivery per (subscriber, incident) is pending: queuing a newer one replaces the
// older (coalescing), so a reader who is behind only gets the latest state.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "model/subscriber.h"

namespace phare::store {

// Why a job was written: the SMS policy (start and end only) reads it. kComponent: a
// component's status changed outside an incident (webhooks only; see FanoutJob).
enum class NotifyEvent : uint8_t { kCreated, kUpdated, kResolved, kComponent };
std::string_view ToString(NotifyEvent event);
std::optional<NotifyEvent> ParseNotifyEvent(std::string_view text);

struct FanoutJob {
  int64_t id = 0;
  // kComponent jobs: ComponentJobKey(component id), so that deliveries coalesce per
  // component; update_id is the change's id and `detail` the status it left.
  std::string incident_id;
  std::string update_id;
  NotifyEvent event = NotifyEvent::kUpdated;
  std::vector<std::string> component_ids;  // the incident's components when published
  base::Time created_at{};
  int64_t last_subscriber = 0;  // the newest subscriber key when published: the job's end
  int64_t cursor = 0;           // subscribers up to this key are expanded
  int64_t queued = 0;           // deliveries queued so far
  int64_t coalesced = 0;        // of which replaced an older pending delivery
  std::optional<base::Time> finished_at;
  std::string detail;  // kComponent: "old_status>new_status"
};

// The incident_id of a component job for component `id`.
std::string ComponentJobKey(std::string_view id);
// The component id of a component job's incident_id (empty when it is not one).
std::string_view ComponentOfJobKey(std::string_view key);

// A subscriber as a fan-out batch reads it (only what routing and rendering need).
struct FanoutCandidate {
  int64_t key = 0;
  model::Channel channel = model::Channel::kEmail;
  std::string flavor;
  std::string language;
  std::string time_zone;
  model::Audience audience = model::Audience::kGeneral;
  model::SubscriberScope scope = model::SubscriberScope::kPage;
  std::vector<std::string> component_ids;
  std::string customer_id;
  bool all_updates = true;
};

// The incident_id of a failure notice: one e-mail to the contact address of a webhook or
// chat subscriber (model::Subscriber::contact_email), queued when its endpoint failed
// enough to quarantine it. Job and variant 0, channel email; it goes out only while the
// subscriber is still quarantined, and one at most is pending per subscriber.
inline constexpr std::string_view kFailureNoticeKey = "notice/failing";

struct NewDelivery {
  int64_t job_id = 0;      // 0 for a confirmation message or a failure notice
  int64_t variant_id = 0;  // 0 for a confirmation message or a failure notice
  int64_t subscriber = 0;
  std::string incident_id;  // empty for a confirmation message; kFailureNoticeKey
  model::Channel channel = model::Channel::kEmail;
  base::Time due_at{};
};

struct QueueCounts {
  int64_t inserted = 0;
  int64_t coalesced = 0;  // replaced a pending delivery of the same incident
};

// A leased delivery with what sending it needs. `subscriber_id` is empty when the
// subscriber is gone (the lease then marks it skipped instead of handing it out).
struct LeasedDelivery {
  int64_t id = 0;
  int64_t job_id = 0;
  int64_t variant_id = 0;
  std::string incident_id;
  std::string update_id;                            // of the job; empty for a confirmation
  int attempts = 0;                                 // including this one
  model::Channel channel = model::Channel::kEmail;  // the subscriber's; email for a notice
  model::Subscriber subscriber;

  bool failure_notice() const { return job_id == 0 && incident_id == kFailureNoticeKey; }
};

// What became of one leased delivery.
struct DeliveryOutcome {
  int64_t id = 0;
  int64_t subscriber = 0;
  model::Channel channel = model::Channel::kEmail;
  model::DeliveryState state = model::DeliveryState::kDelivered;  // delivered|pending|dead
  base::Time due_at{};  // pending: the next attempt; otherwise when it ended
  std::string last_error;
};

// Deliveries by channel and state, kept exact by every transition.
struct DeliveryCounts {
  std::array<std::array<int64_t, model::kDeliveryStateCount>, 4> by_channel{};
  int64_t Total(model::DeliveryState state) const;
};

struct SubscriberQuery {
  int64_t after_key = 0;  // keyset paging: subscribers with a larger key
  size_t limit = 100;
  std::optional<model::Channel> channel;
  std::optional<model::SubscriberState> state;
  std::string address_contains = {};  // non-empty: addresses containing it (ASCII case ignored)
};

// A delivery that failed for good, as operators see it before retrying it.
struct DeadLetter {
  int64_t id = 0;
  model::Channel channel = model::Channel::kEmail;
  std::string subscriber_id;  // "" once the subscriber is gone
  std::string address;        // the subscriber's; "" once gone
  std::string incident_id;
  int attempts = 0;
  base::Time failed_at{};
  std::string last_error;
};

}  // namespace phare::store
