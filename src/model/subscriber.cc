#include "model/subscriber.h"

#include <array>
#include <utility>

namespace phare::model {
namespace {

template <class E, size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Channel, 4> kChannels{{
    {Channel::kEmail, "email"},
    {Channel::kWebhook, "webhook"},
    {Channel::kChat, "chat"},
    {Channel::kSms, "sms"},
}};
constexpr Names<SubscriberScope, 3> kScopes{{
    {SubscriberScope::kPage, "page"},
    {SubscriberScope::kComponents, "components"},
    {SubscriberScope::kCustomer, "customer"},
}};
constexpr Names<SubscriberState, 3> kStates{{
    {SubscriberState::kPending, "pending"},
    {SubscriberState::kActive, "active"},
    {SubscriberState::kQuarantined, "quarantined"},
}};
constexpr Names<DeliveryState, kDeliveryStateCount> kDeliveryStates{{
    {DeliveryState::kPending, "pending"},
    {DeliveryState::kLeased, "leased"},
    {DeliveryState::kDelivered, "delivered"},
    {DeliveryState::kDead, "dead"},
    {DeliveryState::kSkipped, "skipped"},
}};

template <class E, size_t N>
std::string_view Name(const Names<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return names[0].second;
}

template <class E, size_t N>
std::optional<E> Parse(const Names<E, N>& names, std::string_view text) {
  for (const auto& [v, name] : names) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(Channel channel) { return Name(kChannels, channel); }
std::optional<Channel> ParseChannel(std::string_view text) { return Parse(kChannels, text); }
std::string_view ToString(SubscriberScope scope) { return Name(kScopes, scope); }
std::optional<SubscriberScope> ParseSubscriberScope(std::string_view text) {
  return Parse(kScopes, text);
}
std::string_view ToString(SubscriberState state) { return Name(kStates, state); }
std::optional<SubscriberState> ParseSubscriberState(std::string_view text) {
  return Parse(kStates, text);
}
std::string_view ToString(DeliveryState state) { return Name(kDeliveryStates, state); }

}  // namespace phare::model
