#include "notify/social_poster.h"

#include <spdlog/spdlog.h>

#include <array>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "notify/social_api.h"

namespace phare::notify {

namespace {

// What one attempt at a post came to.
struct Attempt {
  DeliveryResult result = DeliveryResult::kPermanent;
  store::SocialRef ref;
  std::string error;
  std::optional<base::Duration> wait;
};

Attempt Failed(const Outcome& o, comms::Network network, base::Time now) {
  Attempt a;
  a.result = o.result;
  a.error = o.reason;
  a.wait = RateLimitWait(network, o, now);
  if (!a.wait) a.wait = o.retry_after;
  return a;
}

Attempt Posted(comms::Network network, const Outcome& o) {
  Attempt a;
  auto ref = ParsePosted(network, o.response_body);
  a.result = DeliveryResult::kDelivered;
  if (ref.ok()) {
    a.ref = *ref;
  } else {
    a.error = "posted, but the answer could not be read: " + ref.status().message();
  }
  return a;
}

}  // namespace

struct SocialPoster::State {
  State(store::Store& s, const base::Clock& c, base::Random& r, std::vector<SocialAccount> a,
        SocialPosterOptions o, std::unique_ptr<Transport> t)
      : store(s),
        clock(c),
        random(r),
        accounts(std::move(a)),
        options(std::move(o)),
        transport(std::move(t)) {}

  store::Store& store;
  const base::Clock& clock;
  base::Random& random;
  std::vector<SocialAccount> accounts;
  SocialPosterOptions options;
  std::unique_ptr<Transport> transport;
  std::map<std::string, BlueskySessionInfo> sessions;  // by account; only the thread's
  uint64_t next_tag = 0;
  std::array<std::atomic<uint64_t>, 3> posted{}, retried{}, dead{};

  std::mutex mu;
  std::condition_variable cv;
  bool woken = false;     // GUARDED_BY(mu)
  bool stopping = false;  // GUARDED_BY(mu)
  std::thread thread;

  Outcome Exchange(Request r) {
    r.tag = ++next_tag;
    const base::Status submitted = transport->Submit(std::move(r));
    if (!submitted.ok()) {
      Outcome o;
      o.result = DeliveryResult::kRetryable;
      o.reason = submitted.ToString();
      return o;
    }
    std::vector<Outcome> outcomes = transport->Drain();
    return outcomes.empty() ? Outcome{} : std::move(outcomes.front());
  }

  const SocialAccount* Find(const std::string& name) const {
    for (const auto& a : accounts) {
      if (a.name == name) return &a;
    }
    return nullptr;
  }

  Attempt PostMastodon(const SocialAccount& a, const store::SocialPost& p, const ReplyTo& reply) {
    const Outcome o = Exchange(MastodonStatus(a.url, a.secret, p, a.language, reply));
    return o.result == DeliveryResult::kDelivered ? Posted(a.network, o)
                                                  : Failed(o, a.network, clock.Now());
  }

  Attempt PostX(const SocialAccount& a, const store::SocialPost& p, const ReplyTo& reply) {
    const Outcome o = Exchange(XTweet(a.url, a.secret, p, reply));
    if (o.result == DeliveryResult::kDelivered) return Posted(a.network, o);
    // A retry after a crash that X refuses as a duplicate was posted the first time.
    if (o.code == 403 && p.attempts > 1 &&
        o.response_body.find("duplicate content") != std::string::npos) {
      Attempt done;
      done.result = DeliveryResult::kDelivered;
      done.error = "X refused the retry as a duplicate: posted before, id unknown";
      return done;
    }
    return Failed(o, a.network, clock.Now());
  }

  Attempt PostBluesky(const SocialAccount& a, const store::SocialPost& p, const ReplyTo& reply) {
    auto it = sessions.find(a.name);
    if (it == sessions.end()) {
      const Outcome o = Exchange(BlueskySession(a.url, a.handle, a.secret));
      if (o.result != DeliveryResult::kDelivered) return Failed(o, a.network, clock.Now());
      auto session = ParseBlueskySession(o.response_body);
      if (!session.ok()) return {DeliveryResult::kRetryable, {}, session.status().message(), {}};
      it = sessions.emplace(a.name, *session).first;
    }
    const BlueskySessionInfo& s = it->second;
    const std::string rkey = BlueskyRecordKey(p);
    if (p.attempts > 1) {  // it may have been created by an attempt that did not return
      const Outcome o = Exchange(BlueskyGetRecord(a.url, s.access_jwt, s.did, rkey));
      if (o.result == DeliveryResult::kDelivered) return Posted(a.network, o);
    }
    const Outcome o = Exchange(BlueskyCreate(a.url, s.access_jwt, s.did, p, a.language, reply));
    if (o.result == DeliveryResult::kDelivered) return Posted(a.network, o);
    const std::string error = BlueskyError(o.response_body);
    if (o.code == 401 || error == "ExpiredToken" || error == "InvalidToken") {
      sessions.erase(a.name);  // a new session on the next attempt
      Attempt retry = Failed(o, a.network, clock.Now());
      retry.result = DeliveryResult::kRetryable;
      return retry;
    }
    return Failed(o, a.network, clock.Now());
  }

  Attempt Send(const SocialAccount& a, const store::SocialPost& p, const ReplyTo& reply) {
    switch (a.network) {
      case comms::Network::kMastodon:
        return PostMastodon(a, p, reply);
      case comms::Network::kBluesky:
        return PostBluesky(a, p, reply);
      case comms::Network::kX:
        return PostX(a, p, reply);
    }
    return {};
  }

