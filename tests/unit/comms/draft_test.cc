#include "comms/draft.h"

#include <gtest/gtest.h>

#include "comms/markdown.h"
#include "test_util.h"

namespace phare::comms {
namespace {

using model::Audience;
using model::IncidentKind;
using model::IncidentStatus;
using testing::At;
using testing::Has;
using testing::Message;

const model::LocalizedBody* Find(const Drafts& drafts, Audience audience, const std::string& lang) {
  for (const auto& body : drafts.bodies) {
    if (body.audience == audience && body.language == lang) return &body;
  }
  return nullptr;
}

IncidentState OpenIncident(IncidentStatus status) {
  IncidentState s;
  s.kind = IncidentKind::kIncident;
  s.status = status;
  s.impact = model::Impact::kMajor;
  s.at = At("2017-11-09T10:00:00Z");
  s.started_at = At("2017-11-09T09:00:00Z");
  s.services = {{"web_hosting", "Gravelines", {}}, {"email", "", {}}};
  s.components = {{"GRA web cluster 12", model::ComponentStatus::kPartialOutage, "", {}},
                  {"GRA mail relay", model::ComponentStatus::kDegradedPerformance, "queueing", {}}};
  s.customers_affected = 1200;
  s.next_update_at = At("2017-11-09T10:30:00Z");
  s.first_update = status == IncidentStatus::kInvestigating;
  return s;
}

CheckContext ContextFor(const IncidentState& s) {
  CheckContext c;
  c.kind = s.kind;
  c.status = s.status;
  c.first_update = s.first_update;
  c.reference = s.at;
  c.zone = testing::ZoneNamed("America/Toronto");
  for (const auto& component : s.components) c.components.push_back(component.name);
  return c;
}

// Every body of `drafts` passes the checker.
void ExpectClean(const Drafts& drafts, const IncidentState& s) {
  for (const auto& body : drafts.bodies) {
    auto findings = Checker::Builtin().Check(body, ContextFor(s));
    ASSERT_TRUE(findings.ok());
    EXPECT_TRUE(findings->empty())
        << model::ToString(body.audience) << " " << body.language << ":\n"
        << body.body << testing::Describe(*findings);
  }
}

TEST(Draft, EveryOpenIncidentStatusCarriesTheRequiredElementsInEveryLanguage) {
  for (auto status :
       {IncidentStatus::kInvestigating, IncidentStatus::kIdentified, IncidentStatus::kMonitoring}) {
    const IncidentState s = OpenIncident(status);
    auto drafts = DraftUpdate(s);
    ASSERT_TRUE(drafts.ok()) << drafts.status().ToString();
    ASSERT_EQ(drafts->bodies.size(), 2 * Catalogs::Builtin().Languages().size());
    // Apology (first update), restoration or next-update time and zones: the checker finds
    // them, or it would report apology-missing / restoration-time-missing / time-without-zone.
    ExpectClean(*drafts, s);
    for (const std::string& lang : Catalogs::Builtin().Languages()) {
      SCOPED_TRACE(lang + " " + std::string(model::ToString(status)));
      const std::string& general = Find(*drafts, Audience::kGeneral, lang)->body;
      EXPECT_NE(general.find(Message(lang, "draft.mobilised")), std::string::npos);
      EXPECT_NE(general.find(Message(lang, "draft.progress",
                                     {{"status", std::string(model::ToString(status))}})),
                std::string::npos);
      EXPECT_NE(general.find(Message(lang, "product.web_hosting")), std::string::npos);
      EXPECT_NE(general.find("Gravelines"), std::string::npos);
      EXPECT_NE(general.find(TimeToken(*s.next_update_at)), std::string::npos);
      EXPECT_NE(general.find(Message(lang, "draft.count_customers", {{"count", int64_t{1200}}})),
                std::string::npos);
      EXPECT_EQ(general.find(Message(lang, "draft.apology")) != std::string::npos, s.first_update);
      const std::string& technical = Find(*drafts, Audience::kTechnical, lang)->body;
      EXPECT_NE(technical.find("GRA mail relay"), std::string::npos);
      EXPECT_NE(technical.find(Message(lang, "status.component.partial_outage")),
                std::string::npos);
    }
  }
}

// An incident declared with technical bodies only has told general readers nothing: the
// first general body of each language apologises, whichever update it comes with.
TEST(Draft, TheFirstGeneralMessageOfALanguageApologisesOnALaterUpdate) {
  IncidentState s = OpenIncident(IncidentStatus::kIdentified);
  ASSERT_FALSE(s.first_update);
  s.first_general_languages = {"fr"};  // English general readers were told already
  auto drafts = DraftUpdate(s);
  ASSERT_TRUE(drafts.ok()) << drafts.status().ToString();
  EXPECT_NE(Find(*drafts, Audience::kGeneral, "fr")->body.find(Message("fr", "draft.apology")),
            std::string::npos);
  EXPECT_EQ(Find(*drafts, Audience::kGeneral, "en")->body.find(Message("en", "draft.apology")),
            std::string::npos);
  for (const char* lang : {"fr", "en"}) {
    CheckContext c = ContextFor(s);
    c.first_update = s.first_general_languages.count(lang) > 0;
    auto findings = Checker::Builtin().Check(*Find(*drafts, Audience::kGeneral, lang), c);
    ASSERT_TRUE(findings.ok());
    EXPECT_FALSE(Has(*findings, "apology-missing")) << lang;
  }
  // A post-mortem that is their first message says sorry too.
  s.status = IncidentStatus::kPostmortem;
  s.next_update_at.reset();
  drafts = DraftUpdate(s);
  ASSERT_TRUE(drafts.ok());
  EXPECT_NE(
      Find(*drafts, Audience::kGeneral, "fr")->body.find(Message("fr", "draft.apology_resolved")),
      std::string::npos);
  EXPECT_EQ(
      Find(*drafts, Audience::kGeneral, "en")->body.find(Message("en", "draft.apology_resolved")),
      std::string::npos);
}

TEST(Draft, GivesTheRestorationIntervalWhenThereIsAnEstimate) {
  IncidentState s = OpenIncident(IncidentStatus::kIdentified);
  s.estimate = model::Estimate{"",
                               At("2017-11-09T11:00:00Z"),
                               At("2017-11-09T11:30:00Z"),
                               At("2017-11-09T12:15:00Z"),
                               "operator",
                               ""};
  auto drafts = DraftUpdate(s);
  ASSERT_TRUE(drafts.ok());
  ExpectClean(*drafts, s);
  const std::string& fr = Find(*drafts, Audience::kGeneral, "fr")->body;
  EXPECT_NE(
      fr.find(Message("fr", "draft.eta_between",
                      {{"from", TimeToken(s.estimate->p10)}, {"to", TimeToken(s.estimate->p90)}})),
      std::string::npos);
  // Already possibly back: "by p90".
  s.estimate->p10 = At("2017-11-09T09:50:00Z");
  drafts = DraftUpdate(s);
  ASSERT_TRUE(drafts.ok());
  EXPECT_NE(Find(*drafts, Audience::kGeneral, "en")
                ->body.find(Message("en", "draft.eta_by", {{"time", TimeToken(s.estimate->p90)}})),
            std::string::npos);
  const std::string& technical = Find(*drafts, Audience::kTechnical, "en")->body;
  EXPECT_NE(technical.find(TimeToken(s.estimate->p50)), std::string::npos);
}

TEST(Draft, WithoutAnyTimeTheNotesSayItAndTheCheckerFlagsIt) {
  IncidentState s = OpenIncident(IncidentStatus::kInvestigating);
  s.next_update_at.reset();
  auto drafts = DraftUpdate(s);
  ASSERT_TRUE(drafts.ok());
  EXPECT_FALSE(drafts->notes.empty());
  auto findings = Checker::Builtin().Check(*Find(*drafts, Audience::kGeneral, "en"), ContextFor(s));
  ASSERT_TRUE(findings.ok());
  EXPECT_TRUE(Has(*findings, "restoration-time-missing"));
}

TEST(Draft, ResolutionApologisesAndSaysWhatHappensNext) {
  IncidentState s = OpenIncident(IncidentStatus::kResolved);
  s.resolution = true;
  s.resolved_at = At("2017-11-09T12:05:00Z");
  s.at = At("2017-11-09T12:10:00Z");
  s.postmortem_planned = true;
  s.postmortem_by = At("2017-11-20T12:00:00Z");
  s.credits_apply = true;
  auto drafts = DraftUpdate(s);
  ASSERT_TRUE(drafts.ok()) << drafts.status().ToString();
  ExpectClean(*drafts, s);
  for (const std::string& lang : Catalogs::Builtin().Languages()) {
    const std::string& general = Find(*drafts, Audience::kGeneral, lang)->body;
    EXPECT_NE(general.find(Message(lang, "draft.apology_resolved")), std::string::npos) << lang;
    EXPECT_NE(general.find(Message(lang, "draft.credits")), std::string::npos) << lang;
    EXPECT_NE(general.find(DateToken(*s.postmortem_by)), std::string::npos) << lang;
    EXPECT_NE(general.find(TimeToken(*s.resolved_at)), std::string::npos) << lang;
    EXPECT_EQ(general.find(TimeToken(*s.next_update_at)), std::string::npos) << lang;
  }
}

TEST(Draft, PostmortemStatusPointsToTheReport) {
  IncidentState s = OpenIncident(IncidentStatus::kPostmortem);
  s.credits_apply = true;
  auto drafts = DraftUpdate(s);
  ASSERT_TRUE(drafts.ok());
  ExpectClean(*drafts, s);
  EXPECT_NE(Find(*drafts, Audience::kGeneral, "fr")
                ->body.find(Message("fr", "draft.postmortem_published")),
            std::string::npos);
}

TEST(Draft, MaintenanceStatuses) {
  for (auto status : {IncidentStatus::kScheduled, IncidentStatus::kInProgress,
                      IncidentStatus::kVerifying, IncidentStatus::kCompleted}) {
    IncidentState s;
    s.kind = IncidentKind::kMaintenance;
    s.status = status;
    s.impact = model::Impact::kMinor;
    s.at = At("2017-11-09T10:00:00Z");
    s.scheduled_for = At("2017-11-10T02:00:00Z");
    s.scheduled_until = At("2017-11-10T04:00:00Z");
    s.services = {{"vps", "Roubaix", {}}};
    s.resolution = status == IncidentStatus::kCompleted;
    auto drafts = DraftUpdate(s);
    ASSERT_TRUE(drafts.ok()) << drafts.status().ToString();
    ExpectClean(*drafts, s);
    const std::string key = "draft.maintenance." + std::string(model::ToString(status));
    for (const std::string& lang : Catalogs::Builtin().Languages()) {
      const std::string& general = Find(*drafts, Audience::kGeneral, lang)->body;
      EXPECT_NE(general.find("Roubaix"), std::string::npos);
      if (status == IncidentStatus::kScheduled) {
        EXPECT_NE(general.find(TimeToken(*s.scheduled_for)), std::string::npos);
        EXPECT_NE(general.find(Message(lang, "draft.maintenance.impact",
                                       {{"impact", std::string("minor")}})),
                  std::string::npos);
      }
    }
  }
}

TEST(Draft, WorkaroundAppearsOnlyInTheLanguagesItWasWrittenIn) {
  IncidentState s = OpenIncident(IncidentStatus::kIdentified);
  s.workaround = {{"fr", "Utilisez l’adresse de secours."}};
  auto drafts = DraftUpdate(s);
  ASSERT_TRUE(drafts.ok());
  EXPECT_NE(Find(*drafts, Audience::kGeneral, "fr")->body.find("Utilisez l’adresse de secours."),
            std::string::npos);
  EXPECT_EQ(Find(*drafts, Audience::kGeneral, "en")->body.find("Utilisez"), std::string::npos);
  // One note per language without it: every shipped language but French.
  ASSERT_EQ(drafts->notes.size(), Catalogs::Builtin().Languages().size() - 1);
  EXPECT_NE(drafts->notes[0].find("workaround"), std::string::npos);
}

TEST(Draft, OperatorNamesAreEscapedAndLocalizedNamesUsed) {
  IncidentState s = OpenIncident(IncidentStatus::kIdentified);
  s.services = {{"", "<b>Lille</b>", {{"en", "shop *builder*"}, {"fr", "créateur de boutique"}}}};
  s.components = {{"<script>alert(1)</script>", model::ComponentStatus::kMajorOutage, "", {}}};
  auto drafts = DraftUpdate(s);
  ASSERT_TRUE(drafts.ok());
  const std::string& en = Find(*drafts, Audience::kGeneral, "en")->body;
  EXPECT_NE(en.find("shop \\*builder\\*"), std::string::npos);
  EXPECT_NE(Find(*drafts, Audience::kGeneral, "fr")->body.find("créateur de boutique"),
            std::string::npos);
  auto html = MarkdownToHtml(Find(*drafts, Audience::kTechnical, "en")->body);
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->find("<script"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;"), std::string::npos);
  auto general_html = MarkdownToHtml(en);
  EXPECT_NE(general_html->find("&lt;b&gt;Lille&lt;/b&gt;"), std::string::npos);
}

TEST(Draft, RejectsInconsistentOrOversizedStateNamingTheField) {
  struct Case {
    void (*mutate)(IncidentState&);
    const char* field;
  };
  const Case cases[] = {
      {[](IncidentState& s) { s.status = IncidentStatus::kScheduled; }, "status"},
      {[](IncidentState& s) { s.resolution = true; }, "resolution"},
      {[](IncidentState& s) { s.services[1].product = "teleportation"; }, "services[1].product"},
      {[](IncidentState& s) { s.services.push_back({}); }, "services[2].product"},
      {[](IncidentState& s) { s.components[0].name.clear(); }, "components[0].name"},
      {[](IncidentState& s) { s.services[0].location = std::string(kMaxNameBytes + 1, 'x'); },
       "services[0].location"},
      {[](IncidentState& s) { s.workaround["nl"] = "x"; }, "workaround.nl"},
      {[](IncidentState& s) { s.customers_affected = -1; }, "resources_affected"},
      {[](IncidentState& s) {
         s.estimate = model::Estimate{"",
                                      At("2017-11-09T12:00:00Z"),
                                      At("2017-11-09T11:00:00Z"),
                                      At("2017-11-09T13:00:00Z"),
                                      "operator",
                                      ""};
       },
       "estimate"},
  };
  for (const Case& c : cases) {
    IncidentState s = OpenIncident(IncidentStatus::kIdentified);
    c.mutate(s);
    auto drafts = DraftUpdate(s);
    ASSERT_FALSE(drafts.ok()) << c.field;
    EXPECT_EQ(drafts.status().code(), base::Code::kInvalidArgument);
    EXPECT_EQ(drafts.status().field(), c.field) << drafts.status().message();
  }
  IncidentState maintenance;
  maintenance.kind = IncidentKind::kMaintenance;
  maintenance.status = IncidentStatus::kScheduled;
  EXPECT_EQ(DraftUpdate(maintenance).status().field(), "scheduled_until");
}

}  // namespace
}  // namespace phare::comms
