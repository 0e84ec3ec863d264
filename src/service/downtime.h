// Downtime recording: turns the graph's state, as node reports and incidents change it,
// into each resource's downtime intervals (store/credits.h), which service credits are
// computed from. A resource is in downtime while the combined state of every open
// incident's reports makes it down or degraded (at risk is not downtime); its interval
// ends when a report restores what it depended on, or when the incident that took it
// down is resolved. A change of kind (degraded to down) ends one interval and starts
// another at the same instant.
//
// Called inside the transaction that changes the reports, with the states before and
// after. Progress samples are counts, not resources: they move estimates, not intervals.
#pragma once

#include "base/time.h"
#include "graph/propagation.h"
#include "store/credits.h"

namespace phare::service {

// Ends at `now` the interval of each resource whose downtime kind differs between
// `before` and `after` (states of the same inventory), and starts one for each that
// `after` leaves down or degraded.
base::Status RecordDowntimeChanges(store::CreditsTx& tx, const graph::Propagation& before,
                                   const graph::Propagation& after, base::Time now);

// Makes the open intervals match `state` (after an inventory import, whose resources may
// differ from those the open intervals name): ends those of resources that are no longer
// down or degraded or are gone, or whose kind changed, and starts the missing ones.
base::Status SyncDowntime(store::CreditsTx& tx, const graph::Propagation& state, base::Time now);

}  // namespace phare::service
