// Public e-mail and SMS subscriptions, decided off the request. The request is checked
// (SubscriberService::CheckPublic: what does not depend on whether the address is
// known), queued here and answered at once, the same way whatever the address's state;
// one worker thread then subscribes: it creates a subscriber and its confirmation, sends
// the link again while pending, or does nothing when already active. So new, pending and
// active addresses cannot be told apart by the answer nor by its cost (issue 16).
//
// Thread-safe. Bounded: Push refuses (Unavailable) past `capacity` waiting requests. `done` is
// called on the worker after each decision with its status (the subscriber service's errors; a
// confirmation may be due when OK). Stop (or the destructor) decides what is queued, then ends the
// worker; later Pushes are refused (Unavailable).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "service/subscribers.h"

namespace phare::service {

class SubscriptionQueue {
 public:
  using DoneFn = std::function<void(const base::Status&)>;

  SubscriptionQueue(SubscriberService& subscribers, DoneFn done, size_t capacity = 10000);
  ~SubscriptionQueue();
  SubscriptionQueue(const SubscriptionQueue&) = delete;
  SubscriptionQueue& operator=(const SubscriptionQueue&) = delete;

  base::Status Push(model::Actor actor, SubscribeInput in);
  // Returns once every request pushed before the call was decided.
  void Flush();
  void Stop();

 private:
  struct Item {
    model::Actor actor;
    SubscribeInput in;
  };
  void Run();

  SubscriberService& subscribers_;
  DoneFn done_;
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable wake_;       // work or stop, for the worker
  std::condition_variable drained_;    // the queue emptied, for Flush
  std::deque<Item> queue_;             // GUARDED_BY(mu_)
  uint64_t pushed_ = 0, decided_ = 0;  // GUARDED_BY(mu_)
  bool stopping_ = false;              // GUARDED_BY(mu_)
  std::thread worker_;
};

}  // namespace phare::service
