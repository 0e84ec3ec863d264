// The social poster of one `phare serve`: a thread that queues the posts of newly
// published updates (social_queue.h), then leases the due ones and posts them, one
// account's thread in order, through its own Transport (social_api.h builds the
// requests). Outcomes follow the outbox's rules: posted (the network's id, or uri and cid,
// stored so the next post of the incident replies to it), a retry after DecideRetry's
// back-off (never sooner than a 429's rate-limit reset), or a dead letter (a permanent
// error, or max_attempts reached).
//
// A crash never double-posts: each post's lease is written before it is sent, and the
// retry after a crash carries what lets the network (or phare) recognise it: Mastodon's
// Idempotency-Key (the same status comes back), Bluesky's record key (getRecord first on
// a retry: when the record exists it is the post), and on X the text itself (X refuses a
// duplicate with 403; a retry refused so is counted as posted, without an id).
//
// Thread-safe: Wake from any thread; RunOnce only while the thread is not started (tests).
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "base/clock.h"
#include "base/metrics.h"
#include "base/random.h"
#include "notify/retry.h"
#include "notify/social_queue.h"
#include "notify/transport.h"
#include "store/store.h"

namespace phare::notify {

struct SocialPosterOptions {
  RetryPolicy retry;
  base::Duration lease = std::chrono::minutes(2);
  TransportOptions transport;
  std::string page_url;
  std::chrono::milliseconds poll{1000};  // how often an idle poster looks for work
};

class SocialPoster {
 public:
  // The store, clock and random must outlive the poster. Errors: the transport's.
  static base::Result<std::unique_ptr<SocialPoster>> Create(store::Store& store,
                                                            const base::Clock& clock,
                                                            base::Random& random,
                                                            std::vector<SocialAccount> accounts,
                                                            SocialPosterOptions options);
  ~SocialPoster();
  SocialPoster(const SocialPoster&) = delete;
  SocialPoster& operator=(const SocialPoster&) = delete;

  // Makes every lease due now (a single node starting up), sets the cursor to the newest
  // job the first time, then starts the thread.
  base::Status Start();
  // Something may be due (a published update).
  void Wake();
  void Stop();
  // One round: queue, then post what is due. Returns the posts attempted.
  base::Result<size_t> RunOnce();

  const std::vector<SocialAccount>& accounts() const;
  // phare_social_posts_total{network, outcome}.
  void Export(base::Registry& registry);

  struct State;

 private:
  explicit SocialPoster(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace phare::notify
