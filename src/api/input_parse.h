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

// The object under `key` ({"incident": {...}}); InvalidArgument when missing.
base::Result<const boost::json::object*> Wrapped(const boost::json::value& body,
                                                 std::string_view key);

}  // namespace phare::api
