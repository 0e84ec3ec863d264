#include "service/audit.h"

#include <algorithm>

namespace phare::service {

base::Status RecordAudit(store::Tx& tx, const model::Actor& actor, base::Time at,
                         std::string_view action, std::string_view target_type,
                         std::string_view target_id, std::string details_json) {
  model::AuditEntry entry;
  entry.at = at;
  entry.actor = actor.name;
  entry.action = std::string(action);
  entry.target_type = std::string(target_type);
  entry.target_id = std::string(target_id);
  entry.details = std::move(details_json);
  return tx.AppendAudit(entry);
}

base::Result<std::vector<model::AuditEntry>> ListAudit(store::Store& store, size_t limit,
                                                       int64_t before_id) {
  std::vector<model::AuditEntry> out;
  PHARE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(out, tx.ListAudit(std::clamp<size_t>(limit, 1, 500), before_id));
    return base::Status::Ok();
  }));
  return out;
}

}  // namespace phare::service
