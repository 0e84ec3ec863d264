#include "http/redirect.h"

#include <boost/url/parse.hpp>

namespace phare::http {

std::optional<std::string> SameOriginPath(std::string_view target, size_t max_bytes) {
  std::string s;
  s.reserve(target.size());
  for (char c : target) {
    if (c != '\t' && c != '\n' && c != '\r') s += c;
  }
  auto is_c0_or_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!s.empty() && is_c0_or_space(s.front())) s.erase(s.begin());
  while (!s.empty() && is_c0_or_space(s.back())) s.pop_back();
  if (s.empty() || s.size() > max_bytes || s[0] != '/') return std::nullopt;
  if (s.size() > 1 && (s[1] == '/' || s[1] == '\\')) return std::nullopt;
  auto parsed = boost::urls::parse_origin_form(s);
  if (!parsed) return std::nullopt;  // backslashes, spaces, raw bytes, fragments...
  return std::string(parsed->buffer());
}

}  // namespace phare::http
