#include "notify/transport.h"

#include <curl/curl.h>

#include <atomic>
#include <deque>
#include <unordered_map>

#include "notify/curl_transfer.h"

namespace phare::notify {

namespace {

using base::InvalidArgument;
using SteadyClock = std::chrono::steady_clock;

// Requests waiting for one origin of one channel, and how many of its transfers run.
struct HostQueue {
  std::string key;
  Channel channel = Channel::kEmail;
  size_t limit = 1;
  size_t in_flight = 0;
  bool ready = false;  // listed in ready_[channel]
  std::deque<Request> waiting;
};

base::Status CheckEnvelopeAddress(const std::string& addr, const char* field) {
  if (addr.empty() || addr.size() > 254 || addr.find_first_of("<>\r\n \"") != std::string::npos) {
    return InvalidArgument("must be a plain address", field);
  }
  return base::Status::Ok();
}

}  // namespace

struct Transport::Impl {
  TransportOptions options;
  const base::Clock& clock;
  CURLM* multi = nullptr;
  std::unordered_map<std::string, HostQueue> hosts;
  std::array<std::deque<HostQueue*>, kChannelCount> ready;
  std::array<size_t, kChannelCount> in_flight_by_channel{};
  std::vector<std::unique_ptr<CurlTransfer>> idle;  // finished transfers, easy handles kept
  size_t queued = 0;
  size_t in_flight = 0;
  std::vector<Outcome> immediate;  // requests refused before starting
  std::unordered_map<CURL*, std::unique_ptr<CurlTransfer>> running;
  std::atomic<bool> woken{false};

  Impl(TransportOptions o, const base::Clock& c) : options(std::move(o)), clock(c) {}

  ~Impl() {
    // In-flight transfers are abandoned; their outcome is never reported.
    for (auto& [easy, transfer] : running) curl_multi_remove_handle(multi, easy);
    running.clear();
    idle.clear();
    if (multi) curl_multi_cleanup(multi);
  }

  void Refuse(const Request& request, std::string reason) {
    Outcome outcome;
    outcome.tag = request.tag;
    outcome.channel = request.channel;
    outcome.result = DeliveryResult::kPermanent;
    outcome.reason = std::move(reason);
    immediate.push_back(std::move(outcome));
  }

  // The origin key of `request`, normalizing its URL; an error if it cannot be sent.
  base::Result<std::string> Route(Request& request) {
    if (request.channel == Channel::kEmail) {
      if (!options.smtp) return InvalidArgument("no SMTP relay is configured", "smtp.url");
      PHARE_RETURN_IF_ERROR(CheckEnvelopeAddress(request.mail_from, "mail_from"));
      PHARE_RETURN_IF_ERROR(CheckEnvelopeAddress(request.rcpt_to, "rcpt_to"));
      return "email " + options.smtp->origin;
    }
    PHARE_ASSIGN_OR_RETURN(TargetUrl target,
                           ValidateTargetUrl(request.url, options.allow_private_targets));
    request.url = std::move(target.url);
    return std::string(ToString(request.channel)) + " " + target.origin;
  }

  void MarkReady(HostQueue& host) {
    if (host.ready || host.waiting.empty() || host.in_flight >= host.limit) return;
    host.ready = true;
    ready[static_cast<size_t>(host.channel)].push_back(&host);
  }

  void StartTransfers() {
    for (size_t c = 0; c < kChannelCount; ++c) {
      auto& list = ready[c];
      while (!list.empty() && in_flight_by_channel[c] < options.max_in_flight[c]) {
        HostQueue* host = list.front();
        list.pop_front();
        host->ready = false;
        Request request = std::move(host->waiting.front());
        host->waiting.pop_front();
        --queued;
        Start(*host, std::move(request));
        MarkReady(*host);
      }
    }
  }

  void Start(HostQueue& host, Request request) {
    std::unique_ptr<CurlTransfer> transfer;
    if (!idle.empty()) {
      transfer = std::move(idle.back());
      idle.pop_back();
    } else {
      transfer = std::make_unique<CurlTransfer>();
    }
    CurlTransfer::Setup setup{options, clock, &host};
    if (auto status = transfer->Prepare(std::move(request), setup); !status.ok()) {
      Refuse(transfer->request(), status.message());
      idle.push_back(std::move(transfer));
      return;
    }
    if (curl_multi_add_handle(multi, transfer->easy()) != CURLM_OK) {
      Refuse(transfer->request(), "libcurl refused the transfer");
      idle.push_back(std::move(transfer));
      return;
    }
    ++host.in_flight;
    ++in_flight;
    ++in_flight_by_channel[static_cast<size_t>(host.channel)];
    CURL* easy = transfer->easy();
    running.emplace(easy, std::move(transfer));
  }

