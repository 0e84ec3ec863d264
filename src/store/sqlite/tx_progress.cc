// SqliteTx: restoration progress samples, operator estimates and the update times the
// estimator learns from.
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {

base::Status SqliteTx::AddProgress(std::string_view incident_id, const model::ProgressSample& p) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO progress_samples (incident_id, scope, at, restored, total) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)"));
  s->Bind(1, incident_id).Bind(2, p.scope).Bind(3, base::ToMillis(p.at));
  s->Bind(4, p.restored).Bind(5, p.total);
  return s->Run();
}

base::Result<std::vector<model::ProgressSample>> SqliteTx::ListProgress(
    std::string_view incident_id) {
  PHARE_ASSIGN_OR_RETURN(Statement * s,
                         conn_.Prepare("SELECT scope, at, restored, total FROM progress_samples "
                                       "WHERE incident_id = ?1 ORDER BY at, rowid"));
  s->Bind(1, incident_id);
  std::vector<model::ProgressSample> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back({s->Text(0), base::FromMillis(s->Int(1)), s->Int(2), s->Int(3)});
  }
  return out;
}

base::Status SqliteTx::AddOperatorEstimate(std::string_view incident_id,
                                           const model::OperatorEstimate& e) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO operator_estimates (incident_id, scope, stated_at, from_at, "
                    "to_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  s->Bind(1, incident_id).Bind(2, e.scope).Bind(3, base::ToMillis(e.stated_at));
  if (e.from) s->Bind(4, base::ToMillis(*e.from));
  s->Bind(5, base::ToMillis(e.to));
  return s->Run();
}

base::Result<std::vector<model::OperatorEstimate>> SqliteTx::ListOperatorEstimates(
    std::string_view incident_id) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT scope, stated_at, from_at, to_at FROM operator_estimates "
                    "WHERE incident_id = ?1 ORDER BY stated_at, rowid"));
  s->Bind(1, incident_id);
  std::vector<model::OperatorEstimate> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    model::OperatorEstimate e;
    e.scope = s->Text(0);
    e.stated_at = base::FromMillis(s->Int(1));
    if (auto from = s->OptInt(2)) e.from = base::FromMillis(*from);
    e.to = base::FromMillis(s->Int(3));
    out.push_back(std::move(e));
  }
  return out;
}

base::Result<std::vector<UpdateTime>> SqliteTx::ListUpdateTimes(model::IncidentKind kind,
                                                                size_t limit) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT u.incident_id, u.display_at, u.status, u.next_update_at "
                    "FROM (SELECT id FROM incidents WHERE kind = ?1 "
                    "ORDER BY COALESCE(scheduled_for, started_at) DESC, created_at DESC, id "
                    "LIMIT ?2) i JOIN incident_updates u ON u.incident_id = i.id "
                    "ORDER BY u.incident_id, u.display_at, u.seq"));
  s->Bind(1, model::ToString(kind)).Bind(2, static_cast<int64_t>(limit));
  std::vector<UpdateTime> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    UpdateTime u;
    u.incident_id = s->Text(0);
    u.at = base::FromMillis(s->Int(1));
    u.status =
        model::ParseIncidentStatus(s->Text(2)).value_or(model::IncidentStatus::kInvestigating);
    if (auto next = s->OptInt(3)) u.next_update_at = base::FromMillis(*next);
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace phare::store::sqlite
