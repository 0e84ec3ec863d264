// Service credits for one calendar month (UTC): for each customer and each of their
// resources that had downtime in the month, the downtime counted, the availability, the
// tier and the credit (percent of the month's fee) their SLA plan grants
// (model/sla.h), with totals per product. Computed from the stored downtime intervals
// (store/credits.h, recorded by service/downtime.h), the plans and the month's
// maintenance windows alone: no incident is replayed.
//
// Maintenance windows are the announced ones (scheduled_for to scheduled_until, else
// from the start to the end of the maintenance); a window cut out of a resource's
// downtime when it names no component (the whole page) or names a page component that
// an inventory component node having the resource as a member shows as. A month not
// over yet counts open intervals up to `now`, over the whole month's length (a
// statement so far). Thread-safe functions; each reads in one transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/sla.h"
#include "service/graph_state.h"
#include "store/store.h"

namespace phare::service {

struct CreditLine {
  std::string resource_id;
  std::string product;
  std::string sla;
  std::string plan;  // the plan applied; "" when none applies (no credit)
  model::ResourceCredit credit;
};

struct CustomerCredits {
  std::string customer_id;
  std::vector<CreditLine> resources;  // by resource id
  uint32_t credited = 0;              // resources with a credit
};

struct ProductTotal {
  std::string product;
  uint32_t resources = 0;  // with downtime in the month
  uint32_t credited = 0;
  base::Duration downtime{};
  std::map<double, uint32_t> by_credit;  // credit percent → resources credited so
};

struct CreditReport {
  std::string month;  // "2017-11"
  model::Span span;
  base::Time as_of{};     // downtime counted up to here (the month's end when it is over)
  bool complete = false;  // the month is over
  uint32_t maintenance_windows = 0;
  std::vector<CustomerCredits> customers;  // with downtime in the month, by id
  std::vector<ProductTotal> products;      // by product code
};

struct CreditQuery {
  std::string month;        // "YYYY-MM"
  std::string customer_id;  // one customer's statement when not empty
};

// The graph state, asked for only when a maintenance window of the month names
// components (it is what maps them to resources); may return null (no inventory).
using GraphSource = std::function<base::Result<std::shared_ptr<const GraphState>>()>;

// InvalidArgument naming "month" for a malformed month or one that has not begun, and
// "customer" for an over-long id. A customer without downtime gets an empty statement.
base::Result<CreditReport> ComputeCredits(store::Store& store,
                                          std::span<const model::SlaPlan> plans,
                                          const CreditQuery& query, base::Time now,
                                          const GraphSource& graph = {});

}  // namespace phare::service
