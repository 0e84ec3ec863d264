#include "http/router.h"

namespace phare::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Matches one segment against one pattern segment, capturing into `params`.
bool MatchSegment(std::string_view pattern, std::string_view segment,
                  std::vector<std::string>& params) {
  if (pattern.rfind("{}", 0) != 0) return pattern == segment;
  const std::string_view suffix = pattern.substr(2);
  if (segment.size() <= suffix.size() || segment.substr(segment.size() - suffix.size()) != suffix) {
    return false;
  }
  std::string decoded;
  if (!DecodeSegment(segment.substr(0, segment.size() - suffix.size()), decoded)) return false;
  params.push_back(std::move(decoded));
  return true;
}

}  // namespace

bool DecodeSegment(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return false;
    const int hi = HexValue(in[i + 1]);
    const int lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

void Router::Add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  Route route;
  route.method = method;
  for (auto s : Split(pattern)) route.segments.emplace_back(s);
  route.pattern = std::move(pattern);
  route.handler = std::move(handler);
  if (options.name.empty()) options.name = route.pattern;
  route.options = std::move(options);
  routes_.push_back(std::move(route));
}

Router::Match Router::Find(Method method, std::string_view path) const {
  Match match;
  const auto segments = Split(path);
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::vector<std::string> params;
    bool ok = true;
    for (size_t i = 0; ok && i < segments.size(); ++i) {
      ok = MatchSegment(route.segments[i], segments[i], params);
    }
    if (!ok) continue;
    const bool head_as_get = method == Method::kHead && route.method == Method::kGet;
    if (route.method == method || head_as_get) {
      match.route = &route;
      match.params = std::move(params);
      match.allow.clear();
      return match;
    }
    if (!match.allow.empty()) match.allow += ", ";
    match.allow += ToString(route.method);
  }
  return match;
}

}  // namespace phare::http
