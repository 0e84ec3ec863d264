#include "http/problem.h"

#include <spdlog/spdlog.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace phare::http {

Response Problem(int status, std::string_view type, std::string_view detail,
                 std::string_view field) {
  boost::json::object o;
  o["type"] = std::string("urn:phare:problem:") + std::string(type);
  o["title"] = ReasonPhrase(status);
  o["status"] = status;
  o["detail"] = detail;
  if (!field.empty()) o["field"] = field;
  Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  r.body = boost::json::serialize(o);
  if (status == 401) r.Header("WWW-Authenticate", "Bearer realm=\"phare\"");
  if (status == 503) r.Header("Retry-After", "1");
  return r;
}

Response ProblemFromStatus(const base::Status& s) {
  using base::Code;
  std::string detail = s.message();
  if (!s.field().empty()) detail = s.field() + ": " + detail;
  switch (s.code()) {
    case Code::kInvalidArgument:
      return Problem(422, "invalid-field", detail, s.field());
    case Code::kNotFound:
      return Problem(404, "not-found", detail, s.field());
    case Code::kAlreadyExists:
      return Problem(409, "conflict", detail, s.field());
    case Code::kFailedPrecondition:
      return Problem(409, "conflict", detail, s.field());
    case Code::kUnauthenticated:
      return Problem(401, "unauthenticated", detail);
    case Code::kPermissionDenied:
      return Problem(403, "forbidden", detail);
    case Code::kResourceExhausted:
      return Problem(422, "limit-exceeded", detail, s.field());
    case Code::kUnavailable:
      return Problem(503, "unavailable", detail);
    default:
      spdlog::error("request failed: {}", s.ToString());
      return Problem(500, "internal", "internal error; see the server log");
  }
}

}  // namespace phare::http
