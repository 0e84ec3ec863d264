#include "comms/hotline_script.h"

#include <gtest/gtest.h>

#include <regex>

#include "comms/spoken.h"
#include "test_util.h"

namespace phare::comms {
namespace {

using testing::At;
using testing::CatalogFor;
using testing::ZoneNamed;

std::vector<model::Component> Components() {
  model::Component sbg_dedicated;
  sbg_dedicated.id = "c1";
  sbg_dedicated.name = "Dedicated servers (SBG)";
  sbg_dedicated.product = "dedicated_servers";
  sbg_dedicated.location = "Strasbourg";
  model::Component sbg_vps = sbg_dedicated;
  sbg_vps.id = "c2";
  sbg_vps.name = "VPS (SBG)";
  sbg_vps.product = "vps";
  model::Component panel;
  panel.id = "c3";
  panel.name = "Status board [beta]";
  return {sbg_dedicated, sbg_vps, panel};
}

model::Incident Outage() {
  model::Incident i;
  i.id = "i1";
  i.kind = model::IncidentKind::kIncident;
  i.status = model::IncidentStatus::kIdentified;
  i.impact = model::Impact::kCritical;
  i.started_at = At("2017-11-09T06:21:00Z");
  i.updated_at = At("2017-11-09T13:30:00Z");
  i.component_ids = {"c1", "c2"};
  i.next_update_at = At("2017-11-09T14:30:00Z");
  model::Estimate e;
  e.p10 = At("2017-11-09T15:00:00Z");
  e.p50 = At("2017-11-09T16:00:00Z");
  e.p90 = At("2017-11-09T17:15:00Z");
  e.expected_by = At("2017-11-09T17:15:00Z");
  i.estimates = {e};
  model::ImpactCount total;
  total.dimension = "total";
  total.affected = 40386;
  i.impact_counts = {total};
  return i;
}

std::string Script(const std::string& lang, const std::vector<model::Incident>& incidents,
                   base::Time now, const char* zone = "Europe/Paris") {
  const auto components = Components();
  HotlineFacts facts{"Example Cloud", ZoneNamed(zone), now, components, incidents};
  auto text = WriteHotlineScript(facts, CatalogFor(lang));
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  return text.ok() ? *text : "";
}

// Nothing a voice would read badly: no digits, no links, no all-capital abbreviations.
void ExpectSpeakable(const std::string& text) {
  EXPECT_FALSE(std::regex_search(text, std::regex("[0-9]"))) << text;
  EXPECT_EQ(text.find("://"), std::string::npos) << text;
  EXPECT_EQ(text.find("www"), std::string::npos) << text;
  EXPECT_FALSE(std::regex_search(text, std::regex("\\b[A-Z]{2,}\\b"))) << text;
  EXPECT_EQ(text.find('('), std::string::npos) << text;
  EXPECT_EQ(text.find('{'), std::string::npos) << text;  // no pattern left unformatted
}

TEST(HotlineScript, FrenchSpeaksTimesInWords) {
  const std::string text = Script("fr", {Outage()}, At("2017-11-09T13:40:00Z"));
  // 07:21 and 15:30 Paris time (UTC+1), the next update promised.
  EXPECT_NE(text.find("Depuis sept heures vingt-et-un, une panne touche"), std::string::npos)
      << text;
  EXPECT_NE(text.find("quinze heures trente"), std::string::npos) << text;
  EXPECT_NE(text.find("les serveurs dédiés et les serveurs privés virtuels à Strasbourg"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("quarante mille trois cent quatre-vingt-six"), std::string::npos) << text;
  EXPECT_NE(text.find("heure de Paris"), std::string::npos) << text;
  ExpectSpeakable(text);
}

TEST(HotlineScript, EnglishSaysTheHourAndTheProducts) {
  const std::string text = Script("en", {Outage()}, At("2017-11-09T13:40:00Z"));
  EXPECT_NE(text.find("Since seven twenty-one in the morning, an outage has hit dedicated "
                      "servers and virtual private servers in Strasbourg."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("by six fifteen in the evening"), std::string::npos) << text;  // 17:15 UTC
  EXPECT_NE(text.find("Paris time"), std::string::npos) << text;
  ExpectSpeakable(text);
}

TEST(HotlineScript, EveryLanguageIsSpeakable) {
  auto restored = Outage();
  restored.id = "i2";
  restored.status = model::IncidentStatus::kResolved;
  restored.resolved_at = At("2017-11-09T12:05:00Z");
  restored.component_ids = {"c3"};
  for (const auto& lang : Catalogs::Builtin().Languages()) {
    const std::string text = Script(lang, {Outage(), restored}, At("2017-11-10T09:00:00Z"));
    ExpectSpeakable(text);
    // One sentence per line, every line ended.
    EXPECT_EQ(text.back(), '\n') << lang;
  }
}

TEST(HotlineScript, AllIsWellWhenNothingIsOpen) {
  auto old = Outage();
  old.status = model::IncidentStatus::kResolved;
  old.resolved_at = At("2017-11-09T12:00:00Z");
  const std::string text = Script("en", {old}, At("2017-11-10T12:00:00Z"));
  EXPECT_NE(text.find(testing::Message("en", "hotline.all_well")), std::string::npos) << text;
  EXPECT_EQ(text.find("restored"), std::string::npos) << text;
  ExpectSpeakable(text);
}

TEST(HotlineScript, RecentRestorationIsSaid) {
  auto done = Outage();
  done.status = model::IncidentStatus::kResolved;
  done.resolved_at = At("2017-11-09T09:30:00Z");
  const std::string text = Script("en", {done}, At("2017-11-09T10:00:00Z"), "UTC");
  EXPECT_NE(text.find("Service was restored for dedicated servers and virtual private servers "
                      "in Strasbourg at nine thirty in the morning."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("universal time"), std::string::npos) << text;
  EXPECT_EQ(text.find(testing::Message("en", "hotline.apology")), std::string::npos) << text;
}

TEST(HotlineScript, NeverPromisesAPassedTime) {
  // The estimate's promise has passed: later than expected, with p90 or no time.
  auto late = Outage();
  late.estimates.front().expected_by = At("2017-11-09T12:00:00Z");
  late.estimates.front().p90 = At("2017-11-09T12:30:00Z");
  late.next_update_at = At("2017-11-09T12:00:00Z");
  const std::string text = Script("en", {late}, At("2017-11-09T13:40:00Z"));
  EXPECT_NE(text.find(testing::Message("en", "hotline.later_no_time")), std::string::npos) << text;
  EXPECT_EQ(text.find("Our next update"), std::string::npos) << text;
}

TEST(SpokenWords, OtherDaysSayTheirDate) {
  auto words =
      SpokenWords::Create(CatalogFor("en"), ZoneNamed("Europe/Paris"), At("2017-11-10T09:00:00Z"));
  ASSERT_TRUE(words.ok());
  EXPECT_EQ(*words->When(At("2017-11-09T11:00:00Z")), "Thursday, November ninth, at noon");
  EXPECT_EQ(*words->When(At("2017-11-10T08:05:00Z")), "nine oh five in the morning");
  EXPECT_EQ(*words->When(At("2017-11-10T23:00:00Z")), "Saturday, November eleventh, at midnight");
  auto fr =
      SpokenWords::Create(CatalogFor("fr"), ZoneNamed("Europe/Paris"), At("2017-11-10T09:00:00Z"));
  ASSERT_TRUE(fr.ok());
  EXPECT_EQ(*fr->When(At("2017-11-10T12:00:00Z")), "treize heures");
  EXPECT_EQ(*fr->When(At("2017-11-10T00:30:00Z")), "une heure trente");
  EXPECT_EQ(*fr->When(At("2017-11-30T23:00:00Z")), "vendredi premier décembre, à minuit");
}

}  // namespace
}  // namespace phare::comms
