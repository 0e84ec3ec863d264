// Cues that incident update texts give about time, for replaying histories that
// have no structured estimate: the promised next update ("we will provide an
// update by 13:00 US/Pacific", "next update in 30 minutes"), an operator's
// estimate ("the mitigation is expected to complete by ...", "should be resolved
// within 2 hours") and its explicit absence ("we do not have an ETA").
//
// Times are read as "YYYY-MM-DD HH:MM ZONE" (IANA names and common abbreviations:
// UTC, GMT, PT, PST, PDT, ET, EST, EDT, CET, CEST, BST...), "HH:MM ZONE" (the next
// such time after the update), or durations relative to the update. A time without
// a zone is not trusted and ignored. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "base/time.h"
#include "eta/operator.h"

namespace phare::eta {

struct TextCues {
  std::optional<base::Time> next_update_at;
  std::optional<OperatorEstimate> eta;  // stated_at = the update's time
  bool no_eta = false;                  // the text says no estimate is known
};

// `at` is when the update was published; cues in the past of `at` are dropped.
TextCues ParseTextCues(std::string_view text, base::Time at);

}  // namespace phare::eta
