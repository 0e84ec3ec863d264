#include "graph/propagation.h"

namespace phare::graph {
namespace {

uint8_t ForcedBits(Condition condition) {
  switch (condition) {
    case Condition::kDown:
      return detail::kForcedDown;
    case Condition::kDegraded:
      return detail::kForcedDegraded;
    case Condition::kNormal:
      break;
  }
  return 0;
}

}  // namespace

Propagation::Propagation(std::shared_ptr<const Inventory> inventory)
    : inventory_(std::move(inventory)), core_(*inventory_) {
  RecountTallies();
}

void Propagation::CountResource(ResourceIndex r, NodeState state, int delta) {
  const Inventory& inv = *inventory_;
  const auto s = static_cast<size_t>(state);
  tallies_.by_state[s] += delta;
  tallies_.by_product[s * inv.product_count() + inv.resource_product(r)] += delta;
  tallies_.by_site[s * inv.site_count() + inv.site(inv.resource_node(r))] += delta;
  if (state == NodeState::kUp) return;
  uint32_t& affected = tallies_.customer_affected[inv.resource_customer(r)];
  if (delta > 0 && affected++ == 0) ++tallies_.customers_affected;
  if (delta < 0 && --affected == 0) --tallies_.customers_affected;
}

void Propagation::RecomputeFromScratch() {
  core_.Recompute();
  RecountTallies();
}

void Propagation::RecountTallies() {
  const Inventory& inv = *inventory_;
  tallies_ = ResourceTallies();
  tallies_.by_product.assign(kNodeStateCount * inv.product_count(), 0);
  tallies_.by_site.assign(kNodeStateCount * inv.site_count(), 0);
  tallies_.customer_affected.assign(inv.customer_count(), 0);
  for (ResourceIndex r = 0; r < inv.resource_count(); ++r) {
    CountResource(r, state(inv.resource_node(r)), +1);
  }
}

ApplyResult Propagation::Apply(std::span<const ConditionChange> changes) {
  const Inventory& inv = *inventory_;
  for (const ConditionChange& change : changes) {
    core_.SetForced(change.node, ForcedBits(change.condition));
  }
  ApplyResult result;
  core_.Propagate([&](NodeIndex n, uint8_t old_flags, uint8_t new_flags) {
    ++result.nodes_evaluated;
    if (inv.kind(n) == NodeKind::kComponent) result.components.push_back(n);
    const NodeState before = detail::StateOf(old_flags);
    const NodeState after = detail::StateOf(new_flags);
    if (before == after) return;
    ++result.nodes_changed;
    const ResourceIndex r = inv.resource_of(n);
    if (r == kNone) return;
    ++result.resources_changed;
    CountResource(r, before, -1);
    CountResource(r, after, +1);
  });
  return result;
}

ApplyResult Propagation::Set(NodeIndex node, Condition condition) {
  const ConditionChange change{node, condition};
  return Apply({&change, 1});
}

base::Result<ApplyResult> Propagation::ApplyIds(
    std::span<const std::pair<std::string, Condition>> changes) {
  std::vector<ConditionChange> resolved;
  resolved.reserve(changes.size());
  for (const auto& [id, condition] : changes) {
    const auto node = inventory_->Find(id);
    if (!node) return base::NotFound("node '" + id + "' is not in the inventory");
    resolved.push_back({*node, condition});
  }
  return Apply(resolved);
}

Condition Propagation::condition(NodeIndex n) const {
  const uint8_t flags = core_.flags(n);
  if (flags & detail::kForcedDown) return Condition::kDown;
  if (flags & detail::kForcedDegraded) return Condition::kDegraded;
  return Condition::kNormal;
}

std::vector<ConditionChange> Propagation::Conditions() const {
  std::vector<ConditionChange> out;
  for (NodeIndex n = 0; n < inventory_->node_count(); ++n) {
    if (condition(n) != Condition::kNormal) out.push_back({n, condition(n)});
  }
  return out;
}

}  // namespace phare::graph
