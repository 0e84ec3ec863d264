#include "model/names.h"

#include <gtest/gtest.h>

namespace phare::model {
namespace {

TEST(Names, LanguageTags) {
  for (const char* tag : {"fr", "de", "ast", "pt-BR", "zh-Hant", "de-CH-1996"}) {
    EXPECT_TRUE(IsLanguageTag(tag)) << tag;
  }
  for (const char* tag : {"", "f", "fren", "fr_FR", "fr-", "-fr", "fr--ca", "français",
                          "fr-abcdefghi", "en-US-with-too-many"}) {
    EXPECT_FALSE(IsLanguageTag(tag)) << tag;
  }
}

TEST(Names, ReaderLanguageThenPrimaryTagThenDefault) {
  const std::string fallback = "Dedicated servers";
  const LocalizedNames names = {{"de", "Dedizierte Server"},
                                {"fr", "Serveurs dédiés"},
                                {"fr-ca", "Serveurs dédiés (Canada)"}};
  EXPECT_EQ(NameIn(names, "fr", fallback), "Serveurs dédiés");
  EXPECT_EQ(NameIn(names, "fr-CA", fallback), "Serveurs dédiés (Canada)");
  EXPECT_EQ(NameIn(names, "fr-BE", fallback), "Serveurs dédiés");
  EXPECT_EQ(NameIn(names, "de", fallback), "Dedizierte Server");
  EXPECT_EQ(NameIn(names, "it", fallback), "Dedicated servers");
  EXPECT_EQ(NameIn({}, "fr", fallback), "Dedicated servers");
}

TEST(Names, NormalizeSortsAndLowerCases) {
  LocalizedNames names = {{"IT", "Server dedicati"}, {"de", "Dedizierte Server"}};
  ASSERT_TRUE(NormalizeNames(names, "component.phare.names", 200).ok());
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0].language, "de");
  EXPECT_EQ(names[1].language, "it");
}

TEST(Names, NormalizeRefusesBadInputNamingTheField) {
  auto field = [](LocalizedNames names, size_t max = 10) {
    return NormalizeNames(names, "incident.phare.names", max).field();
  };
  EXPECT_EQ(field({{"french", "x"}}), "incident.phare.names");
  EXPECT_EQ(field({{"fr", ""}}), "incident.phare.names.fr");
  EXPECT_EQ(field({{"fr", "   "}}), "incident.phare.names.fr");
  EXPECT_EQ(field({{"fr", "two\nlines"}}), "incident.phare.names.fr");
  EXPECT_EQ(field({{"de", "much too long for ten"}}), "incident.phare.names.de");
  EXPECT_EQ(field({{"fr", "a"}, {"FR", "b"}}), "incident.phare.names");
  LocalizedNames many;
  for (int i = 0; i < static_cast<int>(kMaxLocalizedNames) + 1; ++i) {
    many.push_back({"x" + std::string(1, static_cast<char>('a' + i % 26)) +
                        std::string(1, static_cast<char>('a' + i / 26)),
                    "n"});
  }
  EXPECT_FALSE(NormalizeNames(many, "f", 10).ok());
}

}  // namespace
}  // namespace phare::model
