// Drafting the short form of an update for each network, language and audience.
#include "comms/social_draft.h"

#include <gtest/gtest.h>

#include "comms/checker.h"

namespace phare::comms {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

base::Time At(const char* rfc3339) { return *base::ParseTime(rfc3339); }

SocialFacts Strasbourg() {
  SocialFacts f;
  f.status = model::IncidentStatus::kIdentified;
  f.impact = model::Impact::kCritical;
  f.started_at = At("2017-11-09T06:21:00Z");
  f.at = At("2017-11-09T07:30:00Z");
  f.services = {"Dedicated servers — Strasbourg", "VPS — Strasbourg"};
  f.next_update_at = At("2017-11-09T08:00:00Z");
  f.first = true;
  f.link = "https://status.example.com/incidents/01HZX4ABCDEFGHJKMNPQRSTVWX";
  return f;
}

SocialTarget Target(Network n, std::string language, model::Audience audience) {
  return {n, DefaultLimit(n), std::move(language), audience, *base::Zone::Find("Europe/Paris")};
}

TEST(SocialDraftTest, FrenchGeneralMastodonSaysWhatIsHitSorryOnItNextUpdateAndLinks) {
  auto text =
      DraftSocialPost(Strasbourg(), Target(Network::kMastodon, "fr", model::Audience::kGeneral));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_TRUE(text->starts_with("Panne depuis 07:21")) << *text;
  EXPECT_NE(text->find("Dedicated servers — Strasbourg, VPS — Strasbourg."), std::string::npos);
  EXPECT_NE(text->find("Nous sommes désolés."), std::string::npos) << *text;
  EXPECT_NE(text->find("Nos équipes sont mobilisées."), std::string::npos) << *text;
  EXPECT_NE(text->find("Prochain point à 09:00"), std::string::npos) << *text;
  EXPECT_TRUE(text->ends_with(" " + Strasbourg().link)) << *text;
}

TEST(SocialDraftTest, EstimateReplacesNextUpdate) {
  SocialFacts f = Strasbourg();
  f.back_by = At("2017-11-09T13:00:00Z");
  auto text = DraftSocialPost(f, Target(Network::kX, "en", model::Audience::kGeneral));
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("We expect service back by 2:00 PM"), std::string::npos) << *text;
  EXPECT_EQ(text->find("Next update"), std::string::npos) << *text;
}

TEST(SocialDraftTest, OneServiceBackInTheSingular) {
  SocialFacts f = Strasbourg();
  f.status = model::IncidentStatus::kResolved;
  f.services = {"Réseau — Roubaix"};
  auto text = DraftSocialPost(f, Target(Network::kBluesky, "fr", model::Audience::kTechnical));
  ASSERT_TRUE(text.ok());
  EXPECT_TRUE(text->starts_with("Résolu : Réseau — Roubaix fonctionne de nouveau")) << *text;
}

TEST(SocialDraftTest, TechnicalStartsWithStatusAndHasNoApology) {
  auto text =
      DraftSocialPost(Strasbourg(), Target(Network::kBluesky, "en", model::Audience::kTechnical));
  ASSERT_TRUE(text.ok());
  EXPECT_TRUE(text->starts_with("[Identified] Outage since 7:21")) << *text;
  EXPECT_EQ(text->find("sorry"), std::string::npos) << *text;
}

TEST(SocialDraftTest, ResolutionApologises) {
  SocialFacts f = Strasbourg();
  f.status = model::IncidentStatus::kResolved;
  f.first = false;
  f.at = At("2017-11-09T16:05:00Z");
  auto text = DraftSocialPost(f, Target(Network::kMastodon, "en", model::Audience::kGeneral));
  ASSERT_TRUE(text.ok());
  EXPECT_TRUE(
      text->starts_with("Resolved: Dedicated servers — Strasbourg, VPS — Strasbourg work "
                        "normally again since 5:05 PM"))
      << *text;
  EXPECT_NE(text->find("We are sorry."), std::string::npos) << *text;
}

TEST(SocialDraftTest, ManyServicesAreCountedAndEveryNetworkAndLanguageFits) {
  SocialFacts f = Strasbourg();
  f.services = {"Dedicated servers — Strasbourg", "VPS — Strasbourg", "Public Cloud — Strasbourg",
                "Web hosting — Strasbourg", "Object storage — Strasbourg"};
  f.back_by = At("2017-11-09T13:00:00Z");
  for (Network n : {Network::kMastodon, Network::kBluesky, Network::kX}) {
    for (const char* lang : {"en", "fr", "de", "es", "it"}) {
      for (auto audience : {model::Audience::kGeneral, model::Audience::kTechnical}) {
        auto text = DraftSocialPost(f, Target(n, lang, audience));
        ASSERT_TRUE(text.ok()) << lang << " " << text.status().ToString();
        EXPECT_LE(PostLength(n, *text), DefaultLimit(n)) << *text;
        EXPECT_TRUE(text->ends_with(" " + f.link)) << *text;
        EXPECT_EQ(text->find("Object storage"), std::string::npos) << *text;  // counted
      }
    }
  }
  auto en = DraftSocialPost(f, Target(Network::kX, "en", model::Audience::kGeneral));
  EXPECT_NE(en->find("Public Cloud — Strasbourg and 2 more"), std::string::npos) << *en;
}

// The drafted general posts pass the checker: an apology in the first, a time with a
// restoration or next-update cue, every time with its zone, no jargon.
TEST(SocialDraftTest, GeneralPostsPassTheChecker) {
  for (const char* lang : {"en", "fr"}) {
    for (Network n : {Network::kMastodon, Network::kBluesky, Network::kX}) {
      const SocialFacts f = Strasbourg();
      auto text = DraftSocialPost(f, Target(n, lang, model::Audience::kGeneral));
      ASSERT_TRUE(text.ok());
      CheckContext context;
      context.status = f.status;
      context.first_update = true;
      context.zone = *base::Zone::Find("Europe/Paris");
      context.reference = f.at;
      auto findings = Checker::Builtin().Check({model::Audience::kGeneral, lang, *text}, context);
      ASSERT_TRUE(findings.ok());
      for (const auto& finding : *findings) {
        EXPECT_EQ(finding.severity, Severity::kInfo)
            << lang << " " << ToString(n) << ": " << finding.rule << ": " << finding.message << "\n"
            << *text;
      }
    }
  }
}

}  // namespace
}  // namespace phare::comms
