// The dispatcher: leases due deliveries from the outbox, turns each into the message for
// its subscriber (the stored variant plus the subscriber's address, unsubscribe link and
// idempotency key), hands them to a Sender, and records the outcomes in batches:
// delivered, a retry after DecideRetry's back-off, or a dead letter (a permanent error,
// or max_attempts reached).
//
// When dead letters quarantine a webhook or chat subscriber that has a contact e-mail
// (Statuspage's `email` beside `endpoint`), a failure notice is queued in the same
// transaction: one e-mail to that address, in the subscriber's language, through the
// outbox like any message (retried, idempotent); one per quarantine, not per failure.
//
// Every message carries a stable idempotency key: update id and subscriber id for an
// update (so the Message-ID and webhook-id of a resent duplicate are the same), the
// delivery id for a confirmation or a failure notice. A lease expires (`lease`) so that deliveries
// in flight when a process dies are sent again; a lease renewed while this dispatcher still has the
// delivery in flight is not submitted twice.
//
// Not thread-safe: Dispatch and Record run on one thread (the pipeline's). Errors: the
// store's; a message that cannot be built becomes a dead letter, not an error.
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "base/random.h"
#include "model/page.h"
#include "notify/retry.h"
#include "notify/sms.h"
#include "notify/transport.h"
#include "notify/variant.h"
#include "service/notifications.h"
#include "store/store.h"

namespace phare::notify {

// Where the dispatcher sends: a SenderThread in production, a fake in tests.
class Sender {
 public:
  virtual ~Sender() = default;
  virtual base::Status Submit(std::vector<Request> requests) = 0;
  virtual size_t outstanding() const = 0;
};

struct DispatcherOptions {
  RetryPolicy retry;
  base::Duration lease = std::chrono::minutes(10);
  size_t lease_batch = 2000;                   // deliveries leased per transaction
  size_t max_outstanding = 20000;              // submitted and not yet answered
  int quarantine_after = 5;                    // dead letters in a row (0: never)
  std::string mail_from = "status@localhost";  // envelope sender and From address
  std::string mail_from_name;                  // default: the page's name
  std::optional<SmsGateway> sms;               // SMS are dead letters without one
};

// Deliveries by channel and what became of them, since start (for metrics).
struct DispatchCounters {
  enum Kind { kDelivered, kRetried, kDead, kCount };
  std::array<std::array<std::atomic<uint64_t>, kCount>, 4> by_channel{};
};

class Dispatcher {
 public:
  // `tokens` must outlive the dispatcher.
  Dispatcher(store::Store& store, const base::Clock& clock, base::Random& random,
             DispatcherOptions options, const service::SubscriberTokens& tokens, model::Page page);
  ~Dispatcher();

  // Leases due deliveries while `sender` has room and submits their messages. Returns
  // how many were submitted.
  base::Result<size_t> Dispatch(Sender& sender);
  // Records the outcomes of submitted messages in one transaction.
  base::Status Record(const std::vector<Outcome>& outcomes);
  // Makes every lease due now; only for a single node starting up.
  base::Result<int64_t> ReleaseLeases();

  size_t in_flight() const { return in_flight_.size(); }
  const DispatchCounters& counters() const { return counters_; }

  struct Prepared;

 private:
  struct InFlight {
    int64_t subscriber = 0;  // 0 for a failure notice: its outcome counts for nobody
    model::Channel channel = model::Channel::kEmail;
    int attempts = 0;
    bool has_contact = false;  // a quarantine of the subscriber queues a failure notice
  };
  base::Result<std::shared_ptr<const Prepared>> VariantOf(const store::LeasedDelivery& d);
  base::Result<Request> Build(const store::LeasedDelivery& d, const Prepared& variant);
  // An e-mail of `variant` (text and html with the subscriber's links filled in) to `to`.
  base::Result<Request> Mail(Request r, const std::string& to, const std::string& key,
                             const std::string& unsubscribe, const Variant& variant,
                             const std::string& text, const std::string& html);
  void Count(model::Channel channel, DispatchCounters::Kind kind);

  store::Store& store_;
  const base::Clock& clock_;
  base::Random& random_;
  DispatcherOptions options_;
  const service::SubscriberTokens& tokens_;
  model::Page page_;
  std::string mail_domain_;
  std::unordered_map<int64_t, InFlight> in_flight_;  // by delivery id
  std::unordered_map<int64_t, std::shared_ptr<const Prepared>> variants_;
  std::unordered_map<std::string, std::shared_ptr<const Prepared>> confirmations_;
  DispatchCounters counters_;
};

}  // namespace phare::notify
