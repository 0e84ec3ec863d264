#include "notify/sms.h"

#include <gtest/gtest.h>

#include "base/json.h"

namespace phare::notify {
namespace {

SmsLength Measure(std::string_view text) {
  auto length = MeasureSms(text);
  EXPECT_TRUE(length.ok());
  return length.ok() ? *length : SmsLength{};
}

TEST(MeasureSms, Gsm7BasicTableIncludingItsAccents) {
  const SmsLength l = Measure("Panne à Strasbourg, réseau coupé: 40 386 serveurs. ¿Ñ? £5 @ é");
  EXPECT_EQ(l.encoding, SmsEncoding::kGsm7);
  EXPECT_EQ(l.segments, 1u);
}

TEST(MeasureSms, ExtensionCharactersCountTwoSeptets) {
  EXPECT_EQ(Measure("€").units, 2u);
  EXPECT_EQ(Measure("{x}").units, 5u);
  EXPECT_EQ(Measure("€").encoding, SmsEncoding::kGsm7);
}

TEST(MeasureSms, SegmentBoundariesForGsm7) {
  EXPECT_EQ(Measure("").segments, 0u);
  EXPECT_EQ(Measure(std::string(160, 'a')).segments, 1u);
  EXPECT_EQ(Measure(std::string(161, 'a')).segments, 2u);
  EXPECT_EQ(Measure(std::string(306, 'a')).segments, 2u);
  EXPECT_EQ(Measure(std::string(307, 'a')).segments, 3u);
  // 80 euro signs = 160 septets: one SMS; one more character makes two.
  std::string euros;
  for (int i = 0; i < 80; ++i) euros += "€";
  EXPECT_EQ(Measure(euros).segments, 1u);
  // 152 'a' then '€': the escape pair may not straddle segments 1 and 2.
  EXPECT_EQ(Measure(std::string(152, 'a') + "€" + std::string(10, 'b')).segments, 2u);
  EXPECT_EQ(Measure(std::string(152, 'a') + "€" + std::string(151, 'b')).segments, 2u);
  EXPECT_EQ(Measure(std::string(152, 'a') + "€" + std::string(152, 'b')).segments, 3u);
}

TEST(MeasureSms, Ucs2ForCharactersOutsideGsm7) {
  // ê, ç and « » are not in GSM 03.38: French with them goes UCS-2.
  const SmsLength l = Measure("Mise à jour « fenêtre » reçue");
  EXPECT_EQ(l.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(l.units, 29u);
  std::string seventy;
  for (int i = 0; i < 70; ++i) seventy += "ê";
  EXPECT_EQ(Measure(seventy).segments, 1u);
  EXPECT_EQ(Measure(seventy + "ê").segments, 2u);
  EXPECT_EQ(Measure(seventy + seventy).segments, 3u);  // 140 units / 67
  EXPECT_EQ(Measure("⚡").units, 1u);
  EXPECT_EQ(Measure("🔥").units, 2u);  // a surrogate pair
  EXPECT_EQ(Measure("`").encoding, SmsEncoding::kUcs2);
}

TEST(MeasureSms, RejectsInvalidUtf8) {
  EXPECT_FALSE(MeasureSms("\xc3(").ok());
  EXPECT_FALSE(MeasureSms("\xff").ok());
}

TEST(FitSms, CutsAtASpaceAndEndsWithAnEllipsis) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "word" + std::to_string(i) + " ";
  const auto fitted = FitSms(text, 1);
  ASSERT_TRUE(fitted.ok());
  EXPECT_LE(Measure(*fitted).segments, 1u);
  EXPECT_EQ(fitted->substr(fitted->size() - 3), "...");
  EXPECT_EQ(text.rfind(fitted->substr(0, fitted->size() - 3), 0), 0u);
  EXPECT_NE((*fitted)[fitted->size() - 4], ' ');
  EXPECT_EQ(*FitSms("short", 1), "short");
  std::string french;
  for (int i = 0; i < 40; ++i) french += "fenêtre ";
  const auto fitted_ucs2 = FitSms(french, 2);
  ASSERT_TRUE(fitted_ucs2.ok());
  EXPECT_EQ(Measure(*fitted_ucs2).segments, 2u);
  EXPECT_EQ(fitted_ucs2->substr(fitted_ucs2->size() - 3), "…");
  EXPECT_FALSE(FitSms("x", 0).ok());
}

TEST(SmsGateway, RendersJsonWithEscapedValues) {
  SmsGatewayConfig config;
  config.url = "https://sms.example.net/send";
  config.from = "STATUS";
  config.body_template =
      R"({"to":"{{to}}","digits":"{{to_digits}}","from":"{{from}}","text":"{{text}}",)"
      R"("enc":"{{encoding}}","parts":{{segments}},"ref":"{{message_id}}"})";
  auto gateway = SmsGateway::Create(config);
  ASSERT_TRUE(gateway.ok()) << gateway.status().ToString();
  auto body = gateway->RenderBody({"+33612345678", "Panne \"SBG\" « 2 »\n\\ ok", "m1"});
  ASSERT_TRUE(body.ok());
  auto json = base::ParseJson(*body);
  ASSERT_TRUE(json.ok()) << *body;
  EXPECT_EQ(json->at("to"), "+33612345678");
  EXPECT_EQ(json->at("digits"), "33612345678");
  EXPECT_EQ(json->at("text"), "Panne \"SBG\" « 2 »\n\\ ok");
  EXPECT_EQ(json->at("enc"), "ucs2");
  EXPECT_EQ(json->at("parts"), 1);
  EXPECT_EQ(json->at("ref"), "m1");
}

TEST(SmsGateway, FormEncodingAndTruncation) {
  SmsGatewayConfig config;
  config.url = "https://sms.example.net/send";
  config.content_type = "application/x-www-form-urlencoded";
  config.body_template = "To={{to}}&Body={{text}}";
  config.max_segments = 1;
  auto gateway = SmsGateway::Create(config);
  ASSERT_TRUE(gateway.ok());
  EXPECT_EQ(*gateway->RenderBody({"+33612345678", "a&b=c d", ""}),
            "To=%2B33612345678&Body=a%26b%3Dc%20d");
  auto long_body = gateway->RenderBody({"+33612345678", std::string(400, 'x'), ""});
  ASSERT_TRUE(long_body.ok());
  EXPECT_EQ(long_body->size(), std::string("To=%2B33612345678&Body=").size() + 160);
}

TEST(SmsGateway, RefusesBadSettingsNamingThem) {
  SmsGatewayConfig config;
  config.url = "ftp://sms.example.net";
  EXPECT_EQ(SmsGateway::Create(config).status().field(), "sms.url");
  config.url = "https://sms.example.net/send";
  config.body_template = R"({"text": {{text}}})";  // unquoted: not JSON for most texts
  EXPECT_EQ(SmsGateway::Create(config).status().field(), "sms.body_template");
  config.body_template = "{{#unclosed}}";
  EXPECT_EQ(SmsGateway::Create(config).status().field(), "sms.body_template");
  config = SmsGatewayConfig();
  config.url = "https://sms.example.net/send";
  config.headers = {"Authorization Bearer x"};
  EXPECT_EQ(SmsGateway::Create(config).status().field(), "sms.headers");
  config.headers = {"Authorization: Bearer x\r\nX: y"};
  EXPECT_EQ(SmsGateway::Create(config).status().field(), "sms.headers");
  config = SmsGatewayConfig();
  config.url = "https://sms.example.net/send";
  auto gateway = SmsGateway::Create(config);
  ASSERT_TRUE(gateway.ok());
  EXPECT_EQ(gateway->RenderBody({"0612345678", "x", ""}).status().field(), "to");
}

}  // namespace
}  // namespace phare::notify
