// SqliteTx: the dead letters of the notification outbox, listed for operators.
#include "store/sqlite/sqlite_tx.h"

namespace phare::store::sqlite {

base::Result<std::vector<DeadLetter>> SqliteTx::ListDeadDeliveries(size_t limit) {
  static_assert(static_cast<int>(model::DeliveryState::kDead) == 3);
  // Through the partial index deliveries_dead (state = 3): never a scan of the outbox.
  PHARE_ASSIGN_OR_RETURN(
      Statement * s,
      conn_.Prepare("SELECT d.id, d.channel, COALESCE(s.id, ''), COALESCE(s.address, ''), "
                    "d.incident_id, d.attempts, d.due_at, COALESCE(d.last_error, '') "
                    "FROM deliveries d LEFT JOIN subscribers s ON s.seq = d.subscriber "
                    "WHERE d.state = 3 ORDER BY d.id DESC LIMIT ?1"));
  s->Bind(1, static_cast<int64_t>(limit));
  std::vector<DeadLetter> out;
  for (;;) {
    PHARE_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    DeadLetter d;
    d.id = s->Int(0);
    d.channel = static_cast<model::Channel>(s->Int(1));
    d.subscriber_id = s->Text(2);
    d.address = s->Text(3);
    d.incident_id = s->Text(4);
    d.attempts = static_cast<int>(s->Int(5));
    d.failed_at = base::FromMillis(s->Int(6));
    d.last_error = s->Text(7);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace phare::store::sqlite
