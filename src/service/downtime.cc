#include "service/downtime.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace phare::service {
namespace {

std::optional<model::DowntimeKind> KindOf(const graph::Propagation& state, graph::NodeIndex n) {
  switch (state.state(n)) {
    case graph::NodeState::kDown:
      return model::DowntimeKind::kDown;
    case graph::NodeState::kDegraded:
      return model::DowntimeKind::kDegraded;
    default:
      return std::nullopt;
  }
}

model::Downtime Interval(const graph::Inventory& inv, graph::ResourceIndex r,
                         model::DowntimeKind kind, base::Time now) {
  model::Downtime d;
  const graph::NodeIndex n = inv.resource_node(r);
  d.resource_id = std::string(inv.id(n));
  d.customer_id = std::string(inv.customer_id(inv.resource_customer(r)));
  d.product = std::string(inv.product_name(inv.resource_product(r)));
  d.sla = std::string(inv.resource_sla(r));
  d.kind = kind;
  d.started_at = now;
  return d;
}

}  // namespace

base::Status RecordDowntimeChanges(store::CreditsTx& tx, const graph::Propagation& before,
                                   const graph::Propagation& after, base::Time now) {
  const graph::Inventory& inv = after.inventory();
  std::vector<std::string> ended;
  std::vector<model::Downtime> started;
  for (graph::ResourceIndex r = 0; r < inv.resource_count(); ++r) {
    const graph::NodeIndex n = inv.resource_node(r);
    const auto was = KindOf(before, n);
    const auto is = KindOf(after, n);
    if (was == is) continue;
    if (was) ended.emplace_back(inv.id(n));
    if (is) started.push_back(Interval(inv, r, *is, now));
  }
  PHARE_RETURN_IF_ERROR(tx.CloseDowntime(ended, now));
  return tx.OpenDowntime(started);
}

base::Status SyncDowntime(store::CreditsTx& tx, const graph::Propagation& state, base::Time now) {
  const graph::Inventory& inv = state.inventory();
  PHARE_ASSIGN_OR_RETURN(auto open, tx.ListOpenDowntime());
  std::map<std::string, model::DowntimeKind, std::less<>> open_kind;
  for (const auto& d : open) open_kind.emplace(d.resource_id, d.kind);
  std::vector<std::string> ended;
  for (const auto& [id, kind] : open_kind) {
    const auto n = inv.Find(id);
    if (!n || inv.resource_of(*n) == graph::kNone || KindOf(state, *n) != kind) {
      ended.push_back(id);
    }
  }
  std::vector<model::Downtime> started;
  for (graph::ResourceIndex r = 0; r < inv.resource_count(); ++r) {
    const graph::NodeIndex n = inv.resource_node(r);
    const auto is = KindOf(state, n);
    if (!is) continue;
    auto it = open_kind.find(inv.id(n));
    if (it != open_kind.end() && it->second == *is) continue;
    started.push_back(Interval(inv, r, *is, now));
  }
  PHARE_RETURN_IF_ERROR(tx.CloseDowntime(ended, now));
  return tx.OpenDowntime(started);
}

}  // namespace phare::service
