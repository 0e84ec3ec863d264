#include "notify/target.h"

#include <gtest/gtest.h>

namespace phare::notify {
namespace {

AddressClass Classify(const char* text) {
  auto cls = ClassifyAddressText(text);
  EXPECT_TRUE(cls.has_value()) << text;
  return cls.value_or(AddressClass::kPublic);
}

TEST(ClassifyAddress, Ipv4Ranges) {
  EXPECT_EQ(Classify("8.8.8.8"), AddressClass::kPublic);
  EXPECT_EQ(Classify("0.0.0.0"), AddressClass::kUnspecified);
  EXPECT_EQ(Classify("127.0.0.1"), AddressClass::kLoopback);
  EXPECT_EQ(Classify("127.255.1.2"), AddressClass::kLoopback);
  EXPECT_EQ(Classify("10.1.2.3"), AddressClass::kPrivate);
  EXPECT_EQ(Classify("172.16.0.1"), AddressClass::kPrivate);
  EXPECT_EQ(Classify("172.31.255.255"), AddressClass::kPrivate);
  EXPECT_EQ(Classify("172.32.0.1"), AddressClass::kPublic);
  EXPECT_EQ(Classify("192.168.1.1"), AddressClass::kPrivate);
  EXPECT_EQ(Classify("169.254.169.254"), AddressClass::kLinkLocal);  // cloud metadata
  EXPECT_EQ(Classify("100.64.0.1"), AddressClass::kShared);
  EXPECT_EQ(Classify("100.127.255.255"), AddressClass::kShared);
  EXPECT_EQ(Classify("100.128.0.1"), AddressClass::kPublic);
  EXPECT_EQ(Classify("224.0.0.1"), AddressClass::kMulticast);
  EXPECT_EQ(Classify("255.255.255.255"), AddressClass::kReserved);
  EXPECT_EQ(Classify("192.0.2.1"), AddressClass::kReserved);
  EXPECT_EQ(Classify("198.18.0.1"), AddressClass::kReserved);
}

TEST(ClassifyAddress, Ipv6RangesAndEmbeddedIpv4) {
  EXPECT_EQ(Classify("2001:4860:4860::8888"), AddressClass::kPublic);
  EXPECT_EQ(Classify("::"), AddressClass::kUnspecified);
  EXPECT_EQ(Classify("::1"), AddressClass::kLoopback);
  EXPECT_EQ(Classify("[::1]"), AddressClass::kLoopback);
  EXPECT_EQ(Classify("fd12:3456::1"), AddressClass::kPrivate);
  EXPECT_EQ(Classify("fe80::1"), AddressClass::kLinkLocal);
  EXPECT_EQ(Classify("ff02::1"), AddressClass::kMulticast);
  EXPECT_EQ(Classify("::ffff:127.0.0.1"), AddressClass::kLoopback);
  EXPECT_EQ(Classify("::ffff:10.0.0.1"), AddressClass::kPrivate);
  EXPECT_EQ(Classify("::ffff:8.8.8.8"), AddressClass::kPublic);
  EXPECT_EQ(Classify("64:ff9b::a9fe:a9fe"), AddressClass::kLinkLocal);
  EXPECT_EQ(Classify("2002:c0a8:0101::1"), AddressClass::kPrivate);
  EXPECT_EQ(Classify("2001:db8::1"), AddressClass::kReserved);
  EXPECT_EQ(Classify("::127.0.0.1"), AddressClass::kReserved);
  EXPECT_FALSE(ClassifyAddressText("example.com").has_value());
}

TEST(ValidateTargetUrl, AcceptsPublicHttpTargets) {
  auto target = ValidateTargetUrl("HTTPS://Hooks.Example.com/services/T0/B0?x=1", false);
  ASSERT_TRUE(target.ok()) << target.status().ToString();
  EXPECT_EQ(target->url, "https://hooks.example.com/services/T0/B0?x=1");
  EXPECT_EQ(target->origin, "https://hooks.example.com:443");
  EXPECT_EQ(target->host, "hooks.example.com");
  EXPECT_EQ(ValidateTargetUrl("http://8.8.8.8:8080", false)->origin, "http://8.8.8.8:8080");
  EXPECT_EQ(ValidateTargetUrl("http://8.8.8.8:8080", false)->url, "http://8.8.8.8:8080/");
  EXPECT_EQ(ValidateTargetUrl("http://8.8.8.8?a=1", false)->url, "http://8.8.8.8/?a=1");
}

TEST(ValidateTargetUrl, RefusesOtherSchemesCredentialsAndPrivateTargets) {
  for (const char* bad :
       {"ftp://example.com/", "file:///etc/passwd", "gopher://x/", "https://user:pw@example.com/",
        "https://example.com/#frag", "not a url", "https:///nohost", "http://127.0.0.1:8080/hook",
        "http://[::1]/", "http://[::ffff:10.0.0.1]/", "http://169.254.169.254/latest/meta-data",
        "http://localhost:9000/", "http://api.localhost/", "http://0.0.0.0/"}) {
    auto result = ValidateTargetUrl(bad, false);
    EXPECT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.status().field(), "url") << bad;
  }
  EXPECT_FALSE(ValidateTargetUrl("https://example.com/" + std::string(3000, 'a'), false).ok());
  EXPECT_TRUE(ValidateTargetUrl("http://127.0.0.1:8080/hook", true).ok());
  EXPECT_TRUE(ValidateTargetUrl("http://localhost:8080/hook", true).ok());
}

TEST(ParseSmtpRelay, PlainTlsAndCredentials) {
  auto plain = ParseSmtpRelay("smtp://127.0.0.1:2525");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->url, "smtp://127.0.0.1:2525/");
  EXPECT_EQ(plain->tls, SmtpTls::kTry);
  EXPECT_TRUE(plain->username.empty());
  auto auth =
      ParseSmtpRelay("smtp://ops%40example.net:p%3Ass@mail.example.net:587/status.example.net");
  ASSERT_TRUE(auth.ok());
  EXPECT_EQ(auth->username, "ops@example.net");
  EXPECT_EQ(auth->password, "p:ss");
  EXPECT_EQ(auth->tls, SmtpTls::kRequired);
  EXPECT_EQ(auth->url, "smtp://mail.example.net:587/status.example.net");
  auto implicit = ParseSmtpRelay("smtps://mail.example.net");
  ASSERT_TRUE(implicit.ok());
  EXPECT_EQ(implicit->tls, SmtpTls::kImplicit);
  EXPECT_EQ(implicit->origin, "smtps://mail.example.net:465");
  EXPECT_EQ(ParseSmtpRelay("smtp://relay?tls=none")->tls, SmtpTls::kNone);
  EXPECT_EQ(ParseSmtpRelay("smtp://relay:25")->origin, "smtp://relay:25");
}

TEST(ParseSmtpRelay, RefusesOtherSchemesAndOptions) {
  for (const char* bad : {"http://relay", "smtp://", "smtp://user@relay", "smtp://relay?tls=maybe",
                          "smtp://relay?starttls=1", "smtps://relay?tls=none"}) {
    EXPECT_EQ(ParseSmtpRelay(bad).status().field(), "smtp.url") << bad;
  }
}

}  // namespace
}  // namespace phare::notify
