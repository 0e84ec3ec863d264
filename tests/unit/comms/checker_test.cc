#include "comms/checker.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "test_util.h"

namespace phare::comms {
namespace {

using model::Audience;
using testing::At;
using testing::Has;

const base::Time kNow = At("2017-11-09T07:30:00Z");

// A clean English first update: apology, plain words, a time with its zone.
const char* kCleanEnglish =
    "We are sorry. Since 7:21 AM CET, our servers in Strasbourg have been down. "
    "All our teams are on it. Next update by 8:00 AM CET.";
const char* kCleanFrench =
    "Nous sommes désolés. Depuis 07:21 (heure de Paris), nos serveurs de Strasbourg sont en "
    "panne. Toutes nos équipes sont mobilisées. Prochain point à 08:00 (heure de Paris) au plus "
    "tard.";

CheckContext FirstUpdate() {
  CheckContext context;
  context.first_update = true;
  context.zone = testing::ZoneNamed("Europe/Paris");
  context.reference = kNow;
  return context;
}

std::vector<Finding> Check(const std::string& language, const std::string& body,
                           Audience audience = Audience::kGeneral,
                           const CheckContext& context = FirstUpdate(),
                           const CheckerConfig& config = {}) {
  auto findings = Checker::Builtin().Check({audience, language, body}, context, config);
  EXPECT_TRUE(findings.ok()) << findings.status().ToString();
  return findings.ok() ? *findings : std::vector<Finding>{};
}

TEST(Checker, LoadsRulesForEveryShippedLanguage) {
  std::vector<std::string> shipped = Catalogs::Builtin().Languages();
  std::sort(shipped.begin(), shipped.end());
  EXPECT_EQ(Checker::Builtin().Languages(), shipped);
}

TEST(Checker, PassesCleanText) {
  EXPECT_TRUE(Check("en", kCleanEnglish).empty()) << testing::Describe(Check("en", kCleanEnglish));
  EXPECT_TRUE(Check("fr", kCleanFrench).empty()) << testing::Describe(Check("fr", kCleanFrench));
}

TEST(Checker, FlagsAFirstUpdateWithoutApology) {
  const auto findings =
      Check("en", "Our servers in Strasbourg are down. Next update by 8:00 AM CET.");
  ASSERT_TRUE(Has(findings, "apology-missing"));
  EXPECT_EQ(findings[0].severity, Severity::kWarning);
  EXPECT_EQ(findings[0].suggestion, testing::Message("en", "draft.apology"));
  EXPECT_TRUE(Has(Check("fr",
                        "Nos serveurs sont en panne. Prochain point à 08:00 (heure de Paris) "
                        "au plus tard."),
                  "apology-missing"));
  // A later update need not apologise again.
  CheckContext later = FirstUpdate();
  later.first_update = false;
  EXPECT_FALSE(Has(
      Check("en", "Our servers are down. Next update by 8:00 AM CET.", Audience::kGeneral, later),
      "apology-missing"));
}

TEST(Checker, FlagsAResolutionWithoutApology) {
  CheckContext resolved = FirstUpdate();
  resolved.first_update = false;
  resolved.status = model::IncidentStatus::kResolved;
  EXPECT_TRUE(
      Has(Check("en", "All works again.", Audience::kGeneral, resolved), "apology-missing"));
  EXPECT_FALSE(Has(Check("en", "All works again. We apologise.", Audience::kGeneral, resolved),
                   "apology-missing"));
}

TEST(Checker, FlagsAnOpenIncidentWithoutRestorationOrNextUpdateTime) {
  EXPECT_TRUE(Has(Check("en", "We are sorry. Our servers are down. We are on it."),
                  "restoration-time-missing"));
  // A time alone is not enough: it must say when service returns or news comes.
  EXPECT_TRUE(Has(Check("en", "We are sorry. Since 7:21 AM CET, our servers are down."),
                  "restoration-time-missing"));
  EXPECT_FALSE(Has(Check("en", "We are sorry. Service should be back by 11:00 AM CET."),
                   "restoration-time-missing"));
  EXPECT_TRUE(Has(Check("fr", "Nous sommes désolés. Nos serveurs sont en panne."),
                  "restoration-time-missing"));
  EXPECT_FALSE(Has(Check("fr",
                         "Nous sommes désolés. Retour du service prévu vers 11:00 (heure de "
                         "Paris)."),
                   "restoration-time-missing"));
  // A time token counts: it renders with its zone.
  EXPECT_FALSE(Has(
      Check("en", "We are sorry. Next update by " + TimeToken(At("2017-11-09T08:00:00Z")) + "."),
      "restoration-time-missing"));
  CheckContext resolved = FirstUpdate();
  resolved.status = model::IncidentStatus::kResolved;
  EXPECT_FALSE(Has(Check("en", "We are sorry. All works again.", Audience::kGeneral, resolved),
                   "restoration-time-missing"));
}

TEST(Checker, FlagsJargonWithAPlainSuggestionAndItsSpan) {
  const std::string body = "We are sorry. A UPS and both line cards failed, so BGP is down. " +
                           std::string("Next update by 8:00 AM CET.");
  const auto findings = Check("en", body);
  std::vector<std::pair<std::string, std::string>> jargon;
  for (const Finding& f : findings) {
    if (f.rule != "jargon") continue;
    jargon.emplace_back(body.substr(f.span.offset, f.span.length), f.suggestion);
  }
  EXPECT_EQ(jargon,
            (std::vector<std::pair<std::string, std::string>>{{"UPS", "backup batteries"},
                                                              {"line cards", "network equipment"},
                                                              {"BGP", "internet routing"}}));
  // Case-sensitive terms do not fire on ordinary words ("ups" in "backups").
  EXPECT_FALSE(Has(Check("en",
                         "We are sorry. Our backups and ups are fine. Next update by 8:00 "
                         "AM CET."),
                   "jargon"));
  const std::string french =
      "Nous sommes désolés. Les onduleurs et la salle de routage sont hors "
      "service. Prochain point à 08:00 (heure de Paris) au plus tard.";
  const auto fr = Check("fr", french);
  std::vector<std::string> terms;
  for (const Finding& f : fr) {
    if (f.rule == "jargon") terms.push_back(french.substr(f.span.offset, f.span.length));
  }
  EXPECT_EQ(terms, (std::vector<std::string>{"onduleurs", "salle de routage"}));
}

TEST(Checker, FlagsOverlongSentencesAndLowReadability) {
  const std::string long_sentence =
      "We are sorry. Because of a problem that started in the power supply of the building and "
      "then spread to the rooms where our network equipment sits, a large number of the servers "
      "that our customers rent from us in Strasbourg cannot be reached. Next update by 8:00 AM "
      "CET.";
  const auto findings = Check("en", long_sentence);
  ASSERT_TRUE(Has(findings, "sentence-too-long"));
  for (const Finding& f : findings) {
    if (f.rule != "sentence-too-long") continue;
    EXPECT_EQ(long_sentence.substr(f.span.offset, 10), "Because of");
    EXPECT_EQ(long_sentence[f.span.offset + f.span.length - 1], '.');
  }
  const std::string hard =
      "We are sorry. Electrical infrastructure deterioration necessitated immediate "
      "reconfiguration. Consequently, virtualization orchestration experienced considerable "
      "unavailability. Administrative notifications accompany restoration. Organizational "
      "responsibilities necessitate comprehensive investigation. Next update by 8:00 AM CET.";
  EXPECT_TRUE(Has(Check("en", hard), "readability-low")) << testing::Describe(Check("en", hard));
  const std::string hard_fr =
      "Nous sommes désolés. L’indisponibilité généralisée consécutive à la détérioration "
      "électrique nécessite une reconfiguration intégrale. Parallèlement, l’orchestration "
      "virtualisée occasionne d’importantes perturbations opérationnelles. Prochain point à "
      "08:00 (heure de Paris) au plus tard.";
  EXPECT_TRUE(Has(Check("fr", hard_fr), "readability-low"))
      << testing::Describe(Check("fr", hard_fr));
}

TEST(Checker, FlagsTimesWithoutZoneInAnyAudience) {
  for (const char* body :
       {"We are sorry. Next update by 14:30.", "We are sorry. Next update by 2 PM.",
        "We are sorry. Next update by 2:30 pm."}) {
    const auto findings = Check("en", body);
    ASSERT_TRUE(Has(findings, "time-without-zone")) << body;
  }
  const std::string fr = "Nous sommes désolés. Prochain point à 14h30.";
  auto findings = Check("fr", fr);
  ASSERT_TRUE(Has(findings, "time-without-zone"));
  for (const Finding& f : findings) {
    if (f.rule == "time-without-zone") {
      EXPECT_EQ(fr.substr(f.span.offset, f.span.length), "14h30");
    }
  }
  EXPECT_TRUE(
      Has(Check("en", "Generators failed at 06:21.", Audience::kTechnical), "time-without-zone"));
  for (const char* zoned : {"Generators failed at 06:21 UTC.", "Generators failed at 06:21Z.",
                            "Generators failed at 07:21 (UTC+1).", "Between 10:55 and 11:55 CET.",
                            "Back at 07:21 Paris time."}) {
    EXPECT_FALSE(Has(Check("en", zoned, Audience::kTechnical), "time-without-zone")) << zoned;
  }
  EXPECT_FALSE(Has(Check("fr", "Panne à 07:21 (heure de Paris).", Audience::kTechnical),
                   "time-without-zone"));
  // Numbers that are not clock times.
  EXPECT_FALSE(Has(Check("en", "Ratio 3:1, version 2.30, 40,386 servers.", Audience::kTechnical),
                   "time-without-zone"));
}

TEST(Checker, FlagsATechnicalBodyMissingAffectedComponents) {
  CheckContext context = FirstUpdate();
  context.components = {"SBG grid feed A", "Generator chain 1", "Routing room 2"};
  const auto findings = Check("en", "- SBG grid feed A: down\n- generator chain 1: down\n",
                              Audience::kTechnical, context);
  ASSERT_TRUE(Has(findings, "components-missing"));
  EXPECT_NE(findings[0].message.find("Routing room 2"), std::string::npos);
  EXPECT_EQ(findings[0].message.find("Generator chain 1"), std::string::npos);  // any case
  // Technical bodies are not held to plain-language rules.
  EXPECT_TRUE(Check("en",
                    "BGP sessions on the NCS 2000 line cards flapped; routing room 2 lost "
                    "power. SBG grid feed A and generator chain 1 in fault.",
                    Audience::kTechnical, context)
                  .empty());
}

TEST(Checker, FlagsInvalidTimeTokens) {
  const std::string body = "We are sorry. Next update by {time:soon}.";
  const auto findings = Check("en", body);
  ASSERT_TRUE(Has(findings, "time-token-invalid"));
  for (const Finding& f : findings) {
    if (f.rule == "time-token-invalid") {
      EXPECT_EQ(body.substr(f.span.offset, f.span.length), "{time:soon}");
    }
  }
}

TEST(Checker, ConfigurationBlocksOrDisablesRules) {
  const std::string body = "Our UPS failed.";
  CheckerConfig config;
  config.blocking = {"apology-missing"};
  config.disabled = {"jargon"};
  ASSERT_TRUE(ValidateCheckerConfig(config).ok());
  const auto findings = Check("en", body, Audience::kGeneral, FirstUpdate(), config);
  EXPECT_FALSE(Has(findings, "jargon"));
  EXPECT_TRUE(BlocksPublishing(findings));
  for (const Finding& f : findings) {
    EXPECT_EQ(f.blocking, f.rule == "apology-missing");
    EXPECT_EQ(f.severity, f.blocking ? Severity::kError : Severity::kWarning);
  }
  EXPECT_FALSE(BlocksPublishing(Check("en", body)));
  CheckerConfig typo;
  typo.blocking = {"jargonn"};
  const auto status = ValidateCheckerConfig(typo);
  EXPECT_EQ(status.code(), base::Code::kInvalidArgument);
  EXPECT_EQ(status.field(), "checker.blocking");
  EXPECT_EQ(RuleIds().size(), 10u);
}

TEST(Checker, LanguagesWithoutRulesGetOnlyLanguageNeutralChecks) {
  const auto findings = Check("nl", "De servers zijn vanaf 14:30 weer beschikbaar.");
  EXPECT_TRUE(Has(findings, "language-unsupported"));
  EXPECT_TRUE(Has(findings, "time-without-zone"));
  EXPECT_FALSE(Has(findings, "apology-missing"));
  EXPECT_FALSE(BlocksPublishing(findings));
}

TEST(Checker, RejectsOversizedBodies) {
  const std::string huge(model::kMaxBodyBytes + 1, 'a');
  auto findings = Checker::Builtin().Check({Audience::kGeneral, "en", huge}, FirstUpdate());
  ASSERT_FALSE(findings.ok());
  EXPECT_EQ(findings.status().code(), base::Code::kInvalidArgument);
}

TEST(Checker, RejectsBadRuleFilesNamingTheProblem) {
  const DataFile bad_regex[] = {{"checker/en.toml",
                                 "[meta]\nlanguage = \"en\"\n[patterns]\n"
                                 "apology = ['(unclosed']\n"}};
  auto checker = Checker::Load(bad_regex, Catalogs::Builtin());
  ASSERT_FALSE(checker.ok());
  EXPECT_NE(checker.status().message().find("patterns.apology"), std::string::npos);
  const DataFile unknown_key[] = {{"checker/en.toml",
                                   "[meta]\nlanguage = \"en\"\n[readability]\n"
                                   "min_scor = 3.0\n"}};
  checker = Checker::Load(unknown_key, Catalogs::Builtin());
  ASSERT_FALSE(checker.ok());
  EXPECT_NE(checker.status().message().find("readability.min_scor"), std::string::npos);
  const DataFile no_suggestion[] = {{"checker/en.toml",
                                     "[meta]\nlanguage = \"en\"\n"
                                     "[[jargon]]\nterms = [\"BGP\"]\n"}};
  EXPECT_FALSE(Checker::Load(no_suggestion, Catalogs::Builtin()).ok());
}

}  // namespace
}  // namespace phare::comms
