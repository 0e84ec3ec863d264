#include "notify/sender_thread.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace phare::notify {

struct SenderThread::State {
  std::unique_ptr<Transport> transport;
  OutcomeHandler on_outcomes;
  size_t max_queued = 0;
  std::atomic<size_t> outstanding{0};
  std::mutex mutex;
  std::condition_variable idle;   // signalled when requests arrive or on stop
  std::vector<Request> incoming;  // guarded by mutex
  bool stop = false;              // guarded by mutex
  std::thread thread;

  void Run() {
    std::vector<Request> batch;
    std::vector<Outcome> outcomes;
    for (;;) {
      {
        std::unique_lock lock(mutex);
        const bool busy = transport->queued() > 0 || transport->in_flight() > 0;
        if (!busy) idle.wait(lock, [&] { return stop || !incoming.empty(); });
        if (stop) return;
        batch.swap(incoming);
      }
      for (auto& request : batch) (void)transport->Submit(std::move(request));
      batch.clear();
      transport->Poll(std::chrono::milliseconds(200), outcomes);
      if (!outcomes.empty()) {
        outstanding -= outcomes.size();
        on_outcomes(outcomes);
        outcomes.clear();
      }
    }
  }
};

SenderThread::SenderThread(std::unique_ptr<State> state) : state_(std::move(state)) {}

base::Result<std::unique_ptr<SenderThread>> SenderThread::Start(TransportOptions options,
                                                                const base::Clock& clock,
                                                                OutcomeHandler on_outcomes) {
  auto state = std::make_unique<State>();
  state->max_queued = options.max_queued;
  PHARE_ASSIGN_OR_RETURN(state->transport, Transport::Create(std::move(options), clock));
  state->on_outcomes = std::move(on_outcomes);
  State* raw = state.get();
  state->thread = std::thread([raw] { raw->Run(); });
  return std::unique_ptr<SenderThread>(new SenderThread(std::move(state)));
}

SenderThread::~SenderThread() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stop = true;
  }
  state_->idle.notify_one();
  state_->transport->Wakeup();
  state_->thread.join();
}

base::Status SenderThread::Submit(std::vector<Request> requests) {
  if (requests.empty()) return base::Status::Ok();
  {
    std::lock_guard lock(state_->mutex);
    if (state_->outstanding + requests.size() > state_->max_queued) {
      return {base::Code::kResourceExhausted, "the notification sender is full"};
    }
    state_->outstanding += requests.size();
    for (auto& request : requests) state_->incoming.push_back(std::move(request));
  }
  state_->idle.notify_one();
  state_->transport->Wakeup();
  return base::Status::Ok();
}

size_t SenderThread::outstanding() const { return state_->outstanding.load(); }

}  // namespace phare::notify
