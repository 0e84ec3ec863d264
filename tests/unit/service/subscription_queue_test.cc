#include "service/subscription_queue.h"

#include "service_fixture.h"

namespace phare::service {
namespace {

using model::SubscriberState;

class SubscriptionQueueTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    subscribers_ = std::make_unique<SubscriberService>(*ctx_, SubscriberPolicy{});
  }

  static SubscribeInput Email(const std::string& address) {
    SubscribeInput in;
    in.email = address;
    return in;
  }

  int64_t Queued() { return subscribers_->Stats()->counts.Total(model::DeliveryState::kPending); }

  std::unique_ptr<SubscriberService> subscribers_;
};

TEST_F(SubscriptionQueueTest, NewPendingAndActiveAddressesAreCheckedAlikeAndDecidedLater) {
  std::vector<base::Status> decided;
  SubscriptionQueue queue(*subscribers_, [&](const base::Status& s) { decided.push_back(s); });
  const auto in = Email("Jean@Example.org");
  // What the request sees is the same in every state: the address, normalized.
  std::vector<std::string> checked;
  const auto subscribe = [&] {
    auto address = subscribers_->CheckPublic(in);
    ASSERT_TRUE(address.ok()) << address.status().ToString();
    checked.push_back(*address);
    ASSERT_TRUE(queue.Push(actor_, in).ok());
    queue.Flush();
  };
  subscribe();  // new: a pending subscriber and its confirmation
  auto listed = subscribers_->List({});
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().state, SubscriberState::kPending);
  EXPECT_EQ(Queued(), 1);
  subscribe();  // pending: the link again (replacing the one not sent yet)
  EXPECT_EQ(Queued(), 1);
  auto tokens = subscribers_->Tokens();
  ASSERT_TRUE(subscribers_->Confirm(tokens->Confirm(listed->front())).ok());
  subscribe();  // active: nothing more
  EXPECT_EQ(Queued(), 1);
  EXPECT_EQ(subscribers_->List({})->size(), 1u);
  EXPECT_EQ(checked, std::vector<std::string>(3, "Jean@example.org"));
  ASSERT_EQ(decided.size(), 3u);
  for (const auto& s : decided) EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST_F(SubscriptionQueueTest, BadInputIsRefusedBeforeQueuingAndTheQueueIsBounded) {
  EXPECT_EQ(subscribers_->CheckPublic(Email("jean@")).status().field(), "subscriber.email");
  auto customer = Email("jean@example.org");
  customer.customer_id = "acme";
  EXPECT_EQ(subscribers_->CheckPublic(customer).status().code(), base::Code::kPermissionDenied);
  auto unknown = Email("jean@example.org");
  unknown.component_ids = {"nope"};
  EXPECT_EQ(subscribers_->CheckPublic(unknown).status().field(), "subscriber.component_ids");

  SubscriptionQueue none(*subscribers_, nullptr, /*capacity=*/0);
  EXPECT_EQ(none.Push(actor_, Email("a@example.org")).code(), base::Code::kUnavailable);
  SubscriptionQueue queue(*subscribers_, nullptr);
  ASSERT_TRUE(queue.Push(actor_, Email("a@example.org")).ok());
  queue.Stop();  // decides what is queued first
  EXPECT_EQ(subscribers_->List({})->size(), 1u);
  EXPECT_EQ(queue.Push(actor_, Email("b@example.org")).code(), base::Code::kUnavailable);
}

}  // namespace
}  // namespace phare::service
