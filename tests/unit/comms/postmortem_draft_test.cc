// Post-mortem drafting and checking: the Strasbourg outage of 9 November 2017, in both
// audiences (facts from the replay: both grid feeds behind one breaker, generators that
// did not start, UPS exhausted; 40,386 servers down from 06:21 UTC, the last back on
// 12 November).
#include <gtest/gtest.h>

#include "comms/cadence.h"
#include "comms/checker.h"
#include "comms/postmortem_draft.h"
#include "test_util.h"

namespace phare::comms {
namespace {

using model::Audience;
using testing::At;
using testing::Describe;
using testing::Has;
using testing::Message;

PostmortemState Strasbourg() {
  PostmortemState s;
  s.started_at = At("2017-11-09T06:21:00Z");
  s.resolved_at = At("2017-11-12T18:00:00Z");
  s.services = {{"dedicated_servers", "Strasbourg", {}}, {"vps", "Strasbourg", {}}};
  model::ImpactCount total;
  total.dimension = "total";
  total.resources = total.hit = total.restored = 40386;
  total.customers_affected = 12000;
  model::ImpactCount vps = total;
  vps.dimension = "product";
  vps.key = "vps";
  vps.resources = vps.hit = vps.restored = 9000;
  s.impact = {total, vps};
  s.customers_hit = 12000;
  TimelineEntry declared;
  declared.at = At("2017-11-09T06:23:00Z");
  TimelineEntry node;
  node.kind = TimelineEntry::Kind::kNode;
  node.at = At("2017-11-09T06:21:00Z");
  node.node = "sbg-grid-feed-a";
  node.condition = "down";
  TimelineEntry progress;
  progress.kind = TimelineEntry::Kind::kProgress;
  progress.at = At("2017-11-09T17:00:00Z");
  progress.restored = 28674;
  progress.total = 40386;
  s.timeline = {node, declared, progress};
  auto& f = s.facts;
  f.summary = {{"en", "On 9 November our Strasbourg site lost all its electricity."},
               {"fr", "Le 9 novembre, notre site de Strasbourg a perdu toute son électricité."}};
  f.customer_impact = {{"en", "Your servers in Strasbourg could not be reached."},
                       {"fr", "Vos serveurs à Strasbourg étaient injoignables."}};
  f.root_cause = {{"en", "One fault at the electricity company cut both power lines."},
                  {"fr", "Une seule panne chez le fournisseur a coupé les deux lignes."}};
  f.chain = {{At("2017-11-09T06:04:07Z"),
              {{"en", "Both grid feeds lost: they shared one upstream breaker, which tripped."},
               {"fr", "Perte des deux arrivées : un même disjoncteur amont a déclenché."}}},
             {At("2017-11-09T06:04:17Z"),
              {{"en", "The generators did not start on the automatic changeover."},
               {"fr", "Les groupes électrogènes n’ont pas démarré à la bascule."}}},
             {At("2017-11-09T06:21:00Z"), {{"en", "The last UPS string is exhausted."}}}};
  f.actions = {{"en", "We brought power back by hand."},
               {"fr", "Nous avons rétabli le courant à la main."}};
  f.changes = {{{{"en", "A second, truly independent power line."},
                 {"fr", "Une seconde ligne électrique vraiment indépendante."}},
                At("2018-06-30T00:00:00Z")}};
  f.credits_policy = {{"en", "The service credits in your contract apply."},
                      {"fr", "Les compensations de votre contrat s’appliquent."}};
  return s;
}

const std::string& Body(const Drafts& d, Audience audience, const std::string& language) {
  for (const auto& b : d.bodies) {
    if (b.audience == audience && b.language == language) return b.body;
  }
  static const std::string none;
  ADD_FAILURE() << "no body for " << language;
  return none;
}

CheckContext PostmortemContext() {
  CheckContext c;
  c.status = model::IncidentStatus::kPostmortem;
  c.postmortem = true;
  c.reference = At("2017-11-18T01:31:00Z");
  c.zone = testing::ZoneNamed("Europe/Paris");
  return c;
}

TEST(PostmortemDraft, BothAudiencesInEveryLanguage) {
  auto d = DraftPostmortem(Strasbourg());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->bodies.size(), 2 * Catalogs::Builtin().Languages().size());
}

TEST(PostmortemDraft, GeneralSaysSorryWhatItMeantWhatChangesAndTheCredits) {
  auto d = DraftPostmortem(Strasbourg());
  ASSERT_TRUE(d.ok());
  for (const std::string lang : {"en", "fr"}) {
    const std::string& general = Body(*d, Audience::kGeneral, lang);
    EXPECT_NE(general.find(Message(lang, "pm.apology")), std::string::npos) << lang;
    EXPECT_NE(general.find(Strasbourg().facts.summary.at(lang)), std::string::npos) << lang;
    EXPECT_NE(general.find(Message(lang, "pm.heading.changes")), std::string::npos) << lang;
    EXPECT_NE(general.find(DateToken(At("2018-06-30T00:00:00Z"))), std::string::npos) << lang;
    EXPECT_NE(general.find(Strasbourg().facts.credits_policy.at(lang)), std::string::npos);
    EXPECT_NE(general.find(TimeToken(At("2017-11-12T18:00:00Z"))), std::string::npos) << lang;
    // The technical chain stays out of the general version.
    EXPECT_EQ(general.find("breaker"), std::string::npos) << lang;
    EXPECT_EQ(general.find("disjoncteur"), std::string::npos) << lang;
  }
  const std::string& en = Body(*d, Audience::kGeneral, "en");
  EXPECT_NE(en.find("3 days 11 hours"), std::string::npos) << en;
  EXPECT_NE(en.find("40,386 services of 12,000 customers"), std::string::npos) << en;
}

TEST(PostmortemDraft, TechnicalCarriesTheChainInOrderAndTheTimeline) {
  auto d = DraftPostmortem(Strasbourg());
  ASSERT_TRUE(d.ok());
  const std::string& en = Body(*d, Audience::kTechnical, "en");
  const size_t feeds = en.find("Both grid feeds lost");
  const size_t generators = en.find("generators did not start");
  const size_t ups = en.find("UPS string is exhausted");
  ASSERT_NE(feeds, std::string::npos) << en;
  ASSERT_NE(generators, std::string::npos) << en;
  ASSERT_NE(ups, std::string::npos) << en;
  EXPECT_LT(feeds, generators);
  EXPECT_LT(generators, ups);
  EXPECT_NE(en.find(TimeToken(At("2017-11-09T06:04:07Z"))), std::string::npos);
  EXPECT_NE(en.find("sbg-grid-feed-a"), std::string::npos);
  EXPECT_NE(en.find("28,674 of 40,386"), std::string::npos) << en;
  EXPECT_NE(en.find("Product vps"), std::string::npos) << en;
  // The French technical version falls back to English for the link it lacks.
  const std::string& fr = Body(*d, Audience::kTechnical, "fr");
  EXPECT_NE(fr.find("disjoncteur"), std::string::npos);
  EXPECT_NE(fr.find("UPS string is exhausted"), std::string::npos);
}

TEST(PostmortemDraft, AFactMissingInALanguageIsLeftOutOfItsGeneralVersion) {
  PostmortemState s = Strasbourg();
  s.facts.actions = {{"en", "We brought power back by hand."}};
  auto d = DraftPostmortem(s);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(Body(*d, Audience::kGeneral, "fr").find("by hand"), std::string::npos);
  EXPECT_TRUE(std::any_of(d->notes.begin(), d->notes.end(),
                          [](const std::string& n) { return n.find("actions") == 0; }));
}

TEST(PostmortemDraft, CheckedAsAPostmortemTheGeneralVersionsPass) {
  auto d = DraftPostmortem(Strasbourg());
  ASSERT_TRUE(d.ok());
  for (const auto& b : d->bodies) {
    auto findings = Checker::Builtin().Check(b, PostmortemContext());
    ASSERT_TRUE(findings.ok());
    if (b.language != "en" && b.language != "fr") continue;
    EXPECT_TRUE(findings->empty()) << model::ToString(b.audience) << "/" << b.language << ":\n"
                                   << Describe(*findings) << b.body;
  }
}

TEST(PostmortemDraft, BadFactsNameTheirField) {
  PostmortemState s = Strasbourg();
  s.facts.summary["xx"] = "?";
  auto d = DraftPostmortem(s);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().field(), "postmortem.summary.xx");
  s = Strasbourg();
  s.facts.changes.push_back({});
  d = DraftPostmortem(s);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().field(), "postmortem.changes[1].what");
  s = Strasbourg();
  s.resolved_at = s.started_at - std::chrono::hours(1);
  EXPECT_FALSE(DraftPostmortem(s).ok());
}

