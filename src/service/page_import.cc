#include "service/page_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "service/audit.h"

namespace phare::service {
namespace {

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '~' || c == '-';
  });
}

base::Status BadId(std::string_view what, std::string_view id) {
  return base::InvalidArgument(
      "'" + std::string(id).substr(0, 80) + "' is not a usable id (1 to 64 of A-Z a-z 0-9 . _ ~ -)",
      std::string(what));
}

base::Status ValidateComponents(const std::vector<model::Component>& components) {
  if (components.size() > model::kMaxComponents) {
    return base::InvalidArgument(
        "more than " + std::to_string(model::kMaxComponents) + " components", "components");
  }
  std::set<std::string, std::less<>> ids, groups;
  for (const auto& c : components) {
    if (!ValidId(c.id)) return BadId("components.id", c.id);
    if (!ids.insert(c.id).second) {
      return base::InvalidArgument("component '" + c.id + "' appears twice", "components");
    }
    if (c.name.empty() || c.name.size() > model::kMaxComponentNameBytes) {
      return base::InvalidArgument(
          "must be 1 to " + std::to_string(model::kMaxComponentNameBytes) + " bytes",
          "components." + c.id + ".name");
    }
    if (c.group) groups.insert(c.id);
  }
  for (const auto& c : components) {
    if (c.group_id && !groups.contains(*c.group_id)) {
      return base::InvalidArgument("'" + *c.group_id + "' is not an imported component group",
                                   "components." + c.id + ".group_id");
    }
  }
  return base::Status::Ok();
}

base::Status ValidateIncident(const model::Incident& i, const std::set<std::string>& components,
                              std::set<std::string>& update_ids) {
  const std::string field = "incidents." + i.id;
  if (i.name.empty() || i.name.size() > model::kMaxIncidentNameBytes) {
    return base::InvalidArgument(
        "must be 1 to " + std::to_string(model::kMaxIncidentNameBytes) + " bytes", field + ".name");
  }
  if (model::KindOf(i.status) != i.kind) {
    return base::InvalidArgument("'" + std::string(model::ToString(i.status)) +
                                     "' is not a status of " + std::string(model::ToString(i.kind)),
                                 field + ".status");
  }
  for (const auto& id : i.component_ids) {
    if (!components.contains(id)) {
      return base::InvalidArgument("'" + id + "' is not an imported component",
                                   field + ".components");
    }
  }
  if (i.updates.size() > kMaxImportedUpdates) {
    return base::InvalidArgument("more than " + std::to_string(kMaxImportedUpdates) + " updates",
                                 field + ".incident_updates");
  }
  for (const auto& u : i.updates) {
    if (!ValidId(u.id)) return BadId(field + ".incident_updates.id", u.id);
    if (!update_ids.insert(u.id).second) {
      return base::InvalidArgument("update '" + u.id + "' appears twice",
                                   field + ".incident_updates");
    }
    for (const auto& b : u.bodies) {
      if (!model::IsLanguageTag(b.language)) {
        return base::InvalidArgument("'" + b.language + "' is not a language tag",
                                     field + ".incident_updates." + u.id + ".bodies");
      }
    }
    if (model::KindOf(u.status) != i.kind) {
      return base::InvalidArgument("'" + std::string(model::ToString(u.status)) +
                                       "' is not a status of " +
                                       std::string(model::ToString(i.kind)),
                                   field + ".incident_updates." + u.id + ".status");
    }
  }
  return base::Status::Ok();
}

// Each component's status changes recorded by the updates, oldest first.
struct Change {
  base::Time at{};
  model::ComponentStatus from{};
  model::ComponentStatus to{};
};
using Changes = std::map<std::string, std::vector<Change>, std::less<>>;

Changes ChangesFromUpdates(const std::vector<model::Incident>& incidents) {
  Changes changes;
  for (const auto& i : incidents) {
    for (const auto& u : i.updates) {
      if (!u.affected_components) continue;
      for (const auto& a : *u.affected_components) {
        changes[a.code].push_back({u.display_at, a.old_status, a.new_status});
      }
    }
  }
  for (auto& [id, list] : changes) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Change& a, const Change& b) { return a.at < b.at; });
  }
  return changes;
}

