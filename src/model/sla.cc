#include "model/sla.h"

#include <date/date.h>

#include <algorithm>
#include <cmath>

namespace phare::model {
namespace {

using base::Duration;
using base::Time;

std::string Percent(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

base::Status CheckTiers(const SlaPlan& plan, const std::string& field) {
  if (plan.tiers.empty() || plan.tiers.size() > kMaxTiers) {
    return base::InvalidArgument("needs 1 to " + std::to_string(kMaxTiers) + " tiers",
                                 field + ".tiers");
  }
  for (size_t k = 0; k < plan.tiers.size(); ++k) {
    const CreditTier& t = plan.tiers[k];
    const std::string at = field + ".tiers[" + std::to_string(k) + "]";
    if (!(t.below > 0 && t.below <= plan.target)) {
      return base::InvalidArgument(
          "must be above 0 and at most the target (" + Percent(plan.target) + ")", at + ".below");
    }
    if (!(t.credit > 0 && t.credit <= 100)) {
      return base::InvalidArgument("must be above 0 and at most 100", at + ".credit");
    }
    if (k == 0) continue;
    const CreditTier& prev = plan.tiers[k - 1];
    if (t.below >= prev.below) {
      return base::InvalidArgument("must be below the previous tier's (" + Percent(prev.below) +
                                       "): list tiers from the mildest to the worst",
                                   at + ".below");
    }
    if (t.credit < prev.credit) {
      return base::InvalidArgument(
          "must be at least the previous tier's (" + Percent(prev.credit) + ")", at + ".credit");
    }
  }
  return base::Status::Ok();
}

// Sorted, merged copies of `spans` (overlapping or touching ones become one).
std::vector<Span> Merge(std::vector<Span> spans) {
  std::erase_if(spans, [](const Span& s) { return s.end <= s.begin; });
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> out;
  for (const Span& s : spans) {
    if (!out.empty() && s.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

Duration Overlap(const Span& a, const Span& b) {
  return Span{std::max(a.begin, b.begin), std::min(a.end, b.end)}.length();
}

// The parts of `outage` outside the (merged) `maintenance` windows.
std::vector<Span> CutOut(const Span& outage, const std::vector<Span>& maintenance) {
  std::vector<Span> out;
  Time from = outage.begin;
  for (const Span& m : maintenance) {
    if (m.end <= from) continue;
    if (m.begin >= outage.end) break;
    if (m.begin > from) out.push_back({from, m.begin});
    from = std::max(from, m.end);
  }
  if (from < outage.end) out.push_back({from, outage.end});
  return out;
}

}  // namespace

SlaPlan DefaultSlaPlan() {
  SlaPlan p;
  p.name = std::string(kDefaultPlanName);
  p.target = 99.9;
  p.tiers = {{99.9, 10}, {99.0, 25}, {95.0, 100}};
  return p;
}

base::Status ValidatePlan(const SlaPlan& plan, const std::string& field) {
  if (plan.name.empty() || plan.name.size() > 64) {
    return base::InvalidArgument("a plan's name must have 1 to 64 bytes", field);
  }
  if (!(plan.target > 0 && plan.target <= 100)) {
    return base::InvalidArgument("must be above 0 and at most 100", field + ".target");
  }
  PHARE_RETURN_IF_ERROR(CheckTiers(plan, field));
  if (plan.floor < Duration::zero() || plan.floor > std::chrono::hours(24)) {
    return base::InvalidArgument("must be between 0 and 1440 minutes", field + ".floor_minutes");
  }
  if (!(plan.cap >= 0 && plan.cap <= 100)) {
    return base::InvalidArgument("must be between 0 and 100", field + ".cap");
  }
  return base::Status::Ok();
}

const SlaPlan* PlanFor(std::span<const SlaPlan> plans, std::string_view sla,
                       std::string_view product) {
  const auto named = [&](std::string_view name) -> const SlaPlan* {
    if (name.empty()) return nullptr;
    auto it =
        std::find_if(plans.begin(), plans.end(), [&](const SlaPlan& p) { return p.name == name; });
    return it == plans.end() ? nullptr : &*it;
  };
  if (const SlaPlan* p = named(sla)) return p;
  if (const SlaPlan* p = named(product)) return p;
  return named(kDefaultPlanName);
}

base::Result<Span> ParseMonth(std::string_view text, const std::string& field) {
  const auto bad = [&] {
    return base::InvalidArgument("must be a month as YYYY-MM (e.g. 2017-11)", field);
  };
  if (text.size() != 7 || text[4] != '-') return bad();
  auto day = base::ValidateDate(std::string(text) + "-01");
  if (!day.ok()) return bad();
  auto begin = base::ParseTime(*day + "T00:00:00Z");
  if (!begin.ok()) return bad();
  const date::year_month_day ymd{date::floor<date::days>(*begin)};
  const date::year_month next = date::year_month{ymd.year(), ymd.month()} + date::months{1};
  const Time end = date::sys_days{next / 1};
  return Span{*begin, end};
}

std::string MonthOf(base::Time t) {
  const date::year_month_day ymd{date::floor<date::days>(t)};
  return date::format("%Y-%m", date::sys_days{ymd.year() / ymd.month() / 1});
}

std::string_view ToString(DowntimeKind kind) {
  return kind == DowntimeKind::kDown ? "down" : "degraded";
}

ResourceCredit CreditFor(const SlaPlan& plan, const Span& month,
                         std::span<const DowntimeSpan> downtime,
                         std::span<const Span> maintenance) {
  std::vector<Span> counted;
  for (const DowntimeSpan& d : downtime) {
    if (d.kind == DowntimeKind::kDown || plan.count_degraded) counted.push_back(d.span);
  }
  const std::vector<Span> windows = Merge({maintenance.begin(), maintenance.end()});
  ResourceCredit out;
  for (const Span& outage : Merge(std::move(counted))) {
    const std::vector<Span> pieces = CutOut(outage, windows);
    Duration whole{};
    for (const Span& p : pieces) whole += p.length();
    if (whole == Duration::zero() || whole < plan.floor) continue;
    for (const Span& p : pieces) out.downtime += Overlap(p, month);
  }
  const double length = static_cast<double>(month.length().count());
  if (length <= 0) return out;
  out.availability = 100.0 * (1.0 - static_cast<double>(out.downtime.count()) / length);
  if (out.availability >= plan.target) return out;
  for (size_t k = 0; k < plan.tiers.size(); ++k) {
    const CreditTier& t = plan.tiers[k];
    if (out.availability < t.below && (out.tier < 0 || t.credit > out.credit)) {
      out.tier = static_cast<int>(k);
      out.credit = t.credit;
    }
  }
  out.credit = std::min(out.credit, plan.cap);
  return out;
}

}  // namespace phare::model
