// The social posts outbox: one row per (account, update), written when the social poster
// reads a published update's fan-out job, leased while it is sent, then posted (with the
// network's id for it, so later posts of the incident reply to the thread) or dead.
//
// A post's life: pending (due at due_at; its text may be edited) → leased (until due_at,
// the lease expiry; attempts counts this one) → posted | pending again (a retry) | dead
// (a permanent error or too many attempts; an operator may retry it). A post is only
// leased once every earlier post of its account and incident is posted or dead, so a
// thread is posted in order. Implemented by SqliteTx (tx_social.cc); a SocialTx is valid
// inside one transaction, like Tx.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "store/outbox.h"

namespace phare::store {

enum class SocialPostState : uint8_t { kPending, kLeased, kPosted, kDead };
std::string_view ToString(SocialPostState state);  // "pending", "leased", "posted", "dead"

struct SocialPost {
  int64_t id = 0;
  std::string account;  // the account's name in the configuration
  std::string incident_id;
  std::string update_id;
  std::string text;
  bool edited = false;  // an operator changed the drafted text
  SocialPostState state = SocialPostState::kPending;
  int attempts = 0;
  base::Time created_at{};
  base::Time due_at{};
  std::optional<base::Time> posted_at;
  // What the network calls the post: Mastodon and X an id, Bluesky an at:// uri and a cid.
  std::string remote_id;
  std::string remote_uri;
  std::string remote_cid;
  std::string last_error;
  std::string warnings;  // the checker's findings on the drafted text, one per line
};

// A posted post, as the network knows it.
struct SocialRef {
  std::string id;
  std::string uri;
  std::string cid;
};

// Where a new post of an account's incident thread hangs: the thread's first post
// (root) and its latest one (parent); both empty for the first post.
struct SocialThread {
  std::optional<SocialRef> root;
  std::optional<SocialRef> parent;
};

// A published update, as the social poster reads it from the fan-out jobs.
struct SocialSource {
  int64_t job_id = 0;
  std::string incident_id;
  std::string update_id;
  NotifyEvent event = NotifyEvent::kUpdated;
};

inline constexpr size_t kMaxSocialTextBytes = 4000;

class SocialTx {
 public:
  virtual ~SocialTx() = default;

  // The job the poster has read up to. Set to the newest job the first time, so that
  // accounts configured later do not post the past.
  virtual base::Result<int64_t> SocialCursor() = 0;
  virtual base::Status SetSocialCursor(int64_t job_id) = 0;
  // Incident jobs (not component ones) after `job_id`, oldest first.
  virtual base::Result<std::vector<SocialSource>> SocialSourcesAfter(int64_t job_id,
                                                                     size_t limit) = 0;

  // Inserts `post` (setting its id) unless its account already has a post for the update;
  // false then.
  virtual base::Result<bool> InsertSocialPost(SocialPost& post) = 0;
  // Leases up to `limit` posts due at `now` (pending, or leased with an expired lease)
  // whose earlier posts in the thread are settled, until `lease_until`.
  virtual base::Result<std::vector<SocialPost>> LeaseSocialPosts(base::Time now,
                                                                 base::Time lease_until,
                                                                 size_t limit) = 0;
  // Makes every leased post due at `now` (a single node starting up); returns how many.
  virtual base::Result<int64_t> ReleaseSocialLeases(base::Time now) = 0;
  // Writes the state, due_at, attempts, remote ids, posted_at and last_error of `post`.
  virtual base::Status FinishSocialPost(const SocialPost& post) = 0;
  virtual base::Result<SocialThread> SocialThreadOf(std::string_view account,
                                                    std::string_view incident_id) = 0;

  // Posts of an incident ("" for the latest `limit` of all), oldest first.
  virtual base::Result<std::vector<SocialPost>> ListSocialPosts(std::string_view incident_id,
                                                                size_t limit) = 0;
  // NotFound if there is no such post.
  virtual base::Result<SocialPost> GetSocialPost(int64_t id) = 0;
  // Replaces a pending post's text and warnings; FailedPrecondition once it is leased,
  // posted or dead.
  virtual base::Status EditSocialPost(int64_t id, std::string_view text,
                                      std::string_view warnings) = 0;
  // Makes a dead post pending at `now` with its attempts reset; FailedPrecondition if it
  // is not dead.
  virtual base::Status RetrySocialPost(int64_t id, base::Time now) = 0;
};

}  // namespace phare::store
