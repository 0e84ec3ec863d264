#include "http/client_address.h"

#include <gtest/gtest.h>

namespace phare::http {
namespace {

TrustedProxies Proxies(std::vector<std::string> cidrs) {
  auto parsed = TrustedProxies::Parse(cidrs);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? *parsed : TrustedProxies();
}

TEST(TrustedProxies, ParsesCidrsAndAddresses) {
  const auto p = Proxies({"10.0.0.0/8", "192.0.2.7", "fd00::/8"});
  EXPECT_TRUE(p.Contains("10.1.2.3"));
  EXPECT_TRUE(p.Contains("192.0.2.7"));
  EXPECT_FALSE(p.Contains("192.0.2.8"));
  EXPECT_TRUE(p.Contains("fd12::1"));
  EXPECT_FALSE(p.Contains("2001:db8::1"));
  EXPECT_FALSE(p.Contains("not an address"));
  for (const char* bad : {"10.0.0.0/33", "10.0.0.0/", "example.com", "::/129", "1.2.3.4/x"}) {
    EXPECT_FALSE(TrustedProxies::Parse({bad}).ok()) << bad;
  }
}

TEST(TrustedProxies, BelievesForwardingHeadersFromTrustedPeersOnly) {
  const auto p = Proxies({"10.0.0.0/8"});
  // Not from a proxy: the headers are the client's own words.
  EXPECT_EQ(p.ClientOf("198.51.100.9", "", "203.0.113.5"), "198.51.100.9");
  // From the proxy: the nearest untrusted hop, whatever the client prepended.
  EXPECT_EQ(p.ClientOf("10.0.0.2", "", "1.1.1.1, 203.0.113.5"), "203.0.113.5");
  EXPECT_EQ(p.ClientOf("10.0.0.2", "", "203.0.113.5, 10.0.0.3"), "203.0.113.5");
  EXPECT_EQ(p.ClientOf("10.0.0.2", "for=1.1.1.1, for=\"[2001:db8::17]:4711\";proto=https", ""),
            "2001:db8::17");
  EXPECT_EQ(p.ClientOf("10.0.0.2", "for=192.0.2.60:80;by=10.0.0.2", "9.9.9.9"), "192.0.2.60");
  EXPECT_EQ(p.ClientOf("10.0.0.2", "", ""), "10.0.0.2");
  EXPECT_EQ(p.ClientOf("10.0.0.2", "for=unknown", ""), "10.0.0.2");
  EXPECT_EQ(TrustedProxies().ClientOf("10.0.0.2", "", "203.0.113.5"), "10.0.0.2");
}

}  // namespace
}  // namespace phare::http
