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

TEST(RenderTest, EmailAsksWhetherItWasClearWithTwoSignedLinks) {
  auto without = RenderUpdate(Context(), Key(Channel::kEmail, "fr", "UTC", Audience::kGeneral));
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->text.find("/feedback?"), std::string::npos);
  auto c = Context();
  c.feedback_key = std::string(32, 'k');
  auto v = RenderUpdate(c, Key(Channel::kEmail, "fr", "UTC", Audience::kGeneral));
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  const std::string link =
      "https://status.example.net/feedback?incident=inc1&update=up1&audience=general&lang=fr"
      "&token=";
  EXPECT_NE(v->text.find("Était-ce clair ?"), std::string::npos) << v->text;
  EXPECT_NE(v->text.find("Oui: " + link), std::string::npos) << v->text;
  EXPECT_NE(v->text.find("&answer=no"), std::string::npos) << v->text;
  EXPECT_NE(v->html.find(">Non</a>"), std::string::npos) << v->html;
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

// The update (06:30 UTC) promised service by 07:30; its fan-out renders at 07:40, after
// the promise passed and the refresher replaced it: the message tells the new time,
// as later than expected, never the passed one as expected.
TEST(RenderTest, AnEstimateIsToldAtTheTimeOfRenderingNotOfTheUpdate) {
  auto c = Context();
  const auto at = [](const char* t) { return base::ParseTime(t).value(); };
  c.update.estimate = model::Estimate{"",
                                      at("2017-11-09T06:50:00Z"),
                                      at("2017-11-09T07:10:00Z"),
                                      at("2017-11-09T08:30:00Z"),
                                      "operator",
                                      "",
                                      at("2017-11-09T07:30:00Z")};
  c.incident.estimates = {model::Estimate{"", at("2017-11-09T07:50:00Z"),
                                          at("2017-11-09T08:10:00Z"), at("2017-11-09T09:00:00Z"),
                                          "progress", "", at("2017-11-09T08:30:00Z"), true}};
  c.now = at("2017-11-09T07:40:00Z");
  auto mail = RenderUpdate(c, Key(Channel::kEmail, "en", "UTC", Audience::kGeneral));
  ASSERT_TRUE(mail.ok());
  EXPECT_EQ(mail->text.find("7:30 AM"), std::string::npos) << mail->text;
  EXPECT_NE(mail->text.find("Later than we expected: we now expect service back by 8:30 AM UTC"),
            std::string::npos)
      << mail->text;
  auto sms = RenderUpdate(c, Key(Channel::kSms, "fr", "Europe/Paris", Audience::kGeneral));
  ASSERT_TRUE(sms.ok());
  EXPECT_NE(sms->text.find("Plus tard que prévu"), std::string::npos) << sms->text;
  auto chat = RenderUpdate(c, Key(Channel::kChat, "en", "UTC", Audience::kGeneral));
  ASSERT_TRUE(chat.ok());
  EXPECT_NE(chat->text.find("Later than we expected"), std::string::npos) << chat->text;

  // Rendered on time (before the promise), the update's own estimate reads as expected.
  c.incident.estimates = {*c.update.estimate};
  c.now = at("2017-11-09T06:31:00Z");
  auto early = RenderUpdate(c, Key(Channel::kEmail, "en", "UTC", Audience::kGeneral));
  ASSERT_TRUE(early.ok());
  EXPECT_NE(early->text.find("Service expected back by 7:30 AM UTC"), std::string::npos)
      << early->text;
  auto early_sms = RenderUpdate(c, Key(Channel::kSms, "en", "UTC", Audience::kGeneral));
  ASSERT_TRUE(early_sms.ok());
  EXPECT_EQ(early_sms->text.find("Later than"), std::string::npos);
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

TEST(RenderTest, AFailureNoticeNamesTheEndpointInTheSubscribersLanguage) {
  model::Page page;
  page.name = "Acme";
  page.url = "https://status.example.net";
  const std::string endpoint = "https://hooks.example.org/phare?a=1&b=2";
  const Variant fr = RenderFailureNotice(page, "fr", endpoint, 5);
  EXPECT_EQ(fr.channel, Channel::kEmail);
  EXPECT_EQ(fr.subject, Say("fr", "failing.subject", {{"page", std::string("Acme")}}));
  EXPECT_NE(fr.subject.find("webhook"), std::string::npos);
  EXPECT_NE(fr.text.find(endpoint), std::string::npos);
  EXPECT_NE(fr.text.find("5 envois"), std::string::npos);
  EXPECT_NE(fr.text.find(page.url), std::string::npos);
  EXPECT_NE(fr.text.find(kUnsubscribeMarker), std::string::npos);
  EXPECT_NE(fr.html.find("https://hooks.example.org/phare?a=1&amp;b=2"), std::string::npos);
  EXPECT_NE(fr.html.find("lang=\"fr\""), std::string::npos);
  const Variant other = RenderFailureNotice(page, "pt", endpoint, 1);  // no catalog: English
  EXPECT_EQ(other.subject, Say("en", "failing.subject", {{"page", std::string("Acme")}}));
  EXPECT_NE(other.text.find("1 notification failed"), std::string::npos);
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
