#include "api/subscriber_json.h"

#include <gtest/gtest.h>

#include "api/subscribers_api.h"
#include "base/json.h"

namespace phare::api {
namespace {

using model::Channel;

base::Result<service::SubscribeInput> FromJson(const std::string& text) {
  auto value = base::ParseJson(text);
  EXPECT_TRUE(value.ok());
  return ParseSubscribeInput(value->as_object());
}

TEST(SubscriberJson, ReadsStatuspageFieldsAndPhareOnes) {
  auto email = FromJson(
      R"({"email":"a@example.org","component_ids":["c1"],"phare":{"language":"fr",
          "time_zone":"Europe/Paris","audience":"technical","all_updates":false}})");
  ASSERT_TRUE(email.ok()) << email.status().ToString();
  EXPECT_EQ(email->channel, Channel::kEmail);
  EXPECT_EQ(email->component_ids, std::vector<std::string>{"c1"});
  EXPECT_EQ(email->language, "fr");
  EXPECT_EQ(email->audience, model::Audience::kTechnical);
  EXPECT_EQ(email->all_updates, false);
  auto sms = FromJson(R"({"phone_number":"06 12 34 56 78","phone_country":"FR"})");
  ASSERT_TRUE(sms.ok());
  EXPECT_EQ(sms->channel, Channel::kSms);
  auto chat = FromJson(
      R"({"endpoint":"https://hooks.slack.com/x","phare":{"channel":"chat","flavor":"slack"}})");
  ASSERT_TRUE(chat.ok());
  EXPECT_EQ(chat->channel, Channel::kChat);
  EXPECT_EQ(FromJson(R"({"endpoint":"https://x.example/h"})")->channel, Channel::kWebhook);
}

// Statuspage's webhook subscriber: {"endpoint": URL, "email": ADDRESS}, the address told
// when the endpoint keeps failing.
TEST(SubscriberJson, ReadsAWebhookWithItsContactAddress) {
  auto hook = FromJson(R"({"endpoint":"https://x.example/h","email":"ops@example.org"})");
  ASSERT_TRUE(hook.ok()) << hook.status().ToString();
  EXPECT_EQ(hook->channel, Channel::kWebhook);
  EXPECT_EQ(hook->endpoint, "https://x.example/h");
  EXPECT_EQ(hook->contact_email, "ops@example.org");
  EXPECT_EQ(hook->email, "");
  auto form = ParseSubscribeForm(
      "subscriber%5Bendpoint%5D=https%3A%2F%2Fx.example%2Fh&subscriber%5Bemail%5D=o%40e.org");
  ASSERT_TRUE(form.ok()) << form.status().ToString();
  EXPECT_EQ(form->channel, Channel::kWebhook);
  EXPECT_EQ(form->contact_email, "o@e.org");
  EXPECT_EQ(FromJson(R"({"email":"a@b.c"})")->contact_email, "");

  model::Subscriber s;
  s.channel = Channel::kWebhook;
  s.address = "https://x.example/h";
  s.contact_email = "ops@example.org";
  auto o = SubscriberJson(s, base::Zone::Utc(), EndpointView::kFull);
  EXPECT_EQ(o["endpoint"].as_string(), s.address);
  EXPECT_EQ(o["email"].as_string(), "ops@example.org");
  s.contact_email.clear();
  EXPECT_FALSE(SubscriberJson(s, base::Zone::Utc()).contains("email"));
}

TEST(SubscriberJson, NamesWhatIsWrong) {
  EXPECT_EQ(FromJson(R"({})").status().field(), "subscriber");
  for (const char* mixed : {R"({"phone_number":"+33612345678","endpoint":"https://x"})",
                            R"({"email":"a@b.c","phone_number":"+33612345678"})",
                            R"({"email":"a@b.c","phone_number":"+336","endpoint":"https://x"})"}) {
    const auto status = FromJson(mixed).status();
    EXPECT_EQ(status.field(), "subscriber") << mixed;
    EXPECT_NE(status.message().find("exactly one of email, phone_number or endpoint"),
              std::string::npos);
  }
  EXPECT_EQ(FromJson(R"({"email":"a@b.c","phare":{"audience":"boss"}})").status().field(),
            "subscriber.phare.audience");
  EXPECT_EQ(FromJson(R"({"email":"a@b.c","phare":{"channel":"sms"}})").status().field(),
            "subscriber.phare.channel");
  EXPECT_EQ(FromJson(R"({"email":7})").status().field(), "subscriber.email");
}

TEST(SubscriberJson, ReadsFormsAsStatuspageWidgetsAndThePageSendThem) {
  auto widget = ParseSubscribeForm("subscriber%5Bemail%5D=a%2Btag%40example.org");
  ASSERT_TRUE(widget.ok()) << widget.status().ToString();
  EXPECT_EQ(widget->email, "a+tag@example.org");
  auto page =
      ParseSubscribeForm("email=b%40example.org&audience=technical&lang=fr&tz=Europe%2FParis");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->email, "b@example.org");
  EXPECT_EQ(page->time_zone, "Europe/Paris");
  EXPECT_EQ(ParseSubscribeForm("email=" + std::string(400, 'a')).status().field(),
            "subscriber.email");
}

TEST(SubscriberJson, ShowsASubscriberInStatuspagesShape) {
  model::Subscriber s;
  s.id = "abc";
  s.channel = Channel::kChat;
  s.flavor = "mattermost";
  s.address = "https://chat.example.org/hooks/x";
  s.component_ids = {"c1"};
  s.created_at = base::FromMillis(0);
  auto o = SubscriberJson(s, base::Zone::Utc(), EndpointView::kFull);
  EXPECT_EQ(o["mode"].as_string(), "webhook");
  EXPECT_EQ(o["endpoint"].as_string(), s.address);
  EXPECT_EQ(o["phare"].as_object()["channel"].as_string(), "chat");
  EXPECT_EQ(o["phare"].as_object()["flavor"].as_string(), "mattermost");
}

TEST(SubscriberJson, ListingsRedactEndpointUrls) {
  model::Subscriber s;
  s.channel = Channel::kChat;
  s.address = "https://hooks.slack.com/services/T000/B000/XXXXSECRET";
  s.created_at = base::FromMillis(0);
  EXPECT_EQ(SubscriberJson(s, base::Zone::Utc())["endpoint"].as_string(),
            "https://hooks.slack.com/\u2026");
  EXPECT_EQ(SubscriberJson(s, base::Zone::Utc(), EndpointView::kFull)["endpoint"].as_string(),
            s.address);
  EXPECT_EQ(RedactEndpoint("http://127.0.0.1:8080/hook?token=abc"), "http://127.0.0.1:8080/\u2026");
  EXPECT_EQ(RedactEndpoint("https://example.org/"), "https://example.org/");
  EXPECT_EQ(RedactEndpoint("https://example.org?k=secret"), "https://example.org/\u2026");
  EXPECT_EQ(RedactEndpoint("not a url"), "\u2026");
  EXPECT_EQ(RateLimited(std::chrono::milliseconds(1500)).status, 429);
}

}  // namespace
}  // namespace phare::api
