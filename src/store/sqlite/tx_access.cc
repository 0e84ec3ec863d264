// SqliteTx: API tokens and the audit log.
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {
namespace {

std::string JoinScopes(const std::vector<model::Scope>& scopes) {
  std::string out;
  for (auto scope : scopes) {
    if (!out.empty()) out += ',';
    out += model::ToString(scope);
  }
  return out;
}

model::ApiToken ReadToken(const Statement& s) {
  model::ApiToken t;
  t.id = s.Text(0);
  t.name = s.Text(1);
  t.hash = s.Blob(2);
  t.scopes = model::ParseScopes(s.Text(3)).value_or(std::vector<model::Scope>{});
  t.created_at = base::FromMillis(s.Int(4));
  if (auto revoked = s.OptInt(5)) t.revoked_at = base::FromMillis(*revoked);
  return t;
}

constexpr std::string_view kTokenColumns = "id, name, hash, scopes, created_at, revoked_at";

}  // namespace

base::Status SqliteTx::InsertToken(const model::ApiToken& t) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("INSERT INTO api_tokens (" + std::string(kTokenColumns) +
                                       ") VALUES (?1, ?2, ?3, ?4, ?5, NULL)"));
  s->Bind(1, t.id).Bind(2, t.name).BindBlob(3, t.hash).Bind(4, JoinScopes(t.scopes));
  s->Bind(5, base::ToMillis(t.created_at));
  return s->Run();
}

base::Result<model::ApiToken> SqliteTx::FindTokenByHash(std::string_view hash) {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kTokenColumns) +
                                                      " FROM api_tokens WHERE hash = ?1"));
  s->BindBlob(1, hash);
  PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::NotFound("no such token");
  return ReadToken(*s);
}

base::Result<std::vector<model::ApiToken>> SqliteTx::ListTokens() {
  PHARE_ASSIGN_OR_RETURN(Statement * s, conn_.Prepare("SELECT " + std::string(kTokenColumns) +
                                                      " FROM api_tokens ORDER BY created_at"));
  std::vector<model::ApiToken> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(ReadToken(*s));
  }
  return out;
}

base::Status SqliteTx::RevokeToken(std::string_view id, base::Time at) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND "
                                       "revoked_at IS NULL"));
  s->Bind(1, id).Bind(2, base::ToMillis(at));
  PHARE_RETURN_IF_ERROR(s->Run());
  if (s->Changes() == 0) {
    return base::NotFound("token '" + std::string(id) + "' does not exist or is already revoked");
  }
  return base::Status::Ok();
}

base::Status SqliteTx::AppendAudit(const model::AuditEntry& e) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO audit_log (at, actor, action, target_type, target_id, details) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  s->Bind(1, base::ToMillis(e.at))
      .Bind(2, e.actor)
      .Bind(3, e.action)
      .Bind(4, e.target_type)
      .Bind(5, e.target_id)
      .Bind(6, e.details);
  return s->Run();
}

base::Result<std::vector<model::AuditEntry>> SqliteTx::ListAudit(size_t limit, int64_t before_id) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT id, at, actor, action, target_type, target_id, details FROM audit_log "
                    "WHERE id < ?1 ORDER BY id DESC LIMIT ?2"));
  s->Bind(1, before_id > 0 ? before_id : INT64_MAX).Bind(2, static_cast<int64_t>(limit));
  std::vector<model::AuditEntry> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back({s->Int(0), base::FromMillis(s->Int(1)), s->Text(2), s->Text(3), s->Text(4),
                   s->Text(5), s->Text(6)});
  }
  return out;
}

}  // namespace phare::store::sqlite
