#include "service/credits.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "service/inventory.h"

namespace phare::service {
namespace {

struct Window {
  model::Span span;
  std::vector<std::string> components;  // empty: the whole page
};

// The announced window of maintenance `i`, when it has one.
std::optional<model::Span> WindowOf(const model::Incident& i) {
  const auto begin = i.scheduled_for ? i.scheduled_for : std::optional<base::Time>(i.started_at);
  const auto end = i.scheduled_until ? i.scheduled_until : i.resolved_at;
  if (!begin || !end || *end <= *begin) return std::nullopt;
  return model::Span{*begin, *end};
}

base::Result<std::vector<Window>> MaintenanceDuring(store::Tx& tx, const model::Span& month) {
  std::vector<Window> out;
  store::IncidentQuery q;
  q.kind = model::IncidentKind::kMaintenance;
  q.limit = 500;
  for (;; q.offset += q.limit) {
    PHARE_ASSIGN_OR_RETURN(auto page, tx.ListIncidents(q));
    for (const auto& i : page) {
      auto span = WindowOf(i);
      if (!span || span->end <= month.begin || span->begin >= month.end) continue;
      out.push_back({*span, i.component_ids});
    }
    if (page.size() < q.limit) break;
  }
  return out;
}

// Per resource node id, the page components shown by the component nodes it is a member of.
class Coverage {
 public:
  Coverage(std::shared_ptr<const GraphState> graph, std::vector<ComponentMapping> mappings)
      : graph_(std::move(graph)) {
    for (auto& m : mappings) {
      if (!m.component_id.empty()) shown_as_[m.node_id] = std::move(m.component_id);
    }
  }

  bool Covers(const Window& w, const std::string& resource_id) const {
    if (w.components.empty()) return true;
    if (!graph_ || !graph_->inventory) return false;
    const graph::Inventory& inv = *graph_->inventory;
    const auto n = inv.Find(resource_id);
    if (!n) return false;
    for (graph::GroupIndex g : inv.member_of(*n)) {
      const graph::NodeIndex owner = inv.group_owner(g);
      if (inv.kind(owner) != graph::NodeKind::kComponent) continue;
      auto it = shown_as_.find(std::string(inv.id(owner)));
      if (it == shown_as_.end()) continue;
      if (std::find(w.components.begin(), w.components.end(), it->second) != w.components.end()) {
        return true;
      }
    }
    return false;
  }

 private:
  std::shared_ptr<const GraphState> graph_;
  std::unordered_map<std::string, std::string> shown_as_;
};

// Accumulates the scan (by customer, resource, start) into the report.
class Builder {
 public:
  Builder(std::span<const model::SlaPlan> plans, const model::Span& month, base::Time as_of,
          const std::vector<Window>& windows, const Coverage& coverage, CreditReport& report)
      : plans_(plans),
        month_(month),
        as_of_(as_of),
        windows_(windows),
        coverage_(coverage),
        report_(report) {}

  base::Status Add(model::Downtime&& d) {
    if (d.resource_id != current_.resource_id || d.customer_id != customer_) Flush();
    if (current_.resource_id.empty()) {
      current_.resource_id = d.resource_id;
      current_.product = std::move(d.product);
      current_.sla = std::move(d.sla);
      customer_ = std::move(d.customer_id);
    }
    const base::Time end = std::min(d.ended_at.value_or(as_of_), as_of_);
    spans_.push_back({{d.started_at, std::max(end, d.started_at)}, d.kind});
    return base::Status::Ok();
  }

  void Flush() {
    if (current_.resource_id.empty()) return;
    if (report_.customers.empty() || report_.customers.back().customer_id != customer_) {
      report_.customers.push_back({customer_, {}, 0});
    }
    const model::SlaPlan* plan = model::PlanFor(plans_, current_.sla, current_.product);
    std::vector<model::Span> maintenance;
    for (const Window& w : windows_) {
      if (coverage_.Covers(w, current_.resource_id)) maintenance.push_back(w.span);
    }
    if (plan) {
      current_.plan = plan->name;
      current_.credit = model::CreditFor(*plan, month_, spans_, maintenance);
    } else {
      model::SlaPlan none;  // downtime and availability only, never a credit
      none.target = 0;
      current_.credit = model::CreditFor(none, month_, spans_, maintenance);
    }
    CustomerCredits& c = report_.customers.back();
    ProductTotal& total = products_[current_.product];
    total.product = current_.product;
    ++total.resources;
    total.downtime += current_.credit.downtime;
    if (current_.credit.credit > 0) {
      ++c.credited;
      ++total.credited;
      ++total.by_credit[current_.credit.credit];
    }
    c.resources.push_back(std::move(current_));
    current_ = {};
    spans_.clear();
  }

  void Finish() {
    Flush();
    for (auto& [_, total] : products_) report_.products.push_back(std::move(total));
  }

 private:
  std::span<const model::SlaPlan> plans_;
  model::Span month_;
  base::Time as_of_;
  const std::vector<Window>& windows_;
  const Coverage& coverage_;
  CreditReport& report_;
  std::string customer_;
  CreditLine current_;
  std::vector<model::DowntimeSpan> spans_;
  std::map<std::string, ProductTotal> products_;
};

}  // namespace

base::Result<CreditReport> ComputeCredits(store::Store& store,
                                          std::span<const model::SlaPlan> plans,
                                          const CreditQuery& query, base::Time now,
                                          const GraphSource& graph) {
  PHARE_ASSIGN_OR_RETURN(const model::Span month, model::ParseMonth(query.month, "month"));
  if (month.begin > now) return base::InvalidArgument("has not begun yet", "month");
  if (query.customer_id.size() > model::kMaxCustomerIdBytes) {
    return base::InvalidArgument(
        "is longer than " + std::to_string(model::kMaxCustomerIdBytes) + " bytes", "customer");
  }
  CreditReport report;
  report.month = query.month;
  report.span = month;
  report.complete = now >= month.end;
  report.as_of = std::min(now, month.end);
  std::vector<Window> windows;
  PHARE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(windows, MaintenanceDuring(tx, month));
    return base::Status::Ok();
  }));
  report.maintenance_windows = static_cast<uint32_t>(windows.size());
  std::shared_ptr<const GraphState> state;  // outside any transaction: it may read the store
  const bool scoped = std::any_of(windows.begin(), windows.end(),
                                  [](const Window& w) { return !w.components.empty(); });
  if (scoped && graph) {
    PHARE_ASSIGN_OR_RETURN(state, graph());
  }
  PHARE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) {
    std::vector<ComponentMapping> mappings;
    if (state && state->inventory) {
      PHARE_ASSIGN_OR_RETURN(auto components, tx.ListComponents());
      PHARE_ASSIGN_OR_RETURN(auto links, tx.ListComponentNodes());
      mappings = MapComponents(*state->inventory, components, links);
    }
    const Coverage coverage(state, std::move(mappings));
    Builder builder(plans, month, report.as_of, windows, coverage, report);
    const store::DowntimeQuery q{month.begin, report.as_of, query.customer_id};
    PHARE_RETURN_IF_ERROR(
        tx.ScanDowntime(q, [&](model::Downtime&& d) { return builder.Add(std::move(d)); }));
    builder.Finish();
    return base::Status::Ok();
  }));
  return report;
}

}  // namespace phare::service
