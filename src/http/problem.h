// RFC 9457 problem details (application/problem+json): every error phare returns over
// HTTP. `type` is a URN naming the kind of problem ("urn:phare:problem:invalid-field"),
// `detail` says what is wrong in a sentence, and `field` (an extension member) names
// the offending input, e.g. "incident.status".
#pragma once

#include <string_view>

#include "base/status.h"
#include "http/message.h"

namespace phare::http {

Response Problem(int status, std::string_view type, std::string_view detail,
                 std::string_view field = {});

// Maps a Status to the right 4xx/5xx problem: InvalidArgument → 422, NotFound → 404,
// AlreadyExists/FailedPrecondition → 409, Unauthenticated → 401, PermissionDenied →
// 403, ResourceExhausted → 422, Unavailable → 503, others → 500.
Response ProblemFromStatus(const base::Status& status);

}  // namespace phare::http
