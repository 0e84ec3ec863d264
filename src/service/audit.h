// Recording writes in the audit log, inside the write's own transaction.
#pragma once

#include <string_view>

#include "base/time.h"
#include "model/access.h"
#include "store/store.h"

namespace phare::service {

// Appends who did what to which object; `details_json` is a JSON object text.
base::Status RecordAudit(store::Tx& tx, const model::Actor& actor, base::Time at,
                         std::string_view action, std::string_view target_type,
                         std::string_view target_id, std::string details_json = "{}");

// Lists entries newest first, `limit` at most 500, before the entry id `before_id`
// (0: from the newest).
base::Result<std::vector<model::AuditEntry>> ListAudit(store::Store& store, size_t limit,
                                                       int64_t before_id);

}  // namespace phare::service
