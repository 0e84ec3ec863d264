// The post-mortem on the public incident page: once published, its general version
// with the technical one behind a disclosure, in the reader's language (else the page's
// default); before that, the date a report was promised by, once the incident is
// resolved. Internal to src/web.
#pragma once

#include "model/incident.h"
#include "web/page_view.h"

namespace phare::web {

// Sets "postmortem" (title, published, revised, general_html, technical_html,
// technical_label) or "postmortem_promised" in `d` when there is something to show.
void AddPostmortemData(const PageView& v, const model::Incident& incident, Data& d);

}  // namespace phare::web
