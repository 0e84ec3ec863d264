#include "notify/webhook.h"

#include <gtest/gtest.h>

#include "base/json.h"

namespace phare::notify {
namespace {

const WebhookPage kPage{"pg1", "major", "Partial System Outage"};

WebhookMeta Meta() {
  return {"https://status.example.net/unsubscribe/tok", "https://status.example.net/docs/webhooks",
          base::ParseTime("2017-11-09T06:30:00Z").value()};
}

TEST(WebhookPayload, IncidentHasStatuspageShapeWithMetaFirst) {
  const auto payload = WebhookPayload::ForIncident(
      kPage, R"({"id":"inc1","name":"Panne « SBG »","status":"identified"})");
  ASSERT_TRUE(payload.ok());
  const std::string body = payload->Render(Meta());
  EXPECT_EQ(body.rfind("{\"meta\":", 0), 0u);
  auto json = base::ParseJson(body);
  ASSERT_TRUE(json.ok()) << body;
  const auto& o = json->as_object();
  EXPECT_EQ(o.at("meta").at("unsubscribe"), "https://status.example.net/unsubscribe/tok");
  EXPECT_EQ(o.at("meta").at("generated_at"), "2017-11-09T06:30:00.000Z");
  EXPECT_EQ(o.at("page").at("id"), "pg1");
  EXPECT_EQ(o.at("page").at("status_indicator"), "major");
  EXPECT_EQ(o.at("page").at("status_description"), "Partial System Outage");
  EXPECT_EQ(o.at("incident").at("name"), "Panne « SBG »");
  EXPECT_EQ(o.size(), 3u);
}

TEST(WebhookPayload, ComponentUpdateShape) {
  ComponentChange change{"cu1", "cmp1", "operational", "major_outage",
                         base::ParseTime("2017-11-09T06:21:00Z").value()};
  const auto payload =
      WebhookPayload::ForComponentUpdate(kPage, R"({"id":"cmp1","name":"SBG"})", change);
  ASSERT_TRUE(payload.ok());
  auto json = base::ParseJson(payload->Render(Meta()));
  ASSERT_TRUE(json.ok());
  const auto& update = json->at("component_update").as_object();
  EXPECT_EQ(update.at("component_type"), "Component");
  EXPECT_EQ(update.at("old_status"), "operational");
  EXPECT_EQ(update.at("new_status"), "major_outage");
  EXPECT_EQ(update.at("component_id"), "cmp1");
  EXPECT_EQ(update.at("id"), "cu1");
  EXPECT_EQ(update.at("created_at"), "2017-11-09T06:21:00.000Z");
  EXPECT_EQ(json->at("component").at("name"), "SBG");
}

TEST(WebhookPayload, RejectsAnythingButOneObject) {
  EXPECT_EQ(WebhookPayload::ForIncident(kPage, "[1]").status().field(), "incident");
  EXPECT_EQ(WebhookPayload::ForIncident(kPage, "{\"a\":1} {}").status().field(), "incident");
  EXPECT_EQ(WebhookPayload::ForIncident(kPage, "{\"a\":").status().field(), "incident");
}

// The published Standard Webhooks test vector.
TEST(SignWebhook, MatchesTheStandardWebhooksVector) {
  const auto key = DecodeWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  ASSERT_TRUE(key.ok());
  const auto signature = SignWebhook(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                     base::FromMillis(1614265330000), R"({"test": 2432232314})");
  EXPECT_EQ(signature.id, "msg_p5jXN8AQM9LWM0D4loKWxJek");
  EXPECT_EQ(signature.timestamp, "1614265330");
  EXPECT_EQ(signature.signature, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST(VerifyWebhook, AcceptsTheSignerAndRejectsTamperingAndStaleTimestamps) {
  base::SeededRandom random(7);
  const auto key = DecodeWebhookSecret(NewWebhookSecret(random)).value();
  const base::Time now = base::ParseTime("2017-11-09T06:30:00Z").value();
  const auto sig = SignWebhook(key, "msg_1", now, "{}");
  const auto five_minutes = std::chrono::minutes(5);
  EXPECT_TRUE(VerifyWebhook(key, sig, "{}", now + std::chrono::minutes(1), five_minutes).ok());
  EXPECT_FALSE(VerifyWebhook(key, sig, "{ }", now, five_minutes).ok());
  EXPECT_FALSE(VerifyWebhook(key, sig, "{}", now + std::chrono::minutes(6), five_minutes).ok());
  WebhookSignature renamed = sig;
  renamed.id = "msg_2";
  EXPECT_FALSE(VerifyWebhook(key, renamed, "{}", now, five_minutes).ok());
  WebhookSignature rotated = sig;
  rotated.signature = "v1,b2xk " + sig.signature;  // several signatures during key rotation
  EXPECT_TRUE(VerifyWebhook(key, rotated, "{}", now, five_minutes).ok());
  const auto other = DecodeWebhookSecret(NewWebhookSecret(random)).value();
  EXPECT_FALSE(VerifyWebhook(other, sig, "{}", now, five_minutes).ok());
}

TEST(VerifyWebhook, ExtremeTimestampsAreOutOfRangeNotOverflows) {
  base::SeededRandom random(7);
  const auto key = DecodeWebhookSecret(NewWebhookSecret(random)).value();
  const base::Time now = base::ParseTime("2017-11-09T06:30:00Z").value();
  WebhookSignature sig = SignWebhook(key, "msg_1", now, "{}");
  for (const char* extreme :
       {"-9223372036854775808", "9223372036854775807", "-1", "253402300800"}) {
    sig.timestamp = extreme;
    for (const base::Duration tolerance : {base::Duration(0), base::Duration(300000)}) {
      const base::Status s = VerifyWebhook(key, sig, "{}", now, tolerance);
      EXPECT_EQ(s.field(), "webhook-timestamp") << extreme;
      EXPECT_EQ(s.message(), "is out of range") << extreme;
    }
  }
}

TEST(WebhookSecret, NewSecretsDecodeTo32BytesAndBadOnesAreRefused) {
  base::SeededRandom random(1);
  const std::string secret = NewWebhookSecret(random);
  EXPECT_EQ(secret.rfind("whsec_", 0), 0u);
  EXPECT_EQ(DecodeWebhookSecret(secret)->size(), 32u);
  EXPECT_NE(secret, NewWebhookSecret(random));
  EXPECT_FALSE(DecodeWebhookSecret("whsec_not base64!").ok());
  EXPECT_FALSE(DecodeWebhookSecret("whsec_c2hvcnQ=").ok());  // "short": 5 bytes
}

TEST(WebhookIdFor, IsStableOpaqueAndDistinct) {
  const std::string id = WebhookIdFor("update-1/subscriber-9");
  EXPECT_EQ(id, WebhookIdFor("update-1/subscriber-9"));
  EXPECT_NE(id, WebhookIdFor("update-1/subscriber-8"));
  EXPECT_EQ(id.rfind("msg_", 0), 0u);
  EXPECT_EQ(id.size(), 30u);
}

}  // namespace
}  // namespace phare::notify
