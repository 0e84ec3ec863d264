// HTTP requests and responses as handlers see them, free of Beast so that handler
// code compiles fast. A Request only borrows: its views point into the server's
// parser buffers and are valid for the duration of the handler call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace phare::http {

enum class Method : uint8_t { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view ToString(Method method);
Method ParseMethod(std::string_view text);

// Case-insensitive access to request headers.
class HeaderView {
 public:
  virtual ~HeaderView() = default;
  // The first value of header `name`, or "" when absent.
  virtual std::string_view Get(std::string_view name) const = 0;
};

struct Request {
  Method method = Method::kGet;
  std::string_view target;  // as sent: "/api/v2/summary.json?x=1"
  std::string_view path;    // without the query: "/api/v2/summary.json"
  std::string_view query;   // after '?', not decoded
  std::string_view body;
  // With RouteOptions::spool_body: the temporary file holding the body, removed once the
  // handler returns.
  std::string_view body_file;
  std::string_view remote_address;
  const HeaderView* headers = nullptr;
  std::vector<std::string> params;  // path parameters captured by the router, decoded

  std::string_view Header(std::string_view name) const {
    return headers ? headers->Get(name) : std::string_view();
  }
  // The decoded value of query parameter `name` (first occurrence), if present.
  std::optional<std::string> Query(std::string_view name) const;
  // The value of cookie `name`, if present.
  std::optional<std::string> Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  Response& Header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// "OK", "Not Found"... for a status code.
std::string_view ReasonPhrase(int status);

}  // namespace phare::http
