// The built-in baseline: past incidents shipped with phare (data/eta/
// baseline-history.json, embedded into the binary at build time) so that a new page
// has a duration prior before it has a history of its own.
//
// The file holds one record per incident: id, cause, impact, kind, source (the
// provider whose history it comes from; "builtin" when absent), started_at,
// resolved_at. `phare eta derive-baseline FILE...` writes it from incident
// histories (see eval.h).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "eta/history.h"

namespace phare::eta {

inline constexpr size_t kMaxBaselineBytes = 8 * 1024 * 1024;

// The embedded records, parsed once on first use (thread-safe). Empty if the
// embedded file is malformed, which a unit test rules out.
std::span<const PastIncident> BuiltinBaseline();

// Parses a baseline file. InvalidArgument naming the record and field on bad input.
base::Result<std::vector<PastIncident>> ParseBaseline(std::string_view json);

// The JSON text of a baseline file holding `incidents`, with `note` saying where
// they come from.
std::string SerializeBaseline(std::span<const PastIncident> incidents, std::string_view note);

}  // namespace phare::eta
