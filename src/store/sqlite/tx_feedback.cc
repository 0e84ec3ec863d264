// SqliteTx: readers' votes on whether an update was clear.
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {

base::Status SqliteTx::InsertFeedback(const model::FeedbackVote& v) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("INSERT INTO feedback_votes (incident_id, update_id, audience, language, "
                    "clear, comment, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  s->Bind(1, v.incident_id).Bind(2, v.update_id).Bind(3, model::ToString(v.audience));
  s->Bind(4, v.language).Bind(5, int64_t{v.clear ? 1 : 0}).Bind(6, v.comment);
  s->Bind(7, base::ToMillis(v.at));
  return s->Run();
}

base::Result<std::vector<model::FeedbackVote>> SqliteTx::ListFeedback(std::string_view incident_id,
                                                                      size_t limit) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT update_id, audience, language, clear, comment, at FROM feedback_votes "
                    "WHERE incident_id = ?1 ORDER BY at, rowid LIMIT ?2"));
  s->Bind(1, incident_id).Bind(2, static_cast<int64_t>(limit));
  std::vector<model::FeedbackVote> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    model::FeedbackVote v;
    v.incident_id = std::string(incident_id);
    v.update_id = s->Text(0);
    v.audience = model::ParseAudience(s->Text(1)).value_or(model::Audience::kGeneral);
    v.language = s->Text(2);
    v.clear = s->Int(3) != 0;
    v.comment = s->Text(4);
    v.at = base::FromMillis(s->Int(5));
    out.push_back(std::move(v));
  }
  return out;
}

base::Result<std::vector<model::FeedbackTally>> SqliteTx::TallyFeedback(base::Time since) {
  PHARE_ASSIGN_OR_RETURN(
      Statement * s, conn_.Prepare("SELECT incident_id, update_id, audience, language, SUM(clear), "
                                   "SUM(1 - clear) FROM feedback_votes WHERE update_id IN "
                                   "(SELECT DISTINCT update_id FROM feedback_votes WHERE at >= ?1) "
                                   "GROUP BY incident_id, update_id, audience, language "
                                   "ORDER BY incident_id, update_id, audience, language"));
  s->Bind(1, base::ToMillis(since));
  std::vector<model::FeedbackTally> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    model::FeedbackTally t;
    t.incident_id = s->Text(0);
    t.update_id = s->Text(1);
    t.audience = model::ParseAudience(s->Text(2)).value_or(model::Audience::kGeneral);
    t.language = s->Text(3);
    t.yes = s->Int(4);
    t.no = s->Int(5);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace phare::store::sqlite
