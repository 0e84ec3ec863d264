#include "comms/negotiate.h"

#include <gtest/gtest.h>

#include "comms/catalog.h"
#include "test_util.h"

namespace phare::comms {
namespace {

LanguageNegotiator Negotiator() {
  auto n = LanguageNegotiator::Create({"en", "fr"}, "fr");
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return std::move(n).value();
}

TEST(NegotiateLanguage, QueryThenCookieThenHeaderThenDefault) {
  const LanguageNegotiator n = Negotiator();
  auto choice = n.Choose({"en", "fr", "fr"});
  EXPECT_EQ(choice.language, "en");
  EXPECT_EQ(choice.source, ChoiceSource::kQuery);
  choice = n.Choose({"", "en", "fr"});
  EXPECT_EQ(choice.language, "en");
  EXPECT_EQ(choice.source, ChoiceSource::kCookie);
  choice = n.Choose({"", "", "en-US,en;q=0.9"});
  EXPECT_EQ(choice.language, "en");
  EXPECT_EQ(choice.source, ChoiceSource::kHeader);
  choice = n.Choose({"", "", ""});
  EXPECT_EQ(choice.language, "fr");
  EXPECT_EQ(choice.source, ChoiceSource::kDefault);
}

TEST(NegotiateLanguage, SkipsUnshippedOrInvalidValues) {
  const LanguageNegotiator n = Negotiator();
  auto choice = n.Choose({"de", "%%%", "en"});
  EXPECT_EQ(choice.language, "en");
  EXPECT_EQ(choice.source, ChoiceSource::kHeader);
  choice = n.Choose({"ja", "", "zh-CN, ko;q=0.5"});
  EXPECT_EQ(choice.source, ChoiceSource::kDefault);
  EXPECT_EQ(n.Choose({std::string(100, 'e'), "", ""}).source, ChoiceSource::kDefault);
  // An oversized header is ignored rather than parsed.
  std::string huge = "en";
  while (huge.size() <= kMaxAcceptLanguageBytes) huge += ",de;q=0.1";
  EXPECT_EQ(n.Choose({"", "", huge}).source, ChoiceSource::kDefault);
}

TEST(NegotiateLanguage, MatchesRegionalVariantsAndHonoursQValues) {
  const LanguageNegotiator n = Negotiator();
  EXPECT_EQ(n.Choose({"fr-CA", "", ""}).language, "fr");
  EXPECT_EQ(n.Choose({"en-GB", "", ""}).language, "en");
  EXPECT_EQ(n.Choose({"", "", "de-DE,de;q=0.9,en;q=0.4,fr;q=0.8"}).language, "fr");
  EXPECT_EQ(n.Choose({"", "", "de-DE,de;q=0.9,en;q=0.8,fr;q=0.4"}).language, "en");
  EXPECT_EQ(n.Choose({"", "", "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5"}).language, "fr");
  EXPECT_EQ(n.Choose({"", "", "en;q=0, fr;q=0.1"}).language, "fr");
}

// The shipped catalogs' languages are offered: German, Spanish and Italian readers get
// their own language from ?lang=, a cookie or their browser.
TEST(NegotiateLanguage, OffersEveryShippedCatalog) {
  auto made = LanguageNegotiator::Create(Catalogs::Builtin().Languages(), "en");
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  const LanguageNegotiator& n = *made;
  EXPECT_EQ(n.Choose({"de", "", ""}).language, "de");
  EXPECT_EQ(n.Choose({"", "es", ""}).language, "es");
  EXPECT_EQ(n.Choose({"", "", "it-IT,it;q=0.9,en;q=0.5"}).language, "it");
  EXPECT_EQ(n.Choose({"", "", "de-AT"}).language, "de");
  EXPECT_EQ(n.Choose({"", "", "es-MX, en;q=0.3"}).language, "es");
  EXPECT_EQ(n.Choose({"it-CH", "", ""}).language, "it");
  EXPECT_EQ(n.Choose({"", "", "nl-BE, fr;q=0.6"}).language, "fr");
}

TEST(NegotiateLanguage, RejectsADefaultThatIsNotShipped) {
  EXPECT_FALSE(LanguageNegotiator::Create({"en", "fr"}, "de").ok());
}

TEST(NegotiateZone, QueryThenCookieThenPageDefaultWithIanaNamesOnly) {
  const base::Zone paris = testing::ZoneNamed("Europe/Paris");
  auto choice = NegotiateZone("America/Toronto", "Europe/Kyiv", paris);
  EXPECT_EQ(choice.zone.name(), "America/Toronto");
  EXPECT_EQ(choice.source, ChoiceSource::kQuery);
  choice = NegotiateZone("Mars/Olympus", "Europe/Kyiv", paris);
  EXPECT_EQ(choice.zone.name(), "Europe/Kyiv");
  EXPECT_EQ(choice.source, ChoiceSource::kCookie);
  choice = NegotiateZone("../../etc/passwd", std::string(500, 'x'), paris);
  EXPECT_EQ(choice.zone, paris);
  EXPECT_EQ(choice.source, ChoiceSource::kDefault);
  EXPECT_EQ(ToString(ChoiceSource::kCookie), "cookie");
}

}  // namespace
}  // namespace phare::comms
