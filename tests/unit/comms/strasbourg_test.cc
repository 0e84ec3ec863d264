// The first Strasbourg update of 9 November 2017, drafted by phare.
//
// Facts from the replay of that day: both grid feeds lost at 06:04 UTC (one upstream
// breaker), generators failed to start, the six UPS strings ran out between 06:12 and
// 06:21 UTC, the routing rooms lost power, and all 40,386 servers of the site went down
// at 06:21 UTC. The provider's first words were technical ("both grid feeds down, both
// generator chains in fault..."); no estimate existed yet.
#include <map>

#include <gtest/gtest.h>

#include "comms/cadence.h"
#include "comms/checker.h"
#include "comms/draft.h"
#include "comms/markdown.h"
#include "test_util.h"

namespace phare::comms {
namespace {

using model::Audience;
using model::ComponentStatus;
using testing::At;
using testing::Has;

const base::Time kFirstUpdate = At("2017-11-09T07:00:00Z");

IncidentState FirstStrasbourgUpdate() {
  IncidentState s;
  s.kind = model::IncidentKind::kIncident;
  s.status = model::IncidentStatus::kInvestigating;
  s.impact = model::Impact::kCritical;
  s.at = kFirstUpdate;
  s.started_at = At("2017-11-09T06:21:00Z");
  s.first_update = true;
  for (const char* product : {"dedicated_servers", "vps", "cloud_instances", "private_cloud"}) {
    s.services.push_back({product, "Strasbourg", {}});
  }
  s.components = {
      {"SBG grid feed A", ComponentStatus::kMajorOutage, "shared upstream breaker tripped", {}},
      {"SBG grid feed B", ComponentStatus::kMajorOutage, "shared upstream breaker tripped", {}},
      {"SBG generator chain 1", ComponentStatus::kMajorOutage, "failed to start", {}},
      {"SBG generator chain 2", ComponentStatus::kMajorOutage, "failed to start", {}},
      {"SBG UPS strings 1-6", ComponentStatus::kMajorOutage, "batteries exhausted", {}},
      {"SBG routing rooms", ComponentStatus::kMajorOutage, "unpowered", {}},
  };
  s.resources_affected = 40386;
  s.cause = "power";
  s.root_cause = {
      {"en", "Both grid feeds lost at 06:04 UTC; generators failed on automatic changeover."},
      {"fr", "Perte des deux arrivées à 06:04 UTC ; échec du démarrage des groupes."}};
  s.next_update_at = NextUpdateDue(kFirstUpdate, CadencePolicy{});
  return s;
}

CheckContext ContextOf(const IncidentState& s) {
  CheckContext c;
  c.kind = s.kind;
  c.status = s.status;
  c.first_update = true;
  c.zone = testing::ZoneNamed("Europe/Paris");
  c.reference = s.at;
  for (const auto& component : s.components) c.components.push_back(component.name);
  return c;
}

std::vector<Finding> Check(const model::LocalizedBody& body, const CheckContext& context) {
  auto findings = Checker::Builtin().Check(body, context);
  EXPECT_TRUE(findings.ok());
  return findings.ok() ? *findings : std::vector<Finding>{};
}

TEST(Strasbourg20171109, FirstUpdateDraftsPassTheChecker) {
  const IncidentState state = FirstStrasbourgUpdate();
  auto drafts = DraftUpdate(state);
  ASSERT_TRUE(drafts.ok()) << drafts.status().ToString();
  const CheckContext context = ContextOf(state);
  int general = 0, technical = 0;
  for (const model::LocalizedBody& body : drafts->bodies) {
    SCOPED_TRACE(std::string(model::ToString(body.audience)) + " " + body.language + ":\n" +
                 body.body);
    // Apology, a next-update time with its zone, plain words, readable sentences, and for the
    // technical body every failed component: otherwise the checker would say so.
    const auto findings = Check(body, context);
    EXPECT_TRUE(findings.empty()) << testing::Describe(findings);
    const std::string& lang = body.language;
    const std::string paris = testing::Resolve(body.body, lang, "Europe/Paris", state.at);
    if (body.audience == Audience::kGeneral) {
      ++general;
      EXPECT_NE(body.body.find(testing::Message(lang, "draft.apology")), std::string::npos);
      EXPECT_NE(body.body.find(testing::Message(lang, "draft.mobilised")), std::string::npos);
      for (const auto& service : state.services) {
        EXPECT_NE(body.body.find(testing::Message(lang, "product." + service.product)),
                  std::string::npos);
      }
      EXPECT_NE(body.body.find("Strasbourg"), std::string::npos);
      // The promised next update, 30 minutes on: 08:30 in Paris.
      EXPECT_NE(body.body.find(testing::Message(lang, "draft.next_update",
                                                {{"time", TimeToken(At("2017-11-09T07:30:00Z"))}})),
                std::string::npos);
      const std::map<std::string, std::string> next = {{"en", "8:30 AM CET"},
                                                       {"fr", "08:30 (heure de Paris)"},
                                                       {"de", "08:30 (Ortszeit Paris)"},
                                                       {"es", "8:30 (hora de París)"},
                                                       {"it", "08:30 (ora di Parigi)"}};
      ASSERT_TRUE(next.count(lang)) << lang;
      EXPECT_NE(paris.find(next.at(lang)), std::string::npos) << paris;
    } else {
      ++technical;
      for (const auto& component : state.components) {
        EXPECT_NE(body.body.find(component.name), std::string::npos) << component.name;
      }
    }
    auto html = MarkdownToHtml(paris);
    ASSERT_TRUE(html.ok());
    EXPECT_NE(html->find("<p>"), std::string::npos);
  }
  EXPECT_EQ(general, static_cast<int>(Catalogs::Builtin().Languages().size()));
  EXPECT_EQ(technical, general);
}

TEST(Strasbourg20171109, FlagsTheOriginalTechnicalWordingSentToEveryone) {
  const CheckContext context = ContextOf(FirstStrasbourgUpdate());
  const std::string english =
      "Both grid feeds down, both generator chains in fault, UPS strings exhausted, routing "
      "rooms unpowered.";
  auto findings = Check({Audience::kGeneral, "en", english}, context);
  EXPECT_TRUE(Has(findings, "apology-missing")) << testing::Describe(findings);
  EXPECT_TRUE(Has(findings, "restoration-time-missing"));
  std::vector<std::string> jargon;
  for (const Finding& f : findings) {
    if (f.rule == "jargon") jargon.push_back(english.substr(f.span.offset, f.span.length));
  }
  EXPECT_EQ(jargon, (std::vector<std::string>{"grid feeds", "generator chains", "in fault", "UPS",
                                              "routing rooms", "unpowered"}));
  const std::string french =
      "Les deux arrivées électriques sont tombées, les deux chaînes de groupes électrogènes en "
      "défaut, onduleurs épuisés, salles de routage hors tension.";
  findings = Check({Audience::kGeneral, "fr", french}, context);
  EXPECT_TRUE(Has(findings, "apology-missing"));
  EXPECT_TRUE(Has(findings, "restoration-time-missing"));
  int french_jargon = 0;
  for (const Finding& f : findings) french_jargon += f.rule == "jargon";
  EXPECT_EQ(french_jargon, 6) << testing::Describe(findings);
  // A page that blocks on these rules would refuse to publish it.
  CheckerConfig strict;
  strict.blocking = {"apology-missing", "jargon"};
  auto blocked = Checker::Builtin().Check({Audience::kGeneral, "en", english}, context, strict);
  ASSERT_TRUE(blocked.ok());
  EXPECT_TRUE(BlocksPublishing(*blocked));
}

}  // namespace
}  // namespace phare::comms