  void Finish(CURL* easy, CURLcode code, std::vector<Outcome>& out) {
    auto it = running.find(easy);
    if (it == running.end()) return;
    std::unique_ptr<CurlTransfer> transfer = std::move(it->second);
    running.erase(it);
    curl_multi_remove_handle(multi, easy);
    out.push_back(transfer->Conclude(code));
    auto* host = static_cast<HostQueue*>(transfer->host());
    --host->in_flight;
    --in_flight;
    --in_flight_by_channel[static_cast<size_t>(host->channel)];
    if (host->waiting.empty() && host->in_flight == 0) {
      hosts.erase(host->key);
    } else {
      MarkReady(*host);
    }
    transfer->Release();
    idle.push_back(std::move(transfer));
  }

  void Reap(std::vector<Outcome>& out) {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg == CURLMSG_DONE) Finish(msg->easy_handle, msg->data.result, out);
    }
  }
};

Transport::Transport(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Transport::~Transport() = default;

base::Result<std::unique_ptr<Transport>> Transport::Create(TransportOptions options,
                                                           const base::Clock& clock) {
  for (size_t limit : options.max_in_flight) {
    if (limit == 0) return InvalidArgument("must be positive", "notify.max_in_flight");
  }
  if (options.max_per_host == 0) return InvalidArgument("must be positive", "notify.max_per_host");
  if (options.smtp_connections == 0) {
    return InvalidArgument("must be positive", "smtp.connections");
  }
  static const bool initialized = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  if (!initialized) return base::Internal("libcurl could not be initialized");
  auto impl = std::make_unique<Impl>(std::move(options), clock);
  impl->multi = curl_multi_init();
  if (!impl->multi) return base::Internal("libcurl could not create a multi handle");
  size_t total = 0;
  for (size_t limit : impl->options.max_in_flight) total += limit;
  // Keep every connection a running transfer may leave behind, so none is closed
  // between two messages to the same host.
  curl_multi_setopt(impl->multi, CURLMOPT_MAXCONNECTS, static_cast<long>(total));
  return std::unique_ptr<Transport>(new Transport(std::move(impl)));
}

base::Status Transport::Submit(Request request) {
  Impl& d = *impl_;
  if (d.queued >= d.options.max_queued) {
    return {base::Code::kResourceExhausted, "the notification transport queue is full"};
  }
  auto key = d.Route(request);
  if (!key.ok()) {
    d.Refuse(request, key.status().field() + " " + key.status().message());
    return base::Status::Ok();
  }
  auto [it, inserted] = d.hosts.try_emplace(*key);
  HostQueue& host = it->second;
  if (inserted) {
    host.key = *key;
    host.channel = request.channel;
    host.limit =
        request.channel == Channel::kEmail ? d.options.smtp_connections : d.options.max_per_host;
  }
  host.waiting.push_back(std::move(request));
  ++d.queued;
  d.MarkReady(host);
  return base::Status::Ok();
}

void Transport::Poll(base::Duration max_wait, std::vector<Outcome>& out) {
  Impl& d = *impl_;
  const auto deadline = SteadyClock::now() + max_wait;
  const size_t before = out.size();
  for (;;) {
    d.StartTransfers();
    int running = 0;
    curl_multi_perform(d.multi, &running);
    d.Reap(out);
    if (!d.immediate.empty()) {
      for (auto& outcome : d.immediate) out.push_back(std::move(outcome));
      d.immediate.clear();
    }
    if (out.size() > before) {
      d.StartTransfers();  // keep the connections busy while the caller records
      curl_multi_perform(d.multi, &running);
      return;
    }
    const auto now = SteadyClock::now();
    if (now >= deadline) return;
    if (d.in_flight == 0 && d.queued == 0) return;
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    curl_multi_poll(d.multi, nullptr, 0, static_cast<int>(std::max<int64_t>(wait.count(), 1)),
                    nullptr);
    if (d.woken.exchange(false)) return;
  }
}

std::vector<Outcome> Transport::Drain() {
  std::vector<Outcome> out;
  while (impl_->queued > 0 || impl_->in_flight > 0 || !impl_->immediate.empty()) {
    Poll(std::chrono::seconds(1), out);
  }
  return out;
}

size_t Transport::queued() const { return impl_->queued; }
size_t Transport::in_flight() const { return impl_->in_flight; }
void Transport::Wakeup() {
  impl_->woken.store(true);
  curl_multi_wakeup(impl_->multi);
}

}  // namespace phare::notify
