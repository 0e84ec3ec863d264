// Social posts as the communicator sees them: the drafted posts of an incident, each
// with its text, state and the checker's findings; editing a post's text while it is
// still pending (the text must fit its account's network, see notify/social_account.h);
// retrying a dead one. Used by the admin API and the CLI. Thread-safe (the store is).
#pragma once

#include <vector>

#include "model/access.h"
#include "notify/social_account.h"
#include "service/context.h"
#include "store/social.h"

namespace phare::service {

class SocialPostService {
 public:
  // `accounts` (as configured; secrets are not used here) must outlive the service.
  SocialPostService(Context& ctx, const std::vector<notify::SocialAccount>& accounts)
      : ctx_(ctx), accounts_(accounts) {}

  // Posts of `incident_id` ("" for all), at most `limit`, oldest first.
  base::Result<std::vector<store::SocialPost>> List(std::string_view incident_id, size_t limit);
  // NotFound when there is no such post.
  base::Result<store::SocialPost> Get(int64_t id);
  // Replaces the text of a pending post: InvalidArgument ("text") when it does not fit its
  // network; FailedPrecondition once it is posted, in flight or dead; NotFound. The
  // checker's findings are recomputed. Audited.
  base::Result<store::SocialPost> Edit(const model::Actor& actor, int64_t id, std::string text);
  // Makes a dead post pending again; FailedPrecondition if it is not dead. Audited.
  base::Status Retry(const model::Actor& actor, int64_t id);

  const std::vector<notify::SocialAccount>& accounts() const { return accounts_; }

 private:
  Context& ctx_;
  const std::vector<notify::SocialAccount>& accounts_;
};

}  // namespace phare::service
