// Turns admin API request bodies (Statuspage v1 shapes) into service inputs. Unknown
// fields are ignored (scripts written for Statuspage send some phare does not use);
// known fields of the wrong type, bad enum values and oversize values are errors
// naming the field ("incident.components.abc123"). Pure functions.
#pragma once

#include <boost/json/object.hpp>

#include "base/json.h"

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

// Shared with the other readers of Statuspage shapes (api/statuspage_import.h):
// the component status under `key` (absent leaves `out` untouched), and the names in
// other languages under phare.`key` ({"fr": "..."}), each at most `max_bytes`.
base::Status ParseComponentStatus(base::JsonReader& r, std::string_view key,
                                  std::optional<model::ComponentStatus>& out);
base::Status ParseNames(const boost::json::object* phare, const std::string& path, size_t max_bytes,
                        std::optional<model::LocalizedNames>& out, std::string_view key = "names");

// The "bodies" list of `parent` ([{"audience", "language", "body"}], at most `max_items`;
// absent or null: none), errors naming `field` ("incident.phare.bodies[2].audience").
base::Result<std::vector<model::LocalizedBody>> ParseLocalizedBodies(
    const boost::json::object& parent, const std::string& field, size_t max_items);

// The object under `key` ({"incident": {...}}); InvalidArgument when missing.
base::Result<const boost::json::object*> Wrapped(const boost::json::value& body,
                                                 std::string_view key);

}  // namespace phare::api