  // The post's new state after `attempt`.
  void Settle(store::SocialPost& p, const Attempt& attempt, comms::Network network) {
    const base::Time now = clock.Now();
    const auto n = static_cast<size_t>(network);
    p.last_error = attempt.error;
    if (attempt.result == DeliveryResult::kDelivered) {
      p.state = store::SocialPostState::kPosted;
      p.posted_at = now;
      p.due_at = now;
      p.remote_id = attempt.ref.id;
      p.remote_uri = attempt.ref.uri;
      p.remote_cid = attempt.ref.cid;
      ++posted[n];
      return;
    }
    const RetryDecision d = DecideRetry(options.retry, p.attempts, now, attempt.wait, random);
    if (attempt.result == DeliveryResult::kPermanent || d.dead_letter) {
      p.state = store::SocialPostState::kDead;
      p.due_at = now;
      ++dead[n];
      return;
    }
    p.state = store::SocialPostState::kPending;
    p.due_at = d.next_attempt_at;
    ++retried[n];
  }

  base::Result<size_t> PostDue() {
    std::vector<store::SocialPost> due;
    PHARE_RETURN_IF_ERROR(store.Write([&](store::Tx& tx) -> base::Status {
      const base::Time now = clock.Now();
      PHARE_ASSIGN_OR_RETURN(due, tx.LeaseSocialPosts(now, now + options.lease, 50));
      return base::Status::Ok();
    }));
    for (store::SocialPost& p : due) {
      const SocialAccount* account = Find(p.account);
      Attempt attempt;
      if (!account) {
        attempt.error = "no account '" + p.account + "' in the configuration";
      } else {
        ReplyTo reply;
        PHARE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> base::Status {
          PHARE_ASSIGN_OR_RETURN(store::SocialThread t,
                                 tx.SocialThreadOf(p.account, p.incident_id));
          reply.root = t.root;
          reply.parent = t.parent;
          return base::Status::Ok();
        }));
        attempt = Send(*account, p, reply);
      }
      const comms::Network network = account ? account->network : comms::Network::kMastodon;
      Settle(p, attempt, network);
      if (p.state != store::SocialPostState::kPosted) {
        spdlog::warn("social: post {} to {}: {} ({})", p.id, p.account, attempt.error,
                     store::ToString(p.state));
      }
      PHARE_RETURN_IF_ERROR(store.Write([&](store::Tx& tx) { return tx.FinishSocialPost(p); }));
    }
    return due.size();
  }

  void Loop() {
    for (;;) {
      {
        std::unique_lock lock(mu);
        if (stopping) return;
      }
      auto sent = RunOnce();
      if (!sent.ok()) spdlog::warn("social: {}", sent.status().ToString());
      std::unique_lock lock(mu);
      if (sent.ok() && *sent > 0) continue;  // more may be due
      cv.wait_for(lock, options.poll, [&] { return woken || stopping; });
      woken = false;
    }
  }

  base::Result<size_t> RunOnce() {
    PHARE_RETURN_IF_ERROR(store.Write([&](store::Tx& tx) -> base::Status {
      return QueueSocialPosts(tx, accounts, options.page_url, clock.Now()).status();
    }));
    return PostDue();
  }
};

base::Result<std::unique_ptr<SocialPoster>> SocialPoster::Create(
    store::Store& store, const base::Clock& clock, base::Random& random,
    std::vector<SocialAccount> accounts, SocialPosterOptions options) {
  PHARE_ASSIGN_OR_RETURN(auto transport, Transport::Create(options.transport, clock));
  auto state = std::make_unique<State>(store, clock, random, std::move(accounts),
                                       std::move(options), std::move(transport));
  return std::unique_ptr<SocialPoster>(new SocialPoster(std::move(state)));
}

SocialPoster::SocialPoster(std::unique_ptr<State> state) : state_(std::move(state)) {}

SocialPoster::~SocialPoster() { Stop(); }

base::Status SocialPoster::Start() {
  // The cursor is set before the first update can be published, so none is missed.
  PHARE_RETURN_IF_ERROR(state_->store.Write([&](store::Tx& tx) -> base::Status {
    PHARE_RETURN_IF_ERROR(tx.ReleaseSocialLeases(state_->clock.Now()).status());
    return tx.SocialCursor().status();
  }));
  state_->thread = std::thread([this] { state_->Loop(); });
  return base::Status::Ok();
}

void SocialPoster::Wake() {
  {
    std::lock_guard lock(state_->mu);
    state_->woken = true;
  }
  state_->cv.notify_one();
}

void SocialPoster::Stop() {
  {
    std::lock_guard lock(state_->mu);
    state_->stopping = true;
  }
  state_->cv.notify_one();
  if (state_->thread.joinable()) state_->thread.join();
}

base::Result<size_t> SocialPoster::RunOnce() { return state_->RunOnce(); }

const std::vector<SocialAccount>& SocialPoster::accounts() const { return state_->accounts; }

void SocialPoster::Export(base::Registry& registry) {
  State* s = state_.get();
  registry.Add(
      "phare_social_posts_total", "Social posts by network and outcome.", "counter",
      [s](std::string& out) {
        for (auto n : {comms::Network::kMastodon, comms::Network::kBluesky, comms::Network::kX}) {
          const auto i = static_cast<size_t>(n);
          const std::string net(comms::ToString(n));
          out += "phare_social_posts_total{network=\"" + net + "\",outcome=\"posted\"} " +
                 std::to_string(s->posted[i].load()) + "\n";
          out += "phare_social_posts_total{network=\"" + net + "\",outcome=\"retried\"} " +
                 std::to_string(s->retried[i].load()) + "\n";
          out += "phare_social_posts_total{network=\"" + net + "\",outcome=\"dead\"} " +
                 std::to_string(s->dead[i].load()) + "\n";
        }
      });
}

}  // namespace phare::notify
