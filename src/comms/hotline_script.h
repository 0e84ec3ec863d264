// The phone line's script: the page's current situation in one language, in short spoken
// sentences a voice synthesizer reads to callers (docs/channels.md). No links, no
// abbreviations, no digits: products are said as people say them (hotline.product.*),
// places as the components name them, numbers and times spelled out (spoken.h).
//
// What it says, from the same public state as the page: a greeting; for each open
// incident (newest first, at most kMaxSpokenIncidents, then how many more) what is hit and
// since when, how many services when the inventory knows, that the teams are on it, where
// the work stands, when service should be back (never a time already passed) and when the
// next update comes; maintenance under way and when it should end; services restored in
// the last kRestoredWindow; an apology while an incident is open; when the message was
// last updated. With nothing of that, that all is well. One sentence per line.
//
// Pure function of its inputs; thread-safe.
#pragma once

#include <chrono>
#include <span>
#include <string>

#include "base/status.h"
#include "base/time.h"
#include "comms/catalog.h"
#include "model/component.h"
#include "model/incident.h"

namespace phare::comms {

struct HotlineFacts {
  std::string page_name;
  base::Zone zone = base::Zone::Utc();  // the page's
  base::Time now{};
  std::span<const model::Component> components;
  std::span<const model::Incident> incidents;  // newest first, with their updates
};

inline constexpr size_t kMaxSpokenIncidents = 3;
inline constexpr auto kRestoredWindow = std::chrono::hours(6);

// The script in `catalog`'s language. Internal when a catalog pattern or ICU fails.
base::Result<std::string> WriteHotlineScript(const HotlineFacts& facts, const Catalog& catalog);

}  // namespace phare::comms
