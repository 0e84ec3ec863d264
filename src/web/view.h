// Words and formats of the pages for one reader: labels come from the reader's catalog
// (src/comms), times are formatted in their language and zone.
#pragma once

#include <string>
#include <string_view>

#include "base/time.h"
#include "comms/reader.h"
#include "model/component.h"
#include "model/incident.h"
#include "model/rollup.h"

namespace phare::web {

std::string StatusLabel(const comms::Reader& reader, model::ComponentStatus status);
std::string StatusLabel(const comms::Reader& reader, model::IncidentStatus status);
std::string IndicatorLabel(const comms::Reader& reader, model::Indicator indicator);
std::string ImpactLabel(const comms::Reader& reader, const model::Incident& incident);
// The impact class for styling: none/minor/major/critical, or maintenance.
std::string_view ImpactClass(const model::Incident& incident);
// A glyph shown beside (never instead of) the status text; aria-hidden in pages.
std::string_view Icon(model::ComponentStatus status);
std::string_view Icon(model::Indicator indicator);

// `t` for a reader at `now`: the time alone on the same day, else with the date.
std::string When(const comms::Reader& reader, base::Time t, base::Time now);
// "Scheduled from ... to ..." in the reader's words.
std::string Window(const comms::Reader& reader, base::Time from, base::Time until, base::Time now);

}  // namespace phare::web
