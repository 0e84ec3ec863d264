// Collects the outcomes a SenderThread or SenderPool hands back on its own threads, for
// tests to wait on.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "notify/sender_thread.h"

namespace phare::notify {

class OutcomeCollector {
 public:
  // The handler to give SenderThread::Start or SenderPool::Start; `this` must outlive it.
  SenderThread::OutcomeHandler Handler() {
    return [this](std::vector<Outcome>& batch) {
      std::lock_guard lock(mutex_);
      for (auto& o : batch) outcomes_.push_back(std::move(o));
      done_.notify_all();
    };
  }
  // True once `count` outcomes have arrived, false after `timeout`.
  bool WaitFor(size_t count, std::chrono::seconds timeout = std::chrono::seconds(30)) {
    std::unique_lock lock(mutex_);
    return done_.wait_for(lock, timeout, [&] { return outcomes_.size() >= count; });
  }
  std::vector<Outcome> outcomes() {
    std::lock_guard lock(mutex_);
    return outcomes_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable done_;
  std::vector<Outcome> outcomes_;  // guarded by mutex_
};

}  // namespace phare::notify
