#include "comms/catalog.h"

#include <gtest/gtest.h>

#include "model/component.h"
#include "model/incident.h"
#include "test_util.h"

namespace phare::comms {
namespace {

constexpr std::string_view kMinimalEnglish = R"(
[meta]
language = "en"
name = "English"
[greeting]
hello = "Hello {name}"
only_in_english = "English only"
)";

TEST(Catalogs, ShipEnglishFrenchGermanSpanishItalian) {
  const Catalogs& catalogs = Catalogs::Builtin();
  EXPECT_EQ(catalogs.Languages(), (std::vector<std::string>{"en", "de", "es", "fr", "it"}));
  EXPECT_EQ(catalogs.Default().language(), "en");
  EXPECT_EQ(catalogs.Find("fr")->name(), "Français");
  EXPECT_EQ(catalogs.Find("de")->name(), "Deutsch");
  EXPECT_EQ(catalogs.Find("es")->name(), "Español");
  EXPECT_EQ(catalogs.Find("it")->name(), "Italiano");
  EXPECT_EQ(catalogs.Find("nl"), nullptr);
}

TEST(Catalogs, EveryShippedCatalogHasEveryEnglishKey) {
  const Catalogs& catalogs = Catalogs::Builtin();
  const std::vector<std::string> keys = catalogs.Default().Keys();
  EXPECT_GT(keys.size(), 100u);
  for (const std::string& language : catalogs.Languages()) {
    const Catalog& catalog = *catalogs.Find(language);
    for (const std::string& key : keys) EXPECT_TRUE(catalog.Has(key)) << language << ": " << key;
    for (const std::string& key : catalog.Keys()) {
      EXPECT_TRUE(catalogs.Default().Has(key)) << language << " has a key English lacks: " << key;
    }
  }
}

TEST(Catalogs, NameEveryStatusImpactAndIndicatorTheWebPageShows) {
  using model::ComponentStatus;
  using model::IncidentStatus;
  for (const std::string& language : Catalogs::Builtin().Languages()) {
    const Catalog& catalog = *Catalogs::Builtin().Find(language);
    for (auto s : {ComponentStatus::kOperational, ComponentStatus::kDegradedPerformance,
                   ComponentStatus::kPartialOutage, ComponentStatus::kMajorOutage,
                   ComponentStatus::kUnderMaintenance}) {
      EXPECT_TRUE(catalog.Has("status.component." + std::string(model::ToString(s))));
    }
    for (int i = 0; i <= static_cast<int>(IncidentStatus::kCompleted); ++i) {
      const auto s = static_cast<IncidentStatus>(i);
      EXPECT_TRUE(catalog.Has("status.incident." + std::string(model::ToString(s))));
    }
    for (auto impact : {model::Impact::kNone, model::Impact::kMinor, model::Impact::kMajor,
                        model::Impact::kCritical}) {
      EXPECT_TRUE(catalog.Has("impact." + std::string(model::ToString(impact))));
      EXPECT_TRUE(catalog.Has("indicator." + std::string(model::ToString(impact))));
    }
  }
  EXPECT_EQ(testing::Message("en", "indicator.none"), "All Systems Operational");
}

TEST(Catalog, FormatsPluralsAndNumbersPerLocale) {
  EXPECT_EQ(testing::Message("en", "ui.incidents_count", {{"count", int64_t{0}}}), "No incidents");
  EXPECT_EQ(testing::Message("en", "ui.incidents_count", {{"count", int64_t{1}}}), "1 incident");
  EXPECT_EQ(testing::Message("en", "ui.incidents_count", {{"count", int64_t{40386}}}),
            "40,386 incidents");
  // French groups thousands with a narrow no-break space, and 1 is singular.
  EXPECT_EQ(testing::Message("fr", "ui.incidents_count", {{"count", int64_t{40386}}}),
            "40\u202F386 incidents");
  EXPECT_EQ(testing::Message("fr", "ui.incidents_count", {{"count", int64_t{1}}}), "1 incident");
  EXPECT_EQ(testing::Message("en", "ui.next_update_by", {{"time", std::string("2:30 PM CET")}}),
            "Next update by 2:30 PM CET");
}

TEST(Catalog, UnknownKeyIsNotFound) {
  auto text = Catalogs::Builtin().Find("fr")->Format("no.such.key");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), base::Code::kNotFound);
}

TEST(Catalogs, AddingALanguageIsAddingAFile) {
  const DataFile files[] = {
      {"catalogs/en.toml", kMinimalEnglish},
      {"catalogs/de.toml",
       "[meta]\nlanguage = \"de\"\nname = \"Deutsch\"\n"
       "[greeting]\nhello = \"Hallo {name}\"\n"},
      {"checker/en.toml", "ignored by Catalogs"},
  };
  auto catalogs = Catalogs::Load(files);
  ASSERT_TRUE(catalogs.ok()) << catalogs.status().ToString();
  EXPECT_EQ(catalogs->Languages(), (std::vector<std::string>{"en", "de"}));
  const Catalog& de = *catalogs->Find("de");
  EXPECT_EQ(*de.Format("greeting.hello", {{"name", std::string("Welt")}}), "Hallo Welt");
  // A key German lacks falls back to English.
  EXPECT_FALSE(de.Has("greeting.only_in_english"));
  EXPECT_EQ(*de.Format("greeting.only_in_english"), "English only");
}

TEST(Catalogs, RejectBadFilesNamingTheProblem) {
  struct Case {
    const char* name;
    const char* text;
    const char* expect;
  };
  const Case cases[] = {
      {"catalogs/fr.toml",
       "[meta]\nlanguage = \"fr\"\nname = \"F\"\n[a]\nb = \"{x, plural, one {\"\n", "a.b"},
      {"catalogs/fr.toml", "[meta]\nlanguage = \"es\"\nname = \"E\"\n", "catalogs/es.toml"},
      {"catalogs/fr.toml", "[meta]\nlanguage = \"fr\"\nname = \"F\"\n[a]\nb = 3\n",
       "must be a string"},
      {"catalogs/fr.toml", "[meta]\nlanguage = \"fr\"\n", "[meta]"},
      {"catalogs/fr.toml", "not toml = = =", "catalogs/fr.toml:1"},
  };
  for (const Case& c : cases) {
    const DataFile files[] = {{"catalogs/en.toml", kMinimalEnglish}, {c.name, c.text}};
    auto catalogs = Catalogs::Load(files);
    ASSERT_FALSE(catalogs.ok()) << c.text;
    EXPECT_EQ(catalogs.status().code(), base::Code::kInvalidArgument);
    EXPECT_NE(catalogs.status().message().find(c.expect), std::string::npos)
        << catalogs.status().message();
  }
  const DataFile french_only[] = {
      {"catalogs/fr.toml", "[meta]\nlanguage = \"fr\"\nname = \"F\"\n"}};
  EXPECT_FALSE(Catalogs::Load(french_only).ok());
}

}  // namespace
}  // namespace phare::comms
