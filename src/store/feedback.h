// Persistence of readers' feedback on updates (model/feedback.h). Part of store::Tx; a
// service that only records or reads feedback takes this narrow interface. Same threading
// and error rules as Tx (store.h): IoError when the database fails.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/feedback.h"

namespace phare::store {

class FeedbackTx {
 public:
  virtual ~FeedbackTx() = default;

  virtual base::Status InsertFeedback(const model::FeedbackVote& vote) = 0;
  // The votes on `incident_id`'s updates, oldest first, at most `limit`.
  virtual base::Result<std::vector<model::FeedbackVote>> ListFeedback(std::string_view incident_id,
                                                                      size_t limit) = 0;
  // Yes/no counts per update × audience × language for updates with a vote at or after
  // `since`, ordered by incident and update.
  virtual base::Result<std::vector<model::FeedbackTally>> TallyFeedback(base::Time since) = 0;
};

}  // namespace phare::store