TEST(PostmortemDraft, NoticeSaysWhereToReadItInEveryLanguage) {
  auto d = DraftPostmortemNotice(Strasbourg().facts, "https://status.example/incidents/x");
  ASSERT_TRUE(d.ok());
  for (const auto& b : d->bodies) {
    EXPECT_NE(b.body.find("https://status.example/incidents/x"), std::string::npos) << b.language;
  }
  EXPECT_NE(Body(*d, Audience::kGeneral, "fr").find(Strasbourg().facts.summary.at("fr")),
            std::string::npos);
}

TEST(PostmortemChecker, GeneralVersionMustApologiseAndAvoidJargon) {
  const model::LocalizedBody general{Audience::kGeneral, "en",
                                     "Both grid feeds were lost and the UPS ran out."};
  auto findings = Checker::Builtin().Check(general, PostmortemContext());
  ASSERT_TRUE(findings.ok());
  EXPECT_TRUE(Has(*findings, "apology-missing")) << Describe(*findings);
  EXPECT_TRUE(Has(*findings, "jargon"));
  EXPECT_FALSE(Has(*findings, "restoration-time-missing"));
  const model::LocalizedBody technical{Audience::kTechnical, "en", general.body};
  findings = Checker::Builtin().Check(technical, PostmortemContext());
  ASSERT_TRUE(findings.ok());
  EXPECT_FALSE(Has(*findings, "jargon"));
  EXPECT_FALSE(Has(*findings, "apology-missing"));
}

