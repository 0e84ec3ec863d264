#include "app/scheduler.h"

#include <algorithm>

namespace phare::app {

void Scheduler::Every(std::string name, std::chrono::milliseconds interval,
                      std::function<void()> task) {
  tasks_.push_back({std::move(name), interval, std::move(task), std::chrono::steady_clock::now()});
}

void Scheduler::Start() {
  if (tasks_.empty() || thread_.joinable()) return;
  thread_ = std::thread([this] { Loop(); });
}

void Scheduler::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    auto next = std::min_element(tasks_.begin(), tasks_.end(),
                                 [](const Task& a, const Task& b) { return a.next < b.next; });
    if (cv_.wait_until(lock, next->next, [this] { return stopping_; })) break;
    lock.unlock();
    next->run();
    next->next = std::chrono::steady_clock::now() + next->interval;
    lock.lock();
  }
}

}  // namespace phare::app
