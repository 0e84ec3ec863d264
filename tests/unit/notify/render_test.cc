#include "notify/render.h"

#include <gtest/gtest.h>

#include "notify/messages.h"

namespace phare::notify {
namespace {

using model::Audience;
using model::Channel;

UpdateContext Context() {
  UpdateContext c;
  c.page.id = "pg1";
  c.page.name = "Acme";
  c.page.url = "https://status.example.net";
  c.page.time_zone = "Europe/Paris";
  c.incident.id = "inc1";
  c.incident.name = "Panne électrique à Strasbourg";
  c.incident.impact = model::Impact::kCritical;
  c.incident.status = model::IncidentStatus::kIdentified;
  auto& u = c.update;
  u.id = "up1";
  u.status = model::IncidentStatus::kIdentified;
  u.display_at = base::ParseTime("2017-11-09T06:30:00Z").value();
  u.body = "Both **grid feeds** are down.";
  u.bodies = {{Audience::kGeneral, "fr",
               "Nos équipes sont « mobilisées » depuis {time:2017-11-09T06:21:00Z}."},
              {Audience::kTechnical, "en", "Both feeds and the generators failed."}};
  u.next_update_at = base::ParseTime("2017-11-09T07:00:00Z").value();
  u.affected_components = std::vector<model::AffectedComponent>{
      {"c1", "Dedicated servers SBG", model::ComponentStatus::kOperational,
       model::ComponentStatus::kMajorOutage}};
  c.page_status = {model::Indicator::kCritical, "Major System Outage"};
  c.incident_json = R"({"id":"inc1","name":"Panne"})";
  return c;
}

VariantKey Key(Channel channel, const std::string& language, const std::string& zone,
               Audience audience) {
  VariantKey k;
  k.channel = channel;
  k.language = language;
  k.zone = zone;
  k.audience = audience;
  return k;
}

TEST(RenderTest, EmailSpeaksTheReadersLanguageZoneAndAudience) {
  auto v = RenderUpdate(Context(), Key(Channel::kEmail, "fr", "Europe/Paris", Audience::kGeneral));
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->subject, "[Acme] Panne électrique à Strasbourg : Cause identifiée");
  EXPECT_NE(v->text.find("Nos équipes sont « mobilisées » depuis"), std::string::npos);
  EXPECT_NE(v->text.find("07:21"), std::string::npos) << v->text;  // 06:21 UTC in Paris
  EXPECT_NE(v->text.find("08:00"), std::string::npos);             // the next update, local
  EXPECT_NE(v->text.find("Dedicated servers SBG (Panne majeure)"), std::string::npos);
  EXPECT_NE(v->text.find(kUnsubscribeMarker), std::string::npos);
  EXPECT_NE(v->html.find("<p>Nos équipes"), std::string::npos);
  EXPECT_NE(v->html.find("https://status.example.net/incidents/inc1"), std::string::npos);
  EXPECT_EQ(v->thread_id, "<incident-inc1@status.example.net>");
}

TEST(RenderTest, BodiesFallBackToTheDefaultLanguageThenToBody) {
  auto tech = RenderUpdate(Context(), Key(Channel::kEmail, "fr", "UTC", Audience::kTechnical));
  ASSERT_TRUE(tech.ok());
  EXPECT_NE(tech->text.find("Both feeds and the generators failed."), std::string::npos);
  auto general = RenderUpdate(Context(), Key(Channel::kEmail, "en", "UTC", Audience::kGeneral));
  ASSERT_TRUE(general.ok());
  EXPECT_NE(general->text.find("Both grid feeds are down."), std::string::npos);  // Markdown gone
  EXPECT_NE(general->html.find("<strong>grid feeds</strong>"), std::string::npos);
  EXPECT_EQ(general->subject, "[Acme] Panne électrique à Strasbourg: Identified");
}

TEST(RenderTest, SmsChatAndWebhookVariants) {
  auto sms = RenderUpdate(Context(), Key(Channel::kSms, "fr", "Europe/Paris", Audience::kGeneral));
  ASSERT_TRUE(sms.ok());
  EXPECT_EQ(sms->text.rfind("Acme : Panne électrique à Strasbourg : Cause identifiée. "
                            "https://status.example.net/incidents/inc1 Nos équipes",
                            0),
            0u)
      << sms->text;
  auto key = Key(Channel::kChat, "en", "UTC", Audience::kTechnical);
  key.flavor = "mattermost";
  auto chat = RenderUpdate(Context(), key);
  ASSERT_TRUE(chat.ok());
  EXPECT_EQ(chat->flavor, "mattermost");
  EXPECT_EQ(chat->color, "#e74c3c");
  EXPECT_NE(chat->footer.find(kUnsubscribeMarker), std::string::npos);
  auto hook = RenderUpdate(Context(), Key(Channel::kWebhook, "", "", Audience::kGeneral));
  ASSERT_TRUE(hook.ok());
  EXPECT_EQ(hook->page.status_indicator, "critical");
  EXPECT_EQ(hook->incident_json, Context().incident_json);
  EXPECT_EQ(Key(Channel::kWebhook, "fr", "UTC", Audience::kGeneral).Text(), "webhook");
}

TEST(RenderTest, VariantsSurviveTheirStoredForm) {
  auto key = Key(Channel::kChat, "fr", "UTC", Audience::kGeneral);
  key.flavor = "slack";
  for (const auto& k : {key, Key(Channel::kWebhook, "", "", Audience::kGeneral),
                        Key(Channel::kEmail, "en", "UTC", Audience::kGeneral)}) {
    auto v = RenderUpdate(Context(), k);
    ASSERT_TRUE(v.ok());
    auto back = Variant::Parse(v->Serialize());
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->Serialize(), v->Serialize());
  }
  EXPECT_FALSE(Variant::Parse("{\"channel\":\"fax\"}").ok());
}

