#include "service/public_state.h"

#include <algorithm>

#include "model/rollup.h"
#include "service/components.h"

namespace phare::service {

std::span<const model::StatusChange> ChangesOf(const PublicState& state, std::string_view id) {
  const auto& all = state.status_changes;
  auto first =
      std::lower_bound(all.begin(), all.end(), id,
                       [](const auto& c, std::string_view key) { return c.component_id < key; });
  auto last = first;
  while (last != all.end() && last->component_id == id) ++last;
  return std::span(all).subspan(static_cast<size_t>(first - all.begin()),
                                static_cast<size_t>(last - first));
}

base::Result<std::shared_ptr<const PublicState>> LoadPublicState(store::Store& store,
                                                                 base::Time now, uint64_t version) {
  auto state = std::make_shared<PublicState>();
  state->now = now;
  state->version = version;
  PHARE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(state->page, tx.GetPage());
    PHARE_ASSIGN_OR_RETURN(state->components, tx.ListComponents());
    // A day more than shown: the first day starts at a local midnight before now - N days.
    PHARE_ASSIGN_OR_RETURN(state->status_changes,
                           tx.ListStatusChanges(now - std::chrono::hours(24 * (kUptimeDays + 1))));
    store::IncidentQuery all;
    all.limit = kMaxPublicIncidents;
    PHARE_ASSIGN_OR_RETURN(state->incidents, tx.ListIncidents(all));
    if (state->incidents.size() == kMaxPublicIncidents) {
      // The oldest fell off; make sure no open one did.
      store::IncidentQuery open;
      open.open_only = true;
      open.limit = kMaxPublicIncidents;
      PHARE_ASSIGN_OR_RETURN(auto open_incidents, tx.ListIncidents(open));
      for (auto& i : open_incidents) {
        bool present = false;
        for (const auto& j : state->incidents) present |= j.id == i.id;
        if (!present) state->incidents.push_back(std::move(i));
      }
    }
    return base::Status::Ok();
  }));
  for (auto& c : state->components) {
    if (c.group) c.status = model::GroupStatus(ChildrenOf(state->components, c.id));
  }
  return std::shared_ptr<const PublicState>(std::move(state));
}

}  // namespace phare::service
