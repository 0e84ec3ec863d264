// Post-mortems in JSON: Statuspage's postmortem_* fields of an incident, the admin API's
// post-mortem object, and its input ({"postmortem": {...}}). Pure functions.
//
// Input: {"body" (Statuspage's postmortem_body), "notify_subscribers", "notify_twitter",
// "draft": true, "facts": {"summary", "customer_impact", "root_cause", "actions",
// "credits_policy": {"en": "...", "fr": "..."} or one English string, "chain": [{"at"?,
// "what"}], "changes": [{"by"?, "what"}]}, "bodies": [{"audience", "language", "body"}]}.
#pragma once

#include <boost/json/object.hpp>

#include "api/json_render.h"
#include "model/incident.h"
#include "service/postmortems.h"

namespace phare::api {

// Adds postmortem_body (the published body in ctx's default audience and language),
// postmortem_body_last_updated_at, postmortem_published_at, postmortem_notify_subscribers,
// postmortem_notify_twitter and phare.postmortem (promised_by, published bodies) to the
// incident object `o`. An unpublished post-mortem shows nothing but its promise.
void AddPostmortemFields(const RenderContext& ctx, const model::Incident& incident,
                         boost::json::object& o);

// The whole post-mortem, drafts included (admin API), with the report's findings and
// notes when given.
boost::json::object PostmortemJson(const RenderContext& ctx, const model::Postmortem& postmortem,
                                   const service::PostmortemReport* report = nullptr);

// The object under "postmortem"; InvalidArgument naming the field.
base::Result<service::PostmortemInput> ParsePostmortemInput(const boost::json::object& body);

}  // namespace phare::api
