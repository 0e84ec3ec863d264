#include "model/subscriber.h"

#include "model/enum_names.h"

namespace phare::model {
namespace {

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

}  // namespace

std::string_view ToString(Channel channel) { return NameOf(kChannels, channel); }
std::optional<Channel> ParseChannel(std::string_view text) { return ValueOf(kChannels, text); }
std::string_view ToString(SubscriberScope scope) { return NameOf(kScopes, scope); }
std::optional<SubscriberScope> ParseSubscriberScope(std::string_view text) {
  return ValueOf(kScopes, text);
}
std::string_view ToString(SubscriberState state) { return NameOf(kStates, state); }
std::optional<SubscriberState> ParseSubscriberState(std::string_view text) {
  return ValueOf(kStates, text);
}
std::string_view ToString(DeliveryState state) { return NameOf(kDeliveryStates, state); }

}  // namespace phare::model
