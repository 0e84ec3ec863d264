// Turns admin API request bodies (Statuspage v1 shapes) into service inputs. Unknown
// fields are ignored (scripts written for Statuspage send some phare does not use);
// known fields of the wrong type, bad enum values and oversize values are errors
// naming the field ("incident.components.abc123"). Pure functions.
#pragma once

#include <boost/json/object.hpp>

#include "service/components.h"
#include "service/incidents.h"

namespace phare::api {

base::Result<service::ComponentInput> ParseComponentInput(const boost::json::object& body);
base::Result<service::GroupInput> ParseGroupInput(const boost::json::object& body);
base::Result<service::IncidentInput> ParseIncidentInput(const boost::json::object& body);
base::Result<service::UpdateEdit> ParseUpdateEdit(const boost::json::object& body);
// {"progress": {"restored", "total", "scope"?, "at"?}}'s inner object.
base::Result<model::ProgressSample> ParseProgress(const boost::json::object& body);
// The facts drafts may use ({"resources_affected", "workaround": {"fr": "..."}, ...});
// `path` prefixes field names in errors.
base::Result<service::DraftFacts> ParseDraftFacts(const boost::json::object& body,
                                                  const std::string& path);

// The object under `key` ({"incident": {...}}); InvalidArgument when missing.
base::Result<const boost::json::object*> Wrapped(const boost::json::value& body,
                                                 std::string_view key);

}  // namespace phare::api
