// SqliteTx: console users, set-password links and sign-in sessions.
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {
namespace {

constexpr std::string_view kUserColumns =
    "id, email, role, password_hash, language, created_at, disabled_at";

model::User ReadUser(const Statement& s) {
  model::User u;
  u.id = s.Text(0);
  u.email = s.Text(1);
  u.role = model::ParseRole(s.Text(2)).value_or(model::Role::kViewer);
  u.password_hash = s.Text(3);
  u.language = s.Text(4);
  u.created_at = base::FromMillis(s.Int(5));
  if (auto disabled = s.OptInt(6)) u.disabled_at = base::FromMillis(*disabled);
  return u;
}

std::optional<int64_t> OptMillis(const std::optional<base::Time>& t) {
  if (!t) return std::nullopt;
  return base::ToMillis(*t);
}

}  // namespace

base::Status SqliteTx::InsertUser(const model::User& u) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("INSERT INTO console_users (" + std::string(kUserColumns) +
                                       ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  s->Bind(1, u.id).Bind(2, u.email).Bind(3, model::ToString(u.role)).Bind(4, u.password_hash);
  s->Bind(5, u.language).Bind(6, base::ToMillis(u.created_at)).Bind(7, OptMillis(u.disabled_at));
  return s->Run();
}

base::Status SqliteTx::UpdateUser(const model::User& u) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("UPDATE console_users SET email = ?2, role = ?3, password_hash = ?4, "
                    "language = ?5, disabled_at = ?6 WHERE id = ?1"));
  s->Bind(1, u.id).Bind(2, u.email).Bind(3, model::ToString(u.role)).Bind(4, u.password_hash);
  s->Bind(5, u.language).Bind(6, OptMillis(u.disabled_at));
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0) return base::NotFound("user '" + u.id + "' does not exist");
  return base::Status::Ok();
}

base::Result<model::User> SqliteTx::GetUser(std::string_view id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kUserColumns) +
                                                      " FROM console_users WHERE id = ?1"));
  s->Bind(1, id);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("user '" + std::string(id) + "' does not exist");
  return ReadUser(*s);
}

base::Result<model::User> SqliteTx::FindUserByEmail(std::string_view email) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kUserColumns) +
                                                      " FROM console_users WHERE email = ?1"));
  s->Bind(1, email);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("no user with that e-mail");
  return ReadUser(*s);
}

base::Result<std::vector<model::User>> SqliteTx::ListUsers() {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kUserColumns) +
                                                      " FROM console_users ORDER BY email"));
  std::vector<model::User> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(ReadUser(*s));
  }
  return out;
}

base::Status SqliteTx::InsertPasswordLink(const model::PasswordLink& l) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO console_password_links (hash, user_id, created_at, expires_at, "
                    "used_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  s->BindBlob(1, l.hash).Bind(2, l.user_id).Bind(3, base::ToMillis(l.created_at));
  s->Bind(4, base::ToMillis(l.expires_at)).Bind(5, OptMillis(l.used_at));
  return s->Run();
}

base::Result<model::PasswordLink> SqliteTx::FindPasswordLink(std::string_view hash) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT hash, user_id, created_at, expires_at, used_at FROM "
                                       "console_password_links WHERE hash = ?1"));
  s->BindBlob(1, hash);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("no such link");
  model::PasswordLink l;
  l.hash = s->Blob(0);
  l.user_id = s->Text(1);
  l.created_at = base::FromMillis(s->Int(2));
  l.expires_at = base::FromMillis(s->Int(3));
  if (auto used = s->OptInt(4)) l.used_at = base::FromMillis(*used);
  return l;
}

base::Status SqliteTx::UsePasswordLinks(std::string_view user_id, base::Time at) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("UPDATE console_password_links SET used_at = ?2 "
                                       "WHERE user_id = ?1 AND used_at IS NULL"));
  s->Bind(1, user_id).Bind(2, base::ToMillis(at));
  return s->Run();
}

base::Status SqliteTx::InsertSession(const model::UserSession& x) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO console_sessions (id_hash, user_id, csrf, created_at, "
                    "last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  s->BindBlob(1, x.id_hash).Bind(2, x.user_id).Bind(3, x.csrf);
  s->Bind(4, base::ToMillis(x.created_at)).Bind(5, base::ToMillis(x.last_seen_at));
  return s->Run();
}

base::Result<model::UserSession> SqliteTx::FindSession(std::string_view id_hash) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s, conn_.Prepare("SELECT id_hash, user_id, csrf, created_at, last_seen_at FROM "
                                   "console_sessions WHERE id_hash = ?1"));
  s->BindBlob(1, id_hash);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("no such session");
  return model::UserSession{s->Blob(0), s->Text(1), s->Text(2), base::FromMillis(s->Int(3)),
                            base::FromMillis(s->Int(4))};
}

base::Status SqliteTx::TouchSession(std::string_view id_hash, base::Time at) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("UPDATE console_sessions SET last_seen_at = ?2 WHERE id_hash = ?1"));
  s->BindBlob(1, id_hash).Bind(2, base::ToMillis(at));
  return s->Run();
}

base::Status SqliteTx::DeleteSession(std::string_view id_hash) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("DELETE FROM console_sessions WHERE id_hash = ?1"));
  s->BindBlob(1, id_hash);
  return s->Run();
}

base::Result<int64_t> SqliteTx::DeleteSessions(std::string_view user_id, base::Time idle_before) {
  Statement* s = nullptr;
  if (user_id.empty()) {
    PHARE_ASSIGN_OR_RETURN(s,
                           conn_.Prepare("DELETE FROM console_sessions WHERE last_seen_at < ?1"));
    s->Bind(1, base::ToMillis(idle_before));
  } else {
    PHARE_ASSIGN_OR_RETURN(s, conn_.Prepare("DELETE FROM console_sessions WHERE user_id = ?1"));
    s->Bind(1, user_id);
  }
  PHARE_RETURN_IF_ERROR(s->Run());
  return s->Changes();
}

}  // namespace phare::store::sqlite