TEST(PostmortemChecker, LengthLimitsPerAudience) {
  std::string words;
  for (size_t k = 0; k < kMaxPostmortemGeneralWords + 10; ++k) words += "We are sorry. ";
  const model::LocalizedBody general{Audience::kGeneral, "en", words};
  auto findings = Checker::Builtin().Check(general, PostmortemContext());
  ASSERT_TRUE(findings.ok());
  EXPECT_TRUE(Has(*findings, "postmortem-too-long"));
  const model::LocalizedBody technical{Audience::kTechnical, "en", words};
  findings = Checker::Builtin().Check(technical, PostmortemContext());
  ASSERT_TRUE(findings.ok());
  EXPECT_FALSE(Has(*findings, "postmortem-too-long"));
  // An update of the same length is not a post-mortem.
  CheckContext update = PostmortemContext();
  update.postmortem = false;
  findings = Checker::Builtin().Check(general, update);
  ASSERT_TRUE(findings.ok());
  EXPECT_FALSE(Has(*findings, "postmortem-too-long"));
}

TEST(ReportPromise, WarnsADayAheadThenWhenPassed) {
  const base::Time by = At("2017-11-19T00:00:00Z");
  EXPECT_EQ(CheckReportPromise(by, At("2017-11-17T12:00:00Z")), ReportPromise::kAhead);
  EXPECT_EQ(CheckReportPromise(by, At("2017-11-18T01:00:00Z")), ReportPromise::kDueSoon);
  EXPECT_EQ(CheckReportPromise(by, by), ReportPromise::kDueSoon);
  EXPECT_EQ(CheckReportPromise(by, At("2017-11-19T00:00:01Z")), ReportPromise::kOverdue);
}

}  // namespace
}  // namespace phare::comms
