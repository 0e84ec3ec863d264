#include "store/outbox.h"

namespace phare::store {

std::string_view ToString(NotifyEvent event) {
  switch (event) {
    case NotifyEvent::kCreated:
      return "created";
    case NotifyEvent::kUpdated:
      return "updated";
    case NotifyEvent::kResolved:
      return "resolved";
    case NotifyEvent::kComponent:
      return "component";
  }
  return "updated";
}

std::optional<NotifyEvent> ParseNotifyEvent(std::string_view text) {
  if (text == "created") return NotifyEvent::kCreated;
  if (text == "updated") return NotifyEvent::kUpdated;
  if (text == "resolved") return NotifyEvent::kResolved;
  if (text == "component") return NotifyEvent::kComponent;
  return std::nullopt;
}

namespace {
constexpr std::string_view kComponentKeyPrefix = "component:";
}  // namespace

std::string ComponentJobKey(std::string_view id) {
  return std::string(kComponentKeyPrefix) + std::string(id);
}

std::string_view ComponentOfJobKey(std::string_view key) {
  if (key.substr(0, kComponentKeyPrefix.size()) != kComponentKeyPrefix) return {};
  return key.substr(kComponentKeyPrefix.size());
}

int64_t DeliveryCounts::Total(model::DeliveryState state) const {
  int64_t total = 0;
  for (const auto& channel : by_channel) total += channel[static_cast<size_t>(state)];
  return total;
}

}  // namespace phare::store
