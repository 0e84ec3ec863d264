// Headers every answer of the server carries, whoever built it: `nosniff`, a Content
// Security Policy on HTML (a strict default where the handler set none, and always
// `frame-ancestors`, so that no page can be framed by another site unless the operator
// says so), and under TLS, HSTS and the `Secure` attribute on cookies. Pure functions.
#pragma once

#include <string>
#include <string_view>

#include "http/message.h"

namespace phare::http {

struct SecurityOptions {
  bool tls = false;
  // The CSP frame-ancestors source list: "'none'", "'self' https://example.com"...
  std::string frame_ancestors = "'none'";
};

// The CSP of HTML answers that set none.
inline constexpr std::string_view kDefaultHtmlPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'self'";
// HSTS under TLS: a year.
inline constexpr std::string_view kHsts = "max-age=31536000";

// Adds to `res` what it lacks of the above.
void AddSecurityHeaders(Response& res, const SecurityOptions& options);

// `policy` with a frame-ancestors directive (kept when it has one).
std::string WithFrameAncestors(std::string_view policy, std::string_view frame_ancestors);

}  // namespace phare::http
