#include "model/incident.h"

#include "model/enum_names.h"

namespace phare::model {
namespace {

constexpr Names<IncidentKind, 2> kKinds{{
    {IncidentKind::kIncident, "incident"},
    {IncidentKind::kMaintenance, "maintenance"},
}};
constexpr Names<Impact, 4> kImpacts{{
    {Impact::kNone, "none"},
    {Impact::kMinor, "minor"},
    {Impact::kMajor, "major"},
    {Impact::kCritical, "critical"},
}};
constexpr Names<IncidentStatus, 9> kStatuses{{
    {IncidentStatus::kInvestigating, "investigating"},
    {IncidentStatus::kIdentified, "identified"},
    {IncidentStatus::kMonitoring, "monitoring"},
    {IncidentStatus::kResolved, "resolved"},
    {IncidentStatus::kPostmortem, "postmortem"},
    {IncidentStatus::kScheduled, "scheduled"},
    {IncidentStatus::kInProgress, "in_progress"},
    {IncidentStatus::kVerifying, "verifying"},
    {IncidentStatus::kCompleted, "completed"},
}};
constexpr Names<Audience, 2> kAudiences{{
    {Audience::kGeneral, "general"},
    {Audience::kTechnical, "technical"},
}};

}  // namespace

std::string_view ToString(IncidentKind kind) { return NameOf(kKinds, kind); }
std::string_view ToString(Impact impact) { return NameOf(kImpacts, impact); }
std::string_view ToString(IncidentStatus status) { return NameOf(kStatuses, status); }
std::string_view ToString(Audience audience) { return NameOf(kAudiences, audience); }
std::optional<IncidentKind> ParseIncidentKind(std::string_view t) { return ValueOf(kKinds, t); }
std::optional<Impact> ParseImpact(std::string_view t) { return ValueOf(kImpacts, t); }
std::optional<IncidentStatus> ParseIncidentStatus(std::string_view t) {
  return ValueOf(kStatuses, t);
}
std::optional<Audience> ParseAudience(std::string_view t) { return ValueOf(kAudiences, t); }

std::string_view ImpactNames() { return "none, minor, major, critical"; }

std::string_view StatusNames(IncidentKind kind) {
  return kind == IncidentKind::kIncident
             ? "investigating, identified, monitoring, resolved, postmortem"
             : "scheduled, in_progress, verifying, completed";
}

IncidentKind KindOf(IncidentStatus status) {
  switch (status) {
    case IncidentStatus::kScheduled:
    case IncidentStatus::kInProgress:
    case IncidentStatus::kVerifying:
    case IncidentStatus::kCompleted:
      return IncidentKind::kMaintenance;
    default:
      return IncidentKind::kIncident;
  }
}

bool IsClosed(IncidentStatus status) {
  return status == IncidentStatus::kResolved || status == IncidentStatus::kPostmortem ||
         status == IncidentStatus::kCompleted;
}

Impact ImpactOf(ComponentStatus status) {
  switch (status) {
    case ComponentStatus::kMajorOutage:
      return Impact::kCritical;
    case ComponentStatus::kPartialOutage:
      return Impact::kMajor;
    case ComponentStatus::kDegradedPerformance:
      return Impact::kMinor;
    default:
      return Impact::kNone;
  }
}

const std::string& BodyFor(const IncidentUpdate& u, Audience audience, std::string_view language,
                           std::string_view default_language) {
  for (std::string_view lang : {language, default_language}) {
    for (const auto& b : u.bodies) {
      if (b.audience == audience && b.language == lang && !b.body.empty()) return b.body;
    }
  }
  return u.body;
}

bool IsOpenIncident(const Incident& i) {
  return i.kind == IncidentKind::kIncident && !IsClosed(i.status);
}

bool IsActiveMaintenance(const Incident& i) {
  return i.kind == IncidentKind::kMaintenance &&
         (i.status == IncidentStatus::kInProgress || i.status == IncidentStatus::kVerifying);
}

bool IsUpcomingMaintenance(const Incident& i) {
  return i.kind == IncidentKind::kMaintenance && i.status == IncidentStatus::kScheduled;
}

}  // namespace phare::model
