// Words and formats the English pages use for phare's values; comms provides the
// localized ones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "model/component.h"
#include "model/incident.h"
#include "model/rollup.h"

namespace phare::web {

std::string_view Label(model::ComponentStatus status);
std::string_view Label(model::IncidentStatus status);
std::string_view ImpactLabel(const model::Incident& incident);
// The impact class for styling: none/minor/major/critical, or maintenance.
std::string_view ImpactClass(const model::Incident& incident);
// A glyph shown beside (never instead of) the status text; aria-hidden in pages.
std::string_view Icon(model::ComponentStatus status);
std::string_view Icon(model::Indicator indicator);

// "9 Nov 2017, 07:21 CET".
std::string FormatWhen(const base::Zone& zone, base::Time t);
// "9 Nov 2017, 22:00 – 10 Nov 2017, 02:00 CET" (the day omitted when it is the same).
std::string FormatWindow(const base::Zone& zone, base::Time from, base::Time until);

// A body split into paragraphs at blank lines, lines within a paragraph joined.
std::vector<std::string> Paragraphs(std::string_view body);

}  // namespace phare::web