TEST(RenderTest, ConfirmationCarriesBothLinks) {
  model::Page page;
  page.name = "Acme";
  page.url = "https://status.example.net";
  auto mail = RenderConfirmation(page, Channel::kEmail, "fr");
  ASSERT_TRUE(mail.ok());
  EXPECT_EQ(mail->subject, "Confirmez votre abonnement à Acme");
  EXPECT_NE(mail->text.find(kConfirmMarker), std::string::npos);
  EXPECT_NE(mail->html.find(kConfirmMarker), std::string::npos);
  EXPECT_NE(mail->text.find(kUnsubscribeMarker), std::string::npos);
  auto sms = RenderConfirmation(page, Channel::kSms, "nl");  // not shipped: English
  ASSERT_TRUE(sms.ok());
  EXPECT_EQ(sms->text, "Acme: confirm your status alerts at " + std::string(kConfirmMarker));
  auto german = RenderConfirmation(page, Channel::kSms, "de");
  ASSERT_TRUE(german.ok());
  EXPECT_EQ(german->text,
            "Acme: Bestätigen Sie Ihre Statusmeldungen unter " + std::string(kConfirmMarker));
  EXPECT_FALSE(RenderConfirmation(page, Channel::kWebhook, "en").ok());
}

TEST(RenderTest, EveryCatalogHasTheEnglishKeys) {
  const auto& catalogs = NotifyCatalogs();
  const auto english = catalogs.Default().Keys();
  for (const auto& language : catalogs.Languages()) {
    for (const auto& key : english) {
      EXPECT_TRUE(catalogs.Find(language)->Has(key)) << language << " lacks " << key;
    }
  }
  EXPECT_EQ(ReplaceMarker("a%%X%%b%%X%%", "%%X%%", "-"), "a-b-");
  EXPECT_EQ(MailDomain("https://status.example.net:8443/x"), "status.example.net");
}

}  // namespace
}  // namespace phare::notify