// Inserts `c` as it was when created, replays its changes, and ends as it is now.
base::Result<int64_t> WriteComponent(store::Tx& tx, const model::Component& c,
                                     const std::vector<Change>* changes) {
  model::Component step = c;
  step.updated_at = c.created_at;
  if (changes && !changes->empty()) step.status = changes->front().from;
  PHARE_RETURN_IF_ERROR(tx.InsertComponent(step));
  int64_t written = 1;
  if (changes) {
    for (const auto& change : *changes) {
      step.status = change.to;
      step.updated_at = std::max(change.at, c.created_at);
      PHARE_RETURN_IF_ERROR(tx.UpdateComponent(step));
      ++written;
    }
  }
  PHARE_RETURN_IF_ERROR(tx.UpdateComponent(c));
  return written + 1;
}

base::Status RequireEmpty(store::Tx& tx) {
  PHARE_ASSIGN_OR_RETURN(auto components, tx.ListComponents());
  store::IncidentQuery query;
  query.limit = 1;
  query.with_details = false;
  PHARE_ASSIGN_OR_RETURN(auto incidents, tx.ListIncidents(query));
  if (!components.empty() || !incidents.empty()) {
    return base::Status(
        base::Code::kFailedPrecondition,
        "this page already has components or incidents: import into a new, empty database "
        "(a new --db file)");
  }
  return base::Status::Ok();
}

base::Status WriteIncident(store::Tx& tx, const model::Incident& in, const std::string& page_id,
                           PageImportCounts& counts) {
  model::Incident incident = in;
  incident.page_id = page_id;
  PHARE_RETURN_IF_ERROR(tx.PutIncident(incident));
  for (auto u = in.updates.rbegin(); u != in.updates.rend(); ++u) {  // oldest first
    model::IncidentUpdate update = *u;
    update.incident_id = in.id;
    PHARE_RETURN_IF_ERROR(tx.InsertUpdate(update));
    ++counts.updates;
  }
  if (!in.impact_counts.empty()) PHARE_RETURN_IF_ERROR(tx.PutImpactCounts(in.id, in.impact_counts));
  ++(in.kind == model::IncidentKind::kMaintenance ? counts.maintenance : counts.incidents);
  return base::Status::Ok();
}

}  // namespace

base::Status ValidatePageImport(const PageImport& in) {
  if (in.page && !ValidId(in.page->id)) return BadId("page.id", in.page->id);
  PHARE_RETURN_IF_ERROR(ValidateComponents(in.components));
  if (in.incidents.size() > kMaxImportedIncidents) {
    return base::InvalidArgument(
        "more than " + std::to_string(kMaxImportedIncidents) + " incidents", "incidents");
  }
  std::set<std::string> components, incidents, updates;
  for (const auto& c : in.components) components.insert(c.id);
  for (const auto& i : in.incidents) {
    if (!ValidId(i.id)) return BadId("incidents.id", i.id);
    if (!incidents.insert(i.id).second) {
      return base::InvalidArgument("incident '" + i.id + "' appears twice", "incidents");
    }
    PHARE_RETURN_IF_ERROR(ValidateIncident(i, components, updates));
  }
  return base::Status::Ok();
}

base::Result<PageImportCounts> ImportPage(Context& ctx, const model::Actor& actor,
                                          const PageImport& in) {
  PHARE_RETURN_IF_ERROR(ValidatePageImport(in));
  const Changes changes = ChangesFromUpdates(in.incidents);
  PageImportCounts counts;
  PHARE_RETURN_IF_ERROR(ctx.store.Write([&](store::Tx& tx) {
    counts = {};
    PHARE_RETURN_IF_ERROR(RequireEmpty(tx));
    PHARE_ASSIGN_OR_RETURN(model::Page page, tx.GetPage());
    if (in.page) {
      page = *in.page;
      PHARE_RETURN_IF_ERROR(tx.PutPage(page));
    }
    // Groups first: their children refer to them.
    for (bool groups : {true, false}) {
      for (auto c : in.components) {
        if (c.group != groups) continue;
        c.page_id = page.id;
        auto found = changes.find(c.id);
        PHARE_ASSIGN_OR_RETURN(
            int64_t n, WriteComponent(tx, c, found == changes.end() ? nullptr : &found->second));
        counts.status_changes += n;
        ++counts.components;
      }
    }
    for (const auto& i : in.incidents) PHARE_RETURN_IF_ERROR(WriteIncident(tx, i, page.id, counts));
    return RecordAudit(tx, actor, ctx.clock.Now(), "page.import", "page", page.id);
  }));
  ctx.on_change();
  return counts;
}

}  // namespace phare::service
