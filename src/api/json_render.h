// Statuspage-shaped JSON for phare's model objects, shared by the public v2 documents
// and the admin v1 API. Timestamps are RFC 3339 with milliseconds in the page's zone
// offset. phare's own data is added under a "phare" key and never changes a standard
// field. Pure functions; thread-safe.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <vector>

#include "base/time.h"
#include "comms/reader.h"
#include "model/component.h"
#include "model/incident.h"
#include "model/page.h"
#include "model/rollup.h"
#include "service/drafting.h"

namespace phare::api {

// What rendering needs besides the object itself.
struct RenderContext {
  const model::Page& page;
  const base::Zone& zone;
  const std::vector<model::Component>& components;  // for groups and incident components
  // When set, time tokens in bodies are resolved in the page's zone, each body in its
  // own language and `body` in the page's default language.
  comms::Readers* readers = nullptr;
  std::string default_language = "en";
  // The time of rendering (a snapshot's, a request's, a fan-out's). When set, an
  // estimate's `expected_by` that is not after it is rendered null and `late` true: a
  // passed time is never shown as expected (docs/eta.md).
  std::optional<base::Time> now = std::nullopt;
  // The audience of Statuspage's single-body fields (postmortem_body).
  model::Audience default_audience = model::Audience::kTechnical;
};

boost::json::object PageJson(const RenderContext& ctx, base::Time updated_at);
boost::json::object ComponentJson(const RenderContext& ctx, const model::Component& c);
boost::json::object GroupJson(const RenderContext& ctx, const model::Component& group);
boost::json::object IncidentJson(const RenderContext& ctx, const model::Incident& i);
boost::json::object UpdateJson(const RenderContext& ctx, const model::IncidentUpdate& u);
boost::json::object StatusJson(const model::PageStatus& status);
boost::json::object EstimateJson(const RenderContext& ctx, const model::Estimate& e);

// Checker findings as the admin API and CLI show them.
boost::json::array FindingsJson(const std::vector<service::BodyFinding>& findings);
// Drafted bodies, their notes and findings: {"bodies", "notes", "findings"}.
boost::json::object DraftsJson(const comms::Drafts& drafts,
                               const std::vector<service::BodyFinding>& findings);

// Every component, groups included, in display order.
boost::json::array ComponentsJson(const RenderContext& ctx);

}  // namespace phare::api
