// Every shipped catalog, of the pages and drafts (data/comms/catalogs) and of the
// notifications (data/notify/catalogs), has every key any other catalog of its kind has,
// and every message is a valid ICU MessageFormat pattern that formats.
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "comms/catalog.h"
#include "comms/embedded_data.h"
#include "notify/messages.h"

namespace phare::notify {
namespace {

// Keys some catalog of `catalogs` has and `language`'s lacks.
std::vector<std::string> Missing(const comms::Catalogs& catalogs, const std::string& language) {
  std::set<std::string> all;
  for (const auto& l : catalogs.Languages()) {
    for (const auto& key : catalogs.Find(l)->Keys()) all.insert(key);
  }
  std::vector<std::string> missing;
  for (const auto& key : all) {
    if (!catalogs.Find(language)->Has(key)) missing.push_back(key);
  }
  return missing;
}

void ExpectComplete(const comms::Catalogs& catalogs, const char* kind) {
  for (const auto& language : catalogs.Languages()) {
    for (const auto& key : Missing(catalogs, language)) {
      ADD_FAILURE() << kind << " catalog '" << language << "' lacks '" << key
                    << "' (another catalog has it)";
    }
  }
}

TEST(CatalogCompleteness, PageAndDraftCatalogsHaveTheSameKeys) {
  ExpectComplete(comms::Catalogs::Builtin(), "data/comms");
}

TEST(CatalogCompleteness, NotificationCatalogsHaveTheSameKeys) {
  ExpectComplete(NotifyCatalogs(), "data/notify");
}

TEST(CatalogCompleteness, EveryPageLanguageHasNotificationWords) {
  for (const auto& language : comms::Catalogs::Builtin().Languages()) {
    EXPECT_NE(NotifyCatalogs().Find(language), nullptr) << language;
  }
  EXPECT_GE(comms::Catalogs::Builtin().Languages().size(), 5u);
}

// Load() compiles every pattern; formatting each one with no arguments also runs ICU's
// plural and select rules for the locale.
TEST(CatalogCompleteness, EveryMessageParsesAndFormats) {
  auto loaded = comms::Catalogs::Load(comms::EmbeddedFiles());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const std::vector<const comms::Catalogs*> all = {&*loaded, &NotifyCatalogs()};
  for (const comms::Catalogs* catalogs : all) {
    for (const auto& language : catalogs->Languages()) {
      const comms::Catalog& catalog = *catalogs->Find(language);
      for (const auto& key : catalog.Keys()) {
        auto text = catalog.Format(key, {{"count", int64_t{2}},
                                         {"hit", int64_t{2}},
                                         {"affected", int64_t{2}},
                                         {"customers", int64_t{2}},
                                         {"restored", int64_t{1}},
                                         {"month", std::string("11")},
                                         {"percent", 0.9995}});
        EXPECT_TRUE(text.ok()) << language << ": " << key << ": " << text.status().ToString();
        if (text.ok()) EXPECT_FALSE(text->empty()) << language << ": " << key;
      }
    }
  }
}

// A catalog with a broken pattern or a missing key is caught by the tests above: show
// that Load() refuses a pattern ICU cannot parse.
TEST(CatalogCompleteness, LoadRefusesAPatternIcuCannotParse) {
  const base::DataFile files[] = {
      {"catalogs/en.toml", "[meta]\nlanguage = \"en\"\nname = \"English\"\n[ui]\nok = \"fine\"\n"},
      {"catalogs/de.toml",
       "[meta]\nlanguage = \"de\"\nname = \"Deutsch\"\n[ui]\nok = \"{count, plural, one {x}\"\n"}};
  auto loaded = comms::Catalogs::Load(files);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("catalogs/de.toml"), std::string::npos);
  EXPECT_NE(loaded.status().message().find("ui.ok"), std::string::npos);
}

}  // namespace
}  // namespace phare::notify
