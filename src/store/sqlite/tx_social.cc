// SqliteTx: the social posts outbox (store/social.h).
#include "store/sqlite/sqlite_tx.h"

namespace phare::store {

std::string_view ToString(SocialPostState state) {
  switch (state) {
    case SocialPostState::kPending:
      return "pending";
    case SocialPostState::kLeased:
      return "leased";
    case SocialPostState::kPosted:
      return "posted";
    case SocialPostState::kDead:
      return "dead";
  }
  return "pending";
}

}  // namespace phare::store

namespace phare::store::sqlite {
namespace {

constexpr std::string_view kColumns =
    "id, account, incident_id, update_id, text, edited, state, attempts, created_at, due_at, "
    "posted_at, remote_id, remote_uri, remote_cid, last_error, warnings";

SocialPost ReadPost(const Statement& s) {
  SocialPost p;
  p.id = s.Int(0);
  p.account = s.Text(1);
  p.incident_id = s.Text(2);
  p.update_id = s.Text(3);
  p.text = s.Text(4);
  p.edited = s.Int(5) != 0;
  p.state = static_cast<SocialPostState>(s.Int(6));
  p.attempts = static_cast<int>(s.Int(7));
  p.created_at = base::FromMillis(s.Int(8));
  p.due_at = base::FromMillis(s.Int(9));
  if (auto at = s.OptInt(10)) p.posted_at = base::FromMillis(*at);
  p.remote_id = s.Text(11);
  p.remote_uri = s.Text(12);
  p.remote_cid = s.Text(13);
  p.last_error = s.Text(14);
  p.warnings = s.Text(15);
  return p;
}

base::Result<std::vector<SocialPost>> ReadPosts(Statement& s) {
  std::vector<SocialPost> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadPost(s));
  }
  return out;
}

base::Status NotInState(int64_t id, std::string_view wanted) {
  return {base::Code::kFailedPrecondition,
          "social post " + std::to_string(id) + " is not " + std::string(wanted)};
}

}  // namespace

base::Result<int64_t> SqliteTx::SocialCursor() {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT job_id FROM social_cursor"));
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (row) {
    const int64_t cursor = s->Int(0);
    PHARE_RETURN_IF_ERROR(s->Run());
    return cursor;
  }
  PHARE_ASSIGN_OR_RETURN(Statement * newest,
                         conn_.Prepare("SELECT COALESCE(MAX(id), 0) FROM notify_jobs"));
  PHARE_ASSIGN_OR_RETURN(bool any, newest->Step());
  const int64_t cursor = any ? newest->Int(0) : 0;
  PHARE_RETURN_IF_ERROR(newest->Run());
  PHARE_RETURN_IF_ERROR(SetSocialCursor(cursor));
  return cursor;
}

base::Status SqliteTx::SetSocialCursor(int64_t job_id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("INSERT INTO social_cursor (one, job_id) VALUES (1, ?1) "
                                       "ON CONFLICT (one) DO UPDATE SET job_id = excluded.job_id"));
  s->Bind(1, job_id);
  return s->Run();
}

base::Result<std::vector<SocialSource>> SqliteTx::SocialSourcesAfter(int64_t job_id, size_t limit) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s, conn_.Prepare("SELECT id, incident_id, update_id, event FROM notify_jobs "
                                   "WHERE id > ?1 AND event != 'component' ORDER BY id LIMIT ?2"));
  s->Bind(1, job_id).Bind(2, static_cast<int64_t>(limit));
  std::vector<SocialSource> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back({s->Int(0), s->Text(1), s->Text(2),
                   ParseNotifyEvent(s->Text(3)).value_or(NotifyEvent::kUpdated)});
  }
  return out;
}

base::Result<bool> SqliteTx::InsertSocialPost(SocialPost& post) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO social_posts (account, incident_id, update_id, text, created_at, "
                    "due_at, warnings) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                    "ON CONFLICT (account, update_id) DO NOTHING"));
  s->Bind(1, post.account).Bind(2, post.incident_id).Bind(3, post.update_id).Bind(4, post.text);
  s->Bind(5, base::ToMillis(post.created_at)).Bind(6, base::ToMillis(post.due_at));
  s->Bind(7, post.warnings);
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0) return false;
  post.id = conn_.LastInsertRowId();
  return true;
}

