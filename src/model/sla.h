// Service credits: from the intervals during which a resource was down (or degraded),
// its availability over one calendar month and the credit its SLA plan grants.
//
// Rules, for one resource and one month (CreditFor):
//   1. its downtime intervals of the kinds the plan counts (down; degraded too with
//      count_degraded) are merged into outages (overlapping or touching intervals make one);
//   2. maintenance windows covering the resource are cut out of every outage: they never
//      count;
//   3. an outage whose remaining length is below the plan's floor is ignored whole (the
//      floor applies to the whole outage, even where it crosses the month's boundary);
//   4. the rest of each outage inside the month is the month's downtime; availability is
//      100 × (1 − downtime / length of the month);
//   5. below the target, the tier is the one with the largest credit among those whose
//      `below` the availability is strictly under; the credit is that tier's, capped.
// Months are calendar months in UTC (every stored instant is UTC). More downtime never
// gives less credit; more maintenance never gives more. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"

namespace phare::model {

struct CreditTier {
  double below = 0;   // availability, percent: the tier applies strictly under it
  double credit = 0;  // percent of the month's fee
};

struct SlaPlan {
  std::string name;      // a resource's `sla`, else its product, else "default"
  double target = 99.9;  // availability promised per month, percent
  std::vector<CreditTier> tiers;
  bool count_degraded = false;  // degraded time counts as downtime too
  base::Duration floor{};       // outages shorter than this do not count
  double cap = 100;             // no credit above this percent
};

inline constexpr std::string_view kDefaultPlanName = "default";
inline constexpr size_t kMaxPlans = 100;
inline constexpr size_t kMaxTiers = 10;

// The plan used when the configuration names none: target 99.9 %; under 99.9 % 10 %,
// under 99 % 25 %, under 95 % 100 %; downtime only; no floor; cap 100 %.
SlaPlan DefaultSlaPlan();

// InvalidArgument naming `field` ("sla.gold.tiers[1].below") for a plan out of range: a
// name of 1–64 bytes, target in (0, 100], tiers 1–kMaxTiers with `below` in (0, target]
// and strictly decreasing, credits in (0, 100] and not decreasing, floor 0–24 h, cap in
// [0, 100].
base::Status ValidatePlan(const SlaPlan& plan, const std::string& field);

// The plan for a resource: the one named as its `sla`, else as its product, else
// "default"; nullptr when none is.
const SlaPlan* PlanFor(std::span<const SlaPlan> plans, std::string_view sla,
                       std::string_view product);

// [begin, end).
struct Span {
  base::Time begin{};
  base::Time end{};
  base::Duration length() const { return end > begin ? end - begin : base::Duration{}; }
};

// "2017-11" → [2017-11-01T00:00Z, 2017-12-01T00:00Z). InvalidArgument naming `field`
// for anything else (years 1970–9999).
base::Result<Span> ParseMonth(std::string_view yyyy_mm, const std::string& field = "month");
// "2017-11" for the month containing `t` (UTC).
std::string MonthOf(base::Time t);

enum class DowntimeKind : uint8_t { kDegraded, kDown };
std::string_view ToString(DowntimeKind kind);  // "degraded", "down"

struct DowntimeSpan {
  Span span;
  DowntimeKind kind = DowntimeKind::kDown;
};

struct ResourceCredit {
  base::Duration downtime{};  // counted in the month
  double availability = 100;  // percent
  int tier = -1;              // index into the plan's tiers; -1: none
  double credit = 0;          // percent of the month's fee
};

// The credit of one resource for `month` under `plan`, from its downtime (any order,
// overlaps allowed) and the maintenance windows covering it.
ResourceCredit CreditFor(const SlaPlan& plan, const Span& month,
                         std::span<const DowntimeSpan> downtime, std::span<const Span> maintenance);

// A stored downtime interval of one resource (store/credits.h); open while ended_at is
// empty. Customer, product and SLA are kept with it, so a month's credits need no graph.
struct Downtime {
  std::string resource_id;
  std::string customer_id;
  std::string product;
  std::string sla;
  DowntimeKind kind = DowntimeKind::kDown;
  base::Time started_at{};
  std::optional<base::Time> ended_at;
};

}  // namespace phare::model
