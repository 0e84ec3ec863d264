// What other sites and tools embed: the page's status badge (/badge.svg), each
// component's (/components/{id}/badge.svg), the calendar of scheduled maintenance
// (/maintenance.ics, and /components/{id}/maintenance.ics for the maintenance that
// touches one component), and /widget.js, a small script that shows the page's status
// on another site from /api/v2/status.json (served with CORS).
//
// Badges and calendars use the page's default language; calendar times are UTC
// ("...Z"), so every calendar shows them in its own zone. Pure functions of the state;
// thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "comms/reader.h"
#include "service/public_state.h"
#include "web/pages.h"

namespace phare::web {

// /badge.svg, /maintenance.ics and /widget.js.
std::vector<RenderedPage> RenderEmbeds(const service::PublicState& state,
                                       const SiteOptions& options);

// A component's badge or calendar by path; nullopt when `path` names neither or an
// unknown component.
std::optional<RenderedPage> RenderComponentEmbed(const service::PublicState& state,
                                                 const SiteOptions& options, std::string_view path);

// The iCalendar document of `maintenance` (RFC 5545: CRLF lines folded at 75 octets,
// text escaped), named `name`, descriptions written for `reader`. Exposed for tests.
std::string Calendar(const service::PublicState& state, const comms::Reader& reader,
                     const std::string& name,
                     const std::vector<const model::Incident*>& maintenance);

}  // namespace phare::web
