// CreditsTx: the store's part for service credits: each resource's downtime intervals
// (model::Downtime), recorded as the graph's state changes so that a month's credits
// are computed from them alone, without replaying incidents.
//
// A resource has at most one open interval (ended_at empty) at a time. Same rules as Tx
// (store.h): valid only inside the transaction it was given to; not thread-safe.
// Errors: IoError/Unavailable from the database; AlreadyExists when opening a second
// interval for a resource that has one open.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/sla.h"

namespace phare::store {

struct DowntimeQuery {
  base::Time from{};        // intervals overlapping [from, to): open ones count as
  base::Time to{};          // running on
  std::string customer_id;  // only this customer's when not empty
};

class CreditsTx {
 public:
  virtual ~CreditsTx() = default;

  // Records intervals as given (their ended_at is usually empty: open).
  virtual base::Status OpenDowntime(const std::vector<model::Downtime>& intervals) = 0;
  // Ends at `at` the open interval of each of `resource_ids` (ids with none: ignored).
  virtual base::Status CloseDowntime(const std::vector<std::string>& resource_ids,
                                     base::Time at) = 0;
  // Every open interval, by resource id.
  virtual base::Result<std::vector<model::Downtime>> ListOpenDowntime() = 0;
  // Calls `fn` with each interval matching `query`, ordered by customer id, resource id,
  // then start; stops at the first error `fn` returns and returns it.
  virtual base::Status ScanDowntime(const DowntimeQuery& query,
                                    const std::function<base::Status(model::Downtime&&)>& fn) = 0;
};

}  // namespace phare::store
