#include "notify/sender_thread.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "notify/target.h"

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

namespace {

// Part `index` of `total` split `parts` ways, at least 1.
size_t Share(size_t total, size_t parts, size_t index) {
  return std::max<size_t>(1, total / parts + (index < total % parts ? 1 : 0));
}

// The thread of `count` that serves `url`'s origin: the transport's own per-host limit
// key (target.h), so one origin never spreads over two threads. A URL the transport will
// refuse goes to the first.
size_t ThreadOfOrigin(const std::string& url, size_t count) {
  auto target = ValidateTargetUrl(url, /*allow_private_targets=*/true);
  return target.ok() ? std::hash<std::string>()(target->origin) % count : 0;
}

}  // namespace

base::Result<std::unique_ptr<SenderPool>> SenderPool::Start(
    size_t count, const TransportOptions& options, const base::Clock& clock,
    const SenderThread::OutcomeHandler& done) {
  count = std::max<size_t>(count, 1);
  auto pool = std::unique_ptr<SenderPool>(new SenderPool());
  pool->max_queued_ = options.max_queued;
  pool->email_threads_ = std::clamp<size_t>(options.smtp_connections, 1, count);
  for (size_t i = 0; i < count; ++i) {
    TransportOptions share = options;
    if (i < pool->email_threads_) {
      share.smtp_connections = Share(options.smtp_connections, pool->email_threads_, i);
    }
    for (auto& limit : share.max_in_flight) limit = Share(limit, count, i);
    PHARE_ASSIGN_OR_RETURN(auto thread, SenderThread::Start(std::move(share), clock, done));
    pool->threads_.push_back(std::move(thread));
  }
  pool->split_.resize(count);
  return pool;
}

SenderPool::~SenderPool() = default;

base::Status SenderPool::Submit(std::vector<Request> requests) {
  for (auto& part : split_) part.clear();
  for (auto& request : requests) {
    const size_t index = request.channel == Channel::kEmail
                             ? next_email_++ % email_threads_
                             : ThreadOfOrigin(request.url, threads_.size());
    split_[index].push_back(std::move(request));
  }
  // All or nothing: outstanding counts only fall meanwhile (Submit has one caller at a
  // time), so once every share fits, every Submit below succeeds.
  for (size_t i = 0; i < threads_.size(); ++i) {
    if (threads_[i]->outstanding() + split_[i].size() > max_queued_) {
      return {base::Code::kResourceExhausted, "the notification sender is full"};
    }
  }
  for (size_t i = 0; i < threads_.size(); ++i) {
    PHARE_RETURN_IF_ERROR(threads_[i]->Submit(std::move(split_[i])));
  }
  return base::Status::Ok();
}

size_t SenderPool::outstanding() const {
  size_t total = 0;
  for (const auto& thread : threads_) total += thread->outstanding();
  return total;
}

}  // namespace phare::notify
