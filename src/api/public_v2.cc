#include "api/public_v2.h"

#include <boost/json/serialize.hpp>

#include <algorithm>

#include "api/json_render.h"
#include "model/rollup.h"

namespace phare::api {
namespace {

using model::IncidentKind;

using model::IsActiveMaintenance;
using model::IsUpcomingMaintenance;

base::Time LatestUpdate(const service::PublicState& s) {
  base::Time latest = s.page.updated_at;
  for (const auto& c : s.components) latest = std::max(latest, c.updated_at);
  for (const auto& i : s.incidents) latest = std::max(latest, i.updated_at);
  return latest;
}

template <class Pred>
boost::json::array Incidents(const RenderContext& ctx, const service::PublicState& s, Pred keep,
                             size_t limit = SIZE_MAX) {
  boost::json::array out;
  for (const auto& i : s.incidents) {
    if (out.size() >= limit) break;
    if (keep(i)) out.emplace_back(IncidentJson(ctx, i));
  }
  return out;
}

// Upcoming maintenance soonest first, as readers plan around the next one.
boost::json::array Upcoming(const RenderContext& ctx, const service::PublicState& s) {
  std::vector<const model::Incident*> list;
  for (const auto& i : s.incidents) {
    if (IsUpcomingMaintenance(i)) list.push_back(&i);
  }
  std::stable_sort(list.begin(), list.end(), [](const auto* a, const auto* b) {
    return a->scheduled_for < b->scheduled_for;
  });
  boost::json::array out;
  for (const auto* i : list) out.emplace_back(IncidentJson(ctx, *i));
  return out;
}

std::string Document(const boost::json::object& page, const char* key, boost::json::value value) {
  boost::json::object doc;
  doc["page"] = page;
  doc[key] = std::move(value);
  return boost::json::serialize(doc);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> RenderV2(const service::PublicState& s,
                                                          const std::string& default_language) {
  const base::Zone zone = base::Zone::Find(s.page.time_zone).ok()
                              ? *base::Zone::Find(s.page.time_zone)
                              : base::Zone::Utc();
  comms::Readers readers(zone);
  const RenderContext ctx{s.page, zone, s.components, &readers, default_language, s.now};
  const boost::json::object page = PageJson(ctx, LatestUpdate(s));
  const auto status = StatusJson(model::ComputePageStatus(s.components, s.incidents));
  const auto components = ComponentsJson(ctx);
  const auto unresolved = Incidents(ctx, s, model::IsOpenIncident);
  const auto active = Incidents(ctx, s, IsActiveMaintenance);
  const auto upcoming = Upcoming(ctx, s);

  boost::json::array summary_maintenance = active;
  for (const auto& m : upcoming) summary_maintenance.push_back(m);
  boost::json::object summary;
  summary["page"] = page;
  summary["components"] = components;
  summary["incidents"] = unresolved;
  summary["scheduled_maintenances"] = std::move(summary_maintenance);
  summary["status"] = status;

  std::vector<std::pair<std::string, std::string>> docs;
  docs.emplace_back("/api/v2/summary.json", boost::json::serialize(summary));
  docs.emplace_back("/api/v2/status.json", Document(page, "status", status));
  docs.emplace_back("/api/v2/components.json", Document(page, "components", components));
  docs.emplace_back(
      "/api/v2/incidents.json",
      Document(page, "incidents",
               Incidents(
                   ctx, s, [](const auto& i) { return i.kind == IncidentKind::kIncident; },
                   kV2ListLimit)));
  docs.emplace_back("/api/v2/incidents/unresolved.json", Document(page, "incidents", unresolved));
  docs.emplace_back(
      "/api/v2/scheduled-maintenances.json",
      Document(page, "scheduled_maintenances",
               Incidents(
                   ctx, s, [](const auto& i) { return i.kind == IncidentKind::kMaintenance; },
                   kV2ListLimit)));
  docs.emplace_back("/api/v2/scheduled-maintenances/upcoming.json",
                    Document(page, "scheduled_maintenances", upcoming));
  docs.emplace_back("/api/v2/scheduled-maintenances/active.json",
                    Document(page, "scheduled_maintenances", active));
  return docs;
}

}  // namespace phare::api
