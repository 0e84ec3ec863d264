#include "service/subscription_queue.h"

namespace phare::service {

SubscriptionQueue::SubscriptionQueue(SubscriberService& subscribers, DoneFn done, size_t capacity)
    : subscribers_(subscribers), done_(std::move(done)), capacity_(capacity) {
  worker_ = std::thread([this] { Run(); });
}

SubscriptionQueue::~SubscriptionQueue() { Stop(); }

base::Status SubscriptionQueue::Push(model::Actor actor, SubscribeInput in) {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return base::Status(base::Code::kUnavailable, "the server is stopping");
    if (queue_.size() >= capacity_) {
      return base::Status(base::Code::kUnavailable,
                          "too many subscriptions waiting; try again shortly");
    }
    queue_.push_back(Item{std::move(actor), std::move(in)});
    ++pushed_;
  }
  wake_.notify_one();
  return base::Status::Ok();
}

void SubscriptionQueue::Flush() {
  std::unique_lock lock(mu_);
  const uint64_t target = pushed_;
  drained_.wait(lock, [&] { return decided_ >= target; });
}

void SubscriptionQueue::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (worker_.joinable()) worker_.join();
}

void SubscriptionQueue::Run() {
  for (;;) {
    Item item;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything decided
      item = std::move(queue_.front());
      queue_.pop_front();
    }
    item.in.skip_confirmation = false;
    auto decided = subscribers_.Subscribe(item.actor, item.in, SubscribeOrigin::kPublic);
    if (done_) done_(decided.status());
    {
      std::lock_guard lock(mu_);
      ++decided_;
    }
    drained_.notify_all();
  }
}

}  // namespace phare::service
