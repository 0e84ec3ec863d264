// Moving a page into phare from another status product (Statuspage): the page, its
// components and their groups, its incidents and maintenance with every update, as
// they were, ids and times kept. The reading of the other product's files is the api
// layer's (api/statuspage_import.h); this is what phare accepts and how it stores it.
//
// Rules:
// - Only into an empty page: no component and no incident yet (FailedPrecondition
//   otherwise), so an import never mixes two histories. Everything is written in one
//   transaction: a rejected import leaves nothing behind.
// - Ids are kept. They must be 1–64 characters of [A-Za-z0-9._~-] (they appear in URL
//   paths) and unique among components, among incidents, among updates.
// - A group_id names an imported group; an incident's components are imported ones.
// - The components' status history (the uptime bars) is rebuilt from the updates'
//   affected_components: each component starts at its first recorded old status when it
//   was created, changes at each update's display time, and ends at its current status.
// - Limits: model::kMaxComponents components, kMaxImportedIncidents incidents,
//   kMaxImportedUpdates updates per incident, the model's limits on names and bodies.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/access.h"
#include "model/component.h"
#include "model/incident.h"
#include "model/page.h"
#include "service/context.h"

namespace phare::service {

inline constexpr size_t kMaxImportedIncidents = 100000;
inline constexpr size_t kMaxImportedUpdates = 2000;

struct PageImport {
  std::optional<model::Page> page;  // absent: the page keeps its identity
  std::vector<model::Component> components;
  std::vector<model::Incident> incidents;  // with their updates, newest first
};

struct PageImportCounts {
  int64_t components = 0;
  int64_t incidents = 0;
  int64_t maintenance = 0;
  int64_t updates = 0;
  int64_t status_changes = 0;  // component states written to rebuild the status history
};

// Checks `in` against the rules above without writing anything.
base::Status ValidatePageImport(const PageImport& in);

// Writes `in` (the page id, when given, replaces the page's own; components, incidents
// and updates take it as their page_id) and records it in the audit log.
base::Result<PageImportCounts> ImportPage(Context& ctx, const model::Actor& actor,
                                          const PageImport& in);

}  // namespace phare::service
