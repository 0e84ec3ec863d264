// Readers telling us whether an update was clear: one vote (yes or no, with an optional
// short comment) on one update, for the audience and language they read it in. Nothing
// about the reader is kept: no address, no account, no cookie value. Plain values.
#pragma once

#include <cstdint>
#include <string>

#include "base/time.h"
#include "model/incident.h"

namespace phare::model {

struct FeedbackVote {
  std::string incident_id;
  std::string update_id;
  Audience audience = Audience::kGeneral;
  std::string language;  // BCP 47 primary tag of the text they read
  bool clear = true;
  std::string comment;  // may be empty; at most kMaxFeedbackCommentBytes
  base::Time at{};
};

// The votes on one update for one audience and language.
struct FeedbackTally {
  std::string incident_id;
  std::string update_id;
  Audience audience = Audience::kGeneral;
  std::string language;
  int64_t yes = 0;
  int64_t no = 0;
};

inline constexpr size_t kMaxFeedbackCommentBytes = 280;

}  // namespace phare::model
