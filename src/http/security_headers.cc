#include "http/security_headers.h"

#include <algorithm>
#include <cctype>

namespace phare::http {
namespace {

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string* Find(Response& res, std::string_view name) {
  for (auto& [n, value] : res.headers) {
    if (SameName(n, name)) return &value;
  }
  return nullptr;
}

bool HasAttribute(std::string_view cookie, std::string_view attribute) {
  for (size_t at = cookie.find(';'); at != std::string_view::npos; at = cookie.find(';', at + 1)) {
    std::string_view rest = cookie.substr(at + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    const std::string_view name = rest.substr(0, rest.find_first_of(";="));
    if (SameName(name, attribute)) return true;
  }
  return false;
}

}  // namespace

std::string WithFrameAncestors(std::string_view policy, std::string_view frame_ancestors) {
  std::string out(policy);
  std::string lower(policy);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("frame-ancestors") != std::string::npos) return out;
  while (!out.empty() && (out.back() == ' ' || out.back() == ';')) out.pop_back();
  if (!out.empty()) out += "; ";
  out += "frame-ancestors ";
  out += frame_ancestors;
  return out;
}

void AddSecurityHeaders(Response& res, const SecurityOptions& options) {
  if (!Find(res, "X-Content-Type-Options")) res.Header("X-Content-Type-Options", "nosniff");
  if (res.content_type.rfind("text/html", 0) == 0) {
    if (std::string* csp = Find(res, "Content-Security-Policy")) {
      *csp = WithFrameAncestors(*csp, options.frame_ancestors);
    } else {
      res.Header("Content-Security-Policy",
                 WithFrameAncestors(kDefaultHtmlPolicy, options.frame_ancestors));
    }
  }
  if (!options.tls) return;
  if (!Find(res, "Strict-Transport-Security")) {
    res.Header("Strict-Transport-Security", std::string(kHsts));
  }
  for (auto& [name, value] : res.headers) {
    if (SameName(name, "Set-Cookie") && !HasAttribute(value, "Secure")) value += "; Secure";
  }
}

}  // namespace phare::http
