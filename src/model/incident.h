// Incidents and scheduled maintenance, and the updates that form their timeline.
//
// An incident (kind kIncident) moves through investigating → identified →
// monitoring → resolved → postmortem; maintenance (kind kMaintenance) through
// scheduled → in_progress → verifying → completed. Operators may move freely among
// the statuses of a kind (re-opening included); a status of the other kind is
// rejected. Field names follow Statuspage v2; phare's additions (bodies per audience
// and language, the restoration estimate, the promised next update) are extensions
// rendered under a "phare" key. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "model/body.h"
#include "model/component.h"
#include "model/postmortem.h"

namespace phare::model {

enum class IncidentKind : uint8_t { kIncident, kMaintenance };
enum class Impact : uint8_t { kNone, kMinor, kMajor, kCritical };
enum class IncidentStatus : uint8_t {
  kInvestigating,
  kIdentified,
  kMonitoring,
  kResolved,
  kPostmortem,
  kScheduled,
  kInProgress,
  kVerifying,
  kCompleted,
};

std::string_view ToString(IncidentKind kind);
std::string_view ToString(Impact impact);
std::string_view ToString(IncidentStatus status);
std::optional<IncidentKind> ParseIncidentKind(std::string_view text);
std::optional<Impact> ParseImpact(std::string_view text);
std::optional<IncidentStatus> ParseIncidentStatus(std::string_view text);
std::string_view ImpactNames();
// "investigating, identified, ..." for the statuses of `kind`.
std::string_view StatusNames(IncidentKind kind);

IncidentKind KindOf(IncidentStatus status);
// resolved, postmortem, completed: the incident no longer affects anyone.
bool IsClosed(IncidentStatus status);
// The impact a component status implies: major_outage → critical, partial → major,
// degraded → minor, others → none (Statuspage's rule).
Impact ImpactOf(ComponentStatus status);

// One component's change recorded by an update.
struct AffectedComponent {
  std::string code;  // the component id (Statuspage's name for it)
  std::string name;
  ComponentStatus old_status = ComponentStatus::kOperational;
  ComponentStatus new_status = ComponentStatus::kOperational;
};

// A time of restoration as quantiles, with where it comes from.
struct Estimate {
  std::string scope;  // "" for the whole incident; else a site, product or node group
  base::Time p10{};
  base::Time p50{};
  base::Time p90{};
  std::string source;        // operator | progress | history | combined
  std::string reason;        // one line, for operators
  base::Time expected_by{};  // the conservative quantile the page promises (p75 by default)
  bool late = false;         // it moved the promise published before it later
};

// At `at`, `restored` of `total` resources of `scope` ("" for the whole incident) were
// back (from monitoring probes, operators, or the inventory).
struct ProgressSample {
  std::string scope;
  base::Time at{};
  int64_t restored = 0;
  int64_t total = 0;
};

// A restoration time an operator stated: a single time (`to`) or an interval.
struct OperatorEstimate {
  std::string scope;
  base::Time stated_at{};
  std::optional<base::Time> from;
  base::Time to{};
};

// phare: what an incident hits in the infrastructure inventory (src/graph), for one
// slice: the whole incident ("total", key ""), one product or one site. Counts are
// resources unless named customers; recorded whenever the incident's node reports change.
struct ImpactCount {
  std::string dimension;  // "total", "product" or "site"
  std::string key;        // the product name or site id; "" for the total
  int64_t resources = 0;  // resources in the slice, whatever their state
  int64_t down = 0;
  int64_t degraded = 0;
  int64_t at_risk = 0;
  int64_t affected = 0;  // down, degraded or at risk now
  int64_t customers_down = 0;
  int64_t customers_degraded = 0;
  int64_t customers_at_risk = 0;
  int64_t customers_affected = 0;
  int64_t hit = 0;       // affected at some point of the incident
  int64_t restored = 0;  // hit, and up again
};

struct IncidentUpdate {
  std::string id;
  std::string incident_id;
  IncidentStatus status = IncidentStatus::kInvestigating;
  std::string body;  // the page's default audience and language
  base::Time created_at{};
  base::Time updated_at{};
  base::Time display_at{};
  std::optional<std::vector<AffectedComponent>> affected_components;  // null when none
  bool deliver_notifications = true;
  std::vector<LocalizedBody> bodies;         // phare: per audience and language
  std::optional<base::Time> next_update_at;  // phare: promised time of the next update
  std::optional<Estimate> estimate;          // phare: the estimate published with it
};

struct Incident {
  std::string id;
  std::string page_id;
  IncidentKind kind = IncidentKind::kIncident;
  std::string name;      // in the page's default language
  LocalizedNames names;  // phare: in other languages
  IncidentStatus status = IncidentStatus::kInvestigating;
  Impact impact = Impact::kNone;          // effective impact
  std::optional<Impact> impact_override;  // set by the operator
  base::Time created_at{};
  base::Time updated_at{};
  base::Time started_at{};
  std::optional<base::Time> identified_at;
  std::optional<base::Time> monitoring_at;
  std::optional<base::Time> resolved_at;
  std::optional<base::Time> scheduled_for;  // maintenance window
  std::optional<base::Time> scheduled_until;
  bool scheduled_remind_prior = false;
  bool scheduled_auto_in_progress = false;
  bool scheduled_auto_completed = false;
  std::vector<std::string> component_ids;    // affected components
  std::string cause;                         // phare: cause category ("power", "network"...)
  std::optional<base::Time> next_update_at;  // phare: promised time of the next update
  std::vector<Estimate> estimates;           // phare: current estimates by scope
  std::vector<IncidentUpdate> updates;       // newest first
  std::vector<ImpactCount> impact_counts;    // phare: total first; empty without node reports
  std::optional<Postmortem> postmortem;      // phare: drafted, promised or published
};

// An incident (not maintenance) not yet resolved.
bool IsOpenIncident(const Incident& incident);
// Maintenance under way: in progress or verifying.
bool IsActiveMaintenance(const Incident& incident);
// Maintenance still to come: scheduled.
bool IsUpcomingMaintenance(const Incident& incident);

// The body of `update` for `audience` in `language`, falling back to `default_language`,
// then to Statuspage's `body` (which is in the page's default audience).
const std::string& BodyFor(const IncidentUpdate& update, Audience audience,
                           std::string_view language, std::string_view default_language);

inline constexpr size_t kMaxIncidentNameBytes = 300;
inline constexpr size_t kMaxBodyBytes = 64 * 1024;
inline constexpr size_t kMaxComponentsPerIncident = 1000;
inline constexpr size_t kMaxBodiesPerUpdate = 32;
inline constexpr size_t kMaxCauseBytes = 64;

}  // namespace phare::model
