// The public state of the page at one instant: what the snapshot renders. Loaded from
// the store in one read transaction, then immutable and shared between threads
// (`std::shared_ptr<const PublicState>`).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "model/component.h"
#include "model/incident.h"
#include "model/page.h"
#include "model/uptime.h"
#include "store/store.h"

namespace phare::service {

struct PublicState {
  model::Page page;
  std::vector<model::Component> components;  // display order; group statuses derived
  std::vector<model::Incident> incidents;    // newest first (by start or window start)
  // Components' status changes of the last kUptimeDays (plus the one in force before),
  // by component then time.
  std::vector<model::StatusChange> status_changes;
  base::Time now{};      // when it was loaded (the clock's time)
  uint64_t version = 0;  // increases with each load in this process
};

// How many days of each component's track record the page shows.
inline constexpr int kUptimeDays = 90;

// At most this many incidents are kept in memory (all open ones always are).
inline constexpr size_t kMaxPublicIncidents = 20000;

// Component `id`'s changes in `state.status_changes` (a slice: they are ordered by
// component).
std::span<const model::StatusChange> ChangesOf(const PublicState& state, std::string_view id);

// Loads the state; group statuses are set to their worst child's.
base::Result<std::shared_ptr<const PublicState>> LoadPublicState(store::Store& store,
                                                                 base::Time now, uint64_t version);

}  // namespace phare::service
