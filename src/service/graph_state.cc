#include "service/graph_state.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "graph/impact.h"

namespace phare::service {
namespace {

constexpr size_t kUnknownKept = 20;

model::ImpactCount Count(std::string dimension, std::string_view key, const graph::Tally& now,
                         const graph::Tally& worst) {
  model::ImpactCount c;
  c.dimension = std::move(dimension);
  c.key = std::string(key);
  c.resources = now.total_resources;
  c.down = now.resources.down;
  c.degraded = now.resources.degraded;
  c.at_risk = now.resources.at_risk;
  c.affected = now.resources.affected;
  c.customers_down = now.customers.down;
  c.customers_degraded = now.customers.degraded;
  c.customers_at_risk = now.customers.at_risk;
  c.customers_affected = now.customers.affected;
  c.hit = worst.resources.down + worst.resources.degraded;
  c.restored = std::max<int64_t>(0, c.hit - c.down - c.degraded);
  return c;
}

// Slices the incident touches (hit or affected now), in the summary's order.
void AddSlices(const char* dimension,
               const std::vector<std::pair<std::string_view, graph::Tally>>& now,
               const std::vector<std::pair<std::string_view, graph::Tally>>& worst,
               std::vector<model::ImpactCount>& out) {
  std::unordered_map<std::string_view, const graph::Tally*> by_key;
  for (const auto& [key, tally] : worst) by_key.emplace(key, &tally);
  for (const auto& [key, tally] : now) {
    auto it = by_key.find(key);
    const graph::Tally empty;
    model::ImpactCount c = Count(dimension, key, tally, it == by_key.end() ? empty : *it->second);
    if (c.hit > 0 || c.affected > 0) out.push_back(std::move(c));
  }
}

}  // namespace

const IncidentGraph* GraphState::Find(std::string_view incident_id) const {
  for (const auto& i : incidents) {
    if (i.incident_id == incident_id) return &i;
  }
  return nullptr;
}

graph::Condition ToGraphCondition(model::NodeCondition condition) {
  switch (condition) {
    case model::NodeCondition::kDown:
      return graph::Condition::kDown;
    case model::NodeCondition::kDegraded:
      return graph::Condition::kDegraded;
    case model::NodeCondition::kRestored:
      break;
  }
  return graph::Condition::kNormal;
}

std::shared_ptr<const graph::Propagation> Propagate(const graph::Propagation& baseline,
                                                    const std::vector<model::NodeReport>& reports,
                                                    bool worst, std::vector<std::string>* unknown) {
  const graph::Inventory& inventory = baseline.inventory();
  std::vector<graph::ConditionChange> changes;
  changes.reserve(reports.size());
  for (const auto& r : reports) {
    const auto node = inventory.Find(r.node_id);
    if (!node) {
      if (unknown && unknown->size() < kUnknownKept) unknown->push_back(r.node_id);
      continue;
    }
    changes.push_back({*node, ToGraphCondition(worst ? r.worst : r.condition)});
  }
  auto out = std::make_shared<graph::Propagation>(baseline);
  out->Apply(changes);
  return out;
}

std::shared_ptr<const graph::Propagation> Combine(const graph::Propagation& baseline,
                                                  const std::vector<model::NodeReport>& reports) {
  const graph::Inventory& inventory = baseline.inventory();
  std::unordered_map<graph::NodeIndex, graph::Condition> worst;
  for (const auto& r : reports) {
    const auto node = inventory.Find(r.node_id);
    if (!node) continue;
    auto& c = worst.try_emplace(*node, graph::Condition::kNormal).first->second;
    c = std::max(c, ToGraphCondition(r.condition));
  }
  std::vector<graph::ConditionChange> changes;
  changes.reserve(worst.size());
  for (const auto& [node, condition] : worst) changes.push_back({node, condition});
  auto out = std::make_shared<graph::Propagation>(baseline);
  out->Apply(changes);
  return out;
}

std::vector<model::NodeReport> MergeReports(std::vector<model::NodeReport> reports,
                                            const std::vector<model::NodeReport>& changes) {
  std::map<std::string, model::NodeReport> by_node;
  for (auto& r : reports) by_node.emplace(r.node_id, std::move(r));
  for (const auto& c : changes) {
    auto [it, added] = by_node.try_emplace(c.node_id, c);
    if (added) {
      it->second.worst = c.condition;
      continue;
    }
    it->second.worst = std::max(it->second.worst, c.condition);
    it->second.condition = c.condition;
    it->second.reported_at = c.reported_at;
  }
  std::vector<model::NodeReport> out;
  out.reserve(by_node.size());
  for (auto& [id, r] : by_node) out.push_back(std::move(r));
  return out;
}

std::vector<model::ImpactCount> ImpactCounts(const graph::Propagation& current,
                                             const graph::Propagation& hit) {
  const graph::ImpactSummary now = graph::Summarize(current);
  const graph::ImpactSummary worst = graph::Summarize(hit);
  std::vector<model::ImpactCount> out;
  out.push_back(Count("total", "", now.total, worst.total));
  AddSlices("product", now.by_product, worst.by_product, out);
  AddSlices("site", now.by_site, worst.by_site, out);
  return out;
}

IncidentGraph BuildIncidentGraph(const graph::Propagation& baseline, const model::Incident& i,
                                 std::vector<model::NodeReport> reports) {
  IncidentGraph g;
  g.incident_id = i.id;
  g.name = i.name;
  g.names = i.names;
  g.status = i.status;
  g.impact = i.impact;
  g.started_at = i.started_at;
  g.updated_at = i.updated_at;
  if (!i.estimates.empty()) g.estimate = i.estimates.front();
  g.current = Propagate(baseline, reports, /*worst=*/false, &g.unknown_nodes);
  g.hit = Propagate(baseline, reports, /*worst=*/true);
  g.reports = std::move(reports);
  return g;
}

}  // namespace phare::service
