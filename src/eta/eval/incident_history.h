// Incident histories to replay: Statuspage v2 incident JSON (one incident, a list,
// or a document with "incidents"; phare's own "phare" extensions are read where
// present) and the public incident history format of a large cloud provider
// (`begin`, `end`, `external_desc`, `updates[].when/.text/.status`).
//
// Plain values; the loader is pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "eta/operator.h"
#include "model/incident.h"

namespace phare::eta {

inline constexpr size_t kMaxHistoryFileBytes = 64 * 1024 * 1024;
inline constexpr size_t kMaxReplayIncidents = 100'000;
inline constexpr size_t kMaxReplayUpdates = 10'000;  // per incident
inline constexpr size_t kMaxReplayTextBytes = 64 * 1024;

struct ReplayUpdate {
  base::Time at{};
  bool closes = false;  // resolved, postmortem, completed (or "AVAILABLE")
  model::Impact impact = model::Impact::kMajor;
  std::string text;
  std::optional<base::Time> next_update_at;      // stated in structured form
  std::optional<OperatorEstimate> operator_eta;  // stated in structured form
};

struct ReplayIncident {
  std::string id;
  std::string name;
  std::string cause;  // given, or derived from the title and products
  model::Impact impact = model::Impact::kMajor;
  model::IncidentKind kind = model::IncidentKind::kIncident;
  base::Time started_at{};
  std::optional<base::Time> resolved_at;  // empty while open
  base::Time known_at{};                  // first public sign: creation or first update
  std::vector<ReplayUpdate> updates;      // oldest first
};

// Parses one file's text. `origin` names the file in errors. InvalidArgument with
// the incident index and field when a record is malformed; ResourceExhausted past
// the kMax* limits.
base::Result<std::vector<ReplayIncident>> ParseIncidentHistory(std::string_view json,
                                                               std::string_view origin);

// Reads and parses a file (IoError when unreadable).
base::Result<std::vector<ReplayIncident>> LoadIncidentHistory(const std::string& path);

}  // namespace phare::eta
