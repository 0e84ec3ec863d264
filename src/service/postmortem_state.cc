#include "service/postmortem_state.h"

#include <algorithm>

#include "service/drafting.h"

namespace phare::service {
namespace {

using Entry = comms::TimelineEntry;

// The status changes, oldest first.
void AddStatusChanges(const model::Incident& i, std::vector<Entry>& out) {
  std::optional<model::IncidentStatus> last;
  for (auto u = i.updates.rbegin(); u != i.updates.rend(); ++u) {
    if (last == u->status) continue;
    last = u->status;
    Entry e;
    e.kind = Entry::Kind::kStatus;
    e.at = u->display_at;
    e.status = u->status;
    out.push_back(e);
  }
}

void AddNodeReports(const std::vector<model::NodeReport>& reports, std::vector<Entry>& out) {
  std::vector<model::NodeReport> sorted = reports;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.reported_at < b.reported_at; });
  for (size_t k = 0; k < sorted.size() && k < kMaxTimelineNodes; ++k) {
    Entry e;
    e.kind = Entry::Kind::kNode;
    e.at = sorted[k].reported_at;
    e.node = sorted[k].node_id;
    e.condition = std::string(model::ToString(sorted[k].worst));
    out.push_back(e);
    if (sorted[k].condition != sorted[k].worst) {
      e.condition = std::string(model::ToString(sorted[k].condition));
      out.push_back(e);  // the latest condition (same time: only the latest is stored)
    }
  }
}

// At most kMaxTimelineProgress samples of the whole incident, evenly spread, the last one
// always included.
void AddProgress(const std::vector<model::ProgressSample>& progress, std::vector<Entry>& out) {
  std::vector<const model::ProgressSample*> whole;
  for (const auto& p : progress) {
    if (p.scope.empty()) whole.push_back(&p);
  }
  if (whole.empty()) return;
  const size_t n = whole.size();
  const size_t keep = std::min(n, kMaxTimelineProgress);
  for (size_t k = 0; k < keep; ++k) {
    const size_t index = keep == 1 ? n - 1 : k * (n - 1) / (keep - 1);
    Entry e;
    e.kind = Entry::Kind::kProgress;
    e.at = whole[index]->at;
    e.restored = whole[index]->restored;
    e.total = whole[index]->total;
    out.push_back(e);
  }
}

// The incident's counts with, per slice, the customers hit (from `hit_counts`).
std::vector<model::ImpactCount> WithCustomersHit(const std::vector<model::ImpactCount>& counts,
                                                 const std::vector<model::ImpactCount>& hit) {
  std::vector<model::ImpactCount> out = counts.empty() ? hit : counts;
  for (auto& slice : out) {
    for (const auto& h : hit) {
      if (h.dimension == slice.dimension && h.key == slice.key) {
        slice.customers_affected = h.customers_affected;
        if (counts.empty()) slice.restored = slice.hit = h.affected;
      }
    }
  }
  return out;
}

}  // namespace

comms::PostmortemState PostmortemStateOf(const model::Incident& i,
                                         const std::vector<model::Component>& components,
                                         const std::vector<model::NodeReport>& reports,
                                         const std::vector<model::ProgressSample>& progress,
                                         const std::vector<model::ImpactCount>& hit_counts,
                                         base::Time now, const model::PostmortemFacts& facts) {
  comms::PostmortemState s;
  s.started_at = i.started_at;
  s.resolved_at = std::max(i.resolved_at.value_or(now), i.started_at);
  s.services = DraftState(i, components, DraftFacts{}, now, EarlierMessages{}).services;
  s.impact = WithCustomersHit(i.impact_counts, hit_counts);
  for (const auto& slice : s.impact) {
    if (slice.dimension == "total" && !hit_counts.empty())
      s.customers_hit = slice.customers_affected;
  }
  AddStatusChanges(i, s.timeline);
  AddNodeReports(reports, s.timeline);
  AddProgress(progress, s.timeline);
  std::stable_sort(s.timeline.begin(), s.timeline.end(),
                   [](const Entry& a, const Entry& b) { return a.at < b.at; });
  s.facts = facts;
  return s;
}

}  // namespace phare::service
