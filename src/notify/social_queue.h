// The drafting of social posts: for each update published since the
// last run (read from the fan-out jobs, store/social.h's cursor), one post per account,
// drafted from the incident's structured state in the account's language, audience and
// zone (comms/social_draft.h), fitted to its network's limit, with the checker's findings
// kept beside it. Queued in the same transaction that moves the cursor, so a crash neither
// loses nor doubles a post. Thread-safe: pure functions of the Tx they are given.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "notify/social_account.h"
#include "store/store.h"

namespace phare::notify {

// The drafted post of `source` for `account` (not yet inserted). NotFound if the update is
// gone (the incident was deleted).
base::Result<store::SocialPost> DraftSocialPostFor(store::Tx& tx, const store::SocialSource& source,
                                                   const SocialAccount& account,
                                                   std::string_view page_url, base::Time now);

// Reads up to `batch` jobs past the cursor, queues their posts and moves the cursor.
// Returns how many posts were queued. An update whose post cannot be drafted for an
// account is skipped for it (and logged), not retried for ever.
base::Result<size_t> QueueSocialPosts(store::Tx& tx, std::span<const SocialAccount> accounts,
                                      std::string_view page_url, base::Time now,
                                      size_t batch = 100);

}  // namespace phare::notify
