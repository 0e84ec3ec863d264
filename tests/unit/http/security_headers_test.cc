#include "http/security_headers.h"

#include <gtest/gtest.h>

namespace phare::http {
namespace {

std::string HeaderOf(const Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

TEST(SecurityHeaders, HtmlGetsAPolicyWithFrameAncestorsAndNosniff) {
  Response page;
  page.content_type = "text/html; charset=utf-8";
  AddSecurityHeaders(page, {});
  EXPECT_EQ(HeaderOf(page, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(HeaderOf(page, "Content-Security-Policy"),
            std::string(kDefaultHtmlPolicy) + "; frame-ancestors 'none'");
  EXPECT_EQ(HeaderOf(page, "Strict-Transport-Security"), "");

  Response own;
  own.content_type = "text/html";
  own.Header("content-security-policy", "default-src 'none';");
  AddSecurityHeaders(own, {false, "'self' https://partner.example"});
  EXPECT_EQ(HeaderOf(own, "content-security-policy"),
            "default-src 'none'; frame-ancestors 'self' https://partner.example");
  EXPECT_EQ(WithFrameAncestors("frame-ancestors 'self'", "'none'"), "frame-ancestors 'self'");
}

TEST(SecurityHeaders, JsonGetsNosniffOnly) {
  Response json;
  AddSecurityHeaders(json, {});
  EXPECT_EQ(json.headers.size(), 1u);
  EXPECT_EQ(HeaderOf(json, "X-Content-Type-Options"), "nosniff");
}

TEST(SecurityHeaders, TlsAddsHstsAndSecureCookies) {
  Response r;
  r.Header("Set-Cookie", "phare_lang=fr; Path=/; HttpOnly");
  r.Header("Set-Cookie", "phare_tz=UTC; Secure; Path=/");
  AddSecurityHeaders(r, {true, "'none'"});
  EXPECT_EQ(HeaderOf(r, "Strict-Transport-Security"), kHsts);
  EXPECT_EQ(r.headers[0].second, "phare_lang=fr; Path=/; HttpOnly; Secure");
  EXPECT_EQ(r.headers[1].second, "phare_tz=UTC; Secure; Path=/");
}

}  // namespace
}  // namespace phare::http
