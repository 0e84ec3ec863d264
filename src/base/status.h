// Status and Result<T>: how expected failures travel in phare.
//
// Bad input, I/O errors, busy databases and unreachable peers are returned, never
// thrown, and propagated early with PHARE_RETURN_IF_ERROR / PHARE_ASSIGN_OR_RETURN.
// A Status names what went wrong (`code`), says it for a human (`message`) and, for
// validation errors, names the offending input (`field`, e.g. "incident.status").
// Both types are plain values: copyable, movable, no shared state.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace phare::base {

enum class Code {
  kOk,
  kInvalidArgument,     // the input is malformed or fails validation (HTTP 400/422)
  kNotFound,            // a referenced object does not exist (404)
  kAlreadyExists,       // a unique key is taken (409)
  kFailedPrecondition,  // the operation does not fit the object's current state (409)
  kUnauthenticated,     // no or unknown credentials (401)
  kPermissionDenied,    // credentials lack the scope (403)
  kResourceExhausted,   // a size or count limit is exceeded (413/429)
  kUnavailable,         // a dependency is down or busy; retrying may help (503)
  kIoError,             // file system or database I/O failed
  kInternal,            // a bug or an impossible state
};

std::string_view CodeName(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }

  // "not_found: incident 'x' does not exist" — for logs and the CLI.
  std::string ToString() const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::string field_;
};

inline Status InvalidArgument(std::string message, std::string field = {}) {
  return {Code::kInvalidArgument, std::move(message), std::move(field)};
}
inline Status NotFound(std::string message) { return {Code::kNotFound, std::move(message)}; }
inline Status Internal(std::string message) { return {Code::kInternal, std::move(message)}; }
inline Status IoError(std::string message) { return {Code::kIoError, std::move(message)}; }

// A value or the Status that explains why there is none.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "a Result holding a Status must hold an error");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }

  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace phare::base

#define PHARE_CONCAT_INNER(a, b) a##b
#define PHARE_CONCAT(a, b) PHARE_CONCAT_INNER(a, b)

#define PHARE_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::phare::base::Status phare_status_ = (expr);  \
    if (!phare_status_.ok()) return phare_status_; \
  } while (0)

#define PHARE_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()

// PHARE_ASSIGN_OR_RETURN(auto x, ComputeX()); returns the error if ComputeX failed.
#define PHARE_ASSIGN_OR_RETURN(lhs, expr) \
  PHARE_ASSIGN_OR_RETURN_IMPL(PHARE_CONCAT(phare_result_, __LINE__), lhs, expr)
