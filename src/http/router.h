// Routes requests to handlers by method and path pattern. Patterns are literal
// segments and "{}" captures ("/v1/pages/{}/incidents/{}"); a capture may carry a
// literal suffix within its segment ("/api/v2/subscribers/{}.json"). Captures are
// percent-decoded into Request::params. Routes are added at start-up; afterwards the
// router is read-only and safe to share between threads.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace phare::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
  // Runs on the blocking pool (database access), not on a network thread.
  bool blocking = false;
  // Metrics label; defaults to the pattern.
  std::string name;
  // Largest request body accepted on this route; 0: the server's max_body_bytes.
  size_t max_body_bytes = 0;
  // The body goes to a temporary file (Request::body_file), not to memory: for large
  // uploads. Request::body is then empty.
  bool spool_body = false;
  // Checked once the request's head is read, before any of its body is read or asked
  // for (no `100 Continue`): an answer refuses the request (401, 404...) and the
  // connection is closed. Runs where the handler runs (see `blocking`), with
  // Request::body empty. Routes with a check get the server's max_body_bytes by
  // default; routes without one its smaller max_public_body_bytes.
  std::function<std::optional<Response>(Request&)> admit = nullptr;
};

struct Route {
  Method method;
  std::string pattern;
  std::vector<std::string> segments;
  Handler handler;
  RouteOptions options;
  int metric_id = -1;
};

class Router {
 public:
  void Add(Method method, std::string pattern, Handler handler, RouteOptions options = {});

  struct Match {
    const Route* route = nullptr;  // null: no route for this method
    std::vector<std::string> params;
    std::string allow;  // when the path matched other methods only: "GET, PATCH"
  };
  Match Find(Method method, std::string_view path) const;

  std::vector<Route>& routes() { return routes_; }
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// Percent-decodes one path segment; returns false on malformed escapes.
bool DecodeSegment(std::string_view in, std::string& out);

}  // namespace phare::http
