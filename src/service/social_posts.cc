#include "service/social_posts.h"

#include "service/audit.h"

namespace phare::service {

base::Result<std::vector<store::SocialPost>> SocialPostService::List(std::string_view incident_id,
                                                                     size_t limit) {
  std::vector<store::SocialPost> out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> base::Status {
    PHARE_ASSIGN_OR_RETURN(out, tx.ListSocialPosts(incident_id, limit));
    return base::Status::Ok();
  }));
  return out;
}

base::Result<store::SocialPost> SocialPostService::Get(int64_t id) {
  std::optional<store::SocialPost> out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> base::Status {
    PHARE_ASSIGN_OR_RETURN(out, tx.GetSocialPost(id));
    return base::Status::Ok();
  }));
  return std::move(*out);
}

base::Result<store::SocialPost> SocialPostService::Edit(const model::Actor& actor, int64_t id,
                                                        std::string text) {
  const base::Time now = ctx_.clock.Now();
  std::optional<store::SocialPost> out;
  PHARE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> base::Status {
    PHARE_ASSIGN_OR_RETURN(store::SocialPost post, tx.GetSocialPost(id));
    const notify::SocialAccount* account = nullptr;
    for (const auto& a : accounts_) {
      if (a.name == post.account) account = &a;
    }
    if (!account) {
      return {base::Code::kFailedPrecondition,
              "account '" + post.account + "' is no longer configured"};
    }
    PHARE_RETURN_IF_ERROR(notify::CheckSocialText(*account, text));
    std::string warnings;
    auto incident = tx.GetIncident(post.incident_id);
    if (incident.ok()) {
      for (const auto& u : incident->updates) {
        if (u.id == post.update_id) {
          warnings = notify::SocialWarnings(*account, *incident, u, false, text);
        }
      }
    }
    PHARE_RETURN_IF_ERROR(tx.EditSocialPost(id, text, warnings));
    PHARE_ASSIGN_OR_RETURN(out, tx.GetSocialPost(id));
    return RecordAudit(tx, actor, now, "social_post.edit", "social_post", std::to_string(id));
  }));
  return std::move(*out);
}

base::Status SocialPostService::Retry(const model::Actor& actor, int64_t id) {
  const base::Time now = ctx_.clock.Now();
  return ctx_.store.Write([&](store::Tx& tx) {
    PHARE_RETURN_IF_ERROR(tx.RetrySocialPost(id, now));
    return RecordAudit(tx, actor, now, "social_post.retry", "social_post", std::to_string(id));
  });
}

}  // namespace phare::service
