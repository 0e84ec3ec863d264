// The public HTML pages, server-rendered and readable without JavaScript: the status
// page (/), incident and maintenance pages (/incidents/{id}) and the history
// (/history, /history?page=N). Rendered from one PublicState; times are shown in the
// page's zone with its abbreviation. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "service/public_state.h"

namespace phare::web {

// How far back the status page lists past incidents, day by day.
inline constexpr int kHistoryDays = 14;
// Incidents per /history page.
inline constexpr size_t kHistoryPageSize = 25;

// Pages worth rendering for every snapshot, as (key, HTML): "/", "/history", and the
// pages of open incidents and of those updated within kHistoryDays.
std::vector<std::pair<std::string, std::string>> RenderPages(const service::PublicState& state);

// Any other page, rendered on demand: "/incidents/{id}" or "/history?page=N".
// nullopt when `key` names nothing.
std::optional<std::string> RenderPage(const service::PublicState& state, std::string_view key);

std::string RenderNotFound(const service::PublicState& state);

}  // namespace phare::web
