// Periodic background tasks (maintenance windows, cadence reminders, estimate refreshes and
// notification dispatch) on one thread. Tasks must be short and must not throw; a
// task that fails logs and runs again at its next tick. Add tasks before Start().
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace phare::app {

class Scheduler {
 public:
  ~Scheduler() { Stop(); }
  void Every(std::string name, std::chrono::milliseconds interval, std::function<void()> task);
  void Start();
  void Stop();

 private:
  struct Task {
    std::string name;
    std::chrono::milliseconds interval;
    std::function<void()> run;
    std::chrono::steady_clock::time_point next;
  };
  void Loop();

  std::vector<Task> tasks_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace phare::app
