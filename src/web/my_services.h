// The private "my services" page of one customer (/my/{token}): the open incidents
// hitting their own resources, with the restoration estimate, and the state of every
// resource they own. Rendered on request, never part of a snapshot. Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "service/my_services.h"
#include "web/variant.h"

namespace phare::web {

// `json_path` is the address of the same view as JSON (linked from the page); words and
// times in `reading`'s language and zone (English and the page's zone when unknown).
std::string RenderMyServices(const service::MyServices& view, std::string_view json_path,
                             const Reading& reading);
// For a link that is unknown or revoked (served with 404).
std::string RenderMyServicesNotFound();

}  // namespace phare::web
