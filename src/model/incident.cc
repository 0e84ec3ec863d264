#include "model/incident.h"

#include <array>
#include <utility>

namespace phare::model {
namespace {

template <class E, size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

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

template <class E, size_t N>
std::string_view Name(const Names<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return names[0].second;
}

template <class E, size_t N>
std::optional<E> Parse(const Names<E, N>& names, std::string_view text) {
  for (const auto& [v, name] : names) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(IncidentKind kind) { return Name(kKinds, kind); }
std::string_view ToString(Impact impact) { return Name(kImpacts, impact); }
std::string_view ToString(IncidentStatus status) { return Name(kStatuses, status); }
std::string_view ToString(Audience audience) { return Name(kAudiences, audience); }
std::optional<IncidentKind> ParseIncidentKind(std::string_view t) { return Parse(kKinds, t); }
std::optional<Impact> ParseImpact(std::string_view t) { return Parse(kImpacts, t); }
std::optional<IncidentStatus> ParseIncidentStatus(std::string_view t) {
  return Parse(kStatuses, t);
}
std::optional<Audience> ParseAudience(std::string_view t) { return Parse(kAudiences, t); }

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

}  // namespace phare::model