base::Result<std::vector<SocialPost>> SqliteTx::LeaseSocialPosts(base::Time now,
                                                                 base::Time lease_until,
                                                                 size_t limit) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT " + std::string(kColumns) +
                    " FROM social_posts p WHERE state < 2 AND due_at <= ?1 AND NOT EXISTS ("
                    "SELECT 1 FROM social_posts e WHERE e.account = p.account AND "
                    "e.incident_id = p.incident_id AND e.id < p.id AND e.state < 2) "
                    "ORDER BY id LIMIT ?2"));
  s->Bind(1, base::ToMillis(now)).Bind(2, static_cast<int64_t>(limit));
  PHARE_ASSIGN_OR_RETURN(std::vector<SocialPost> posts, ReadPosts(*s));
  PHARE_ASSIGN_OR_RETURN(
      Statement * lease,
      conn_.Prepare("UPDATE social_posts SET state = 1, attempts = attempts + 1, due_at = ?2 "
                    "WHERE id = ?1"));
  for (SocialPost& p : posts) {
    lease->Bind(1, p.id).Bind(2, base::ToMillis(lease_until));
    PHARE_RETURN_IF_ERROR(lease->Run());
    p.state = SocialPostState::kLeased;
    p.attempts += 1;
    p.due_at = lease_until;
  }
  return posts;
}

base::Result<int64_t> SqliteTx::ReleaseSocialLeases(base::Time now) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("UPDATE social_posts SET due_at = ?1 WHERE state = 1"));
  s->Bind(1, base::ToMillis(now));
  PHARE_RETURN_IF_ERROR(s->Run());
  return s->Changes();
}

base::Status SqliteTx::FinishSocialPost(const SocialPost& post) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("UPDATE social_posts SET state = ?2, attempts = ?3, due_at = ?4, "
                    "posted_at = ?5, remote_id = ?6, remote_uri = ?7, remote_cid = ?8, "
                    "last_error = ?9 WHERE id = ?1"));
  s->Bind(1, post.id).Bind(2, static_cast<int>(post.state)).Bind(3, post.attempts);
  s->Bind(4, base::ToMillis(post.due_at));
  if (post.posted_at) {
    s->Bind(5, base::ToMillis(*post.posted_at));
  } else {
    s->BindNull(5);
  }
  s->Bind(6, post.remote_id).Bind(7, post.remote_uri).Bind(8, post.remote_cid);
  s->Bind(9, post.last_error);
  return s->Run();
}

base::Result<SocialThread> SqliteTx::SocialThreadOf(std::string_view account,
                                                    std::string_view incident_id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT remote_id, remote_uri, remote_cid FROM social_posts "
                                       "WHERE account = ?1 AND incident_id = ?2 AND state = 2 AND "
                                       "(remote_id != '' OR remote_uri != '') ORDER BY id"));
  s->Bind(1, account).Bind(2, incident_id);
  SocialThread thread;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    SocialRef ref{s->Text(0), s->Text(1), s->Text(2)};
    if (!thread.root) thread.root = ref;
    thread.parent = std::move(ref);
  }
  return thread;
}

base::Result<std::vector<SocialPost>> SqliteTx::ListSocialPosts(std::string_view incident_id,
                                                                size_t limit) {
  const std::string where = incident_id.empty() ? "" : " WHERE incident_id = ?1";
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT * FROM (SELECT " + std::string(kColumns) + " FROM social_posts" +
                    where + " ORDER BY id DESC LIMIT ?2) ORDER BY id"));
  if (!incident_id.empty()) s->Bind(1, incident_id);
  s->Bind(2, static_cast<int64_t>(limit));
  return ReadPosts(*s);
}

base::Result<SocialPost> SqliteTx::GetSocialPost(int64_t id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kColumns) +
                                                      " FROM social_posts WHERE id = ?1"));
  s->Bind(1, id);
  PHARE_ASSIGN_OR_RETURN(std::vector<SocialPost> posts, ReadPosts(*s));
  if (posts.empty()) return base::NotFound("social post " + std::to_string(id) + " does not exist");
  return std::move(posts.front());
}

base::Status SqliteTx::EditSocialPost(int64_t id, std::string_view text,
                                      std::string_view warnings) {
  PHARE_ASSIGN_OR_RETURN(SocialPost post, GetSocialPost(id));
  if (post.state != SocialPostState::kPending) return NotInState(id, "pending");
  PHARE_ASSIGN_OR_RETURN(
      Statement * s, conn_.Prepare("UPDATE social_posts SET text = ?2, warnings = ?3, edited = 1 "
                                   "WHERE id = ?1 AND state = 0"));
  s->Bind(1, id).Bind(2, text).Bind(3, warnings);
  return s->Run();
}

base::Status SqliteTx::RetrySocialPost(int64_t id, base::Time now) {
  PHARE_ASSIGN_OR_RETURN(SocialPost post, GetSocialPost(id));
  if (post.state != SocialPostState::kDead) return NotInState(id, "dead");
  PHARE_ASSIGN_OR_RETURN(
      Statement * s, conn_.Prepare("UPDATE social_posts SET state = 0, attempts = 0, due_at = ?2, "
                                   "last_error = '' WHERE id = ?1"));
  s->Bind(1, id).Bind(2, base::ToMillis(now));
  return s->Run();
}

}  // namespace phare::store::sqlite
