#include "comms/readability.h"

#include <gtest/gtest.h>

#include <map>

#include "comms/language_rules.h"
#include "test_util.h"

namespace phare::comms {
namespace {

// The shipped syllable rules of `language` (parsed once: compiling the checker's regular
// expressions is the slow part).
const SyllableRules& RulesFor(const std::string& language) {
  static std::map<std::string, SyllableRules> cache;
  if (auto it = cache.find(language); it != cache.end()) return it->second;
  for (const DataFile& file : EmbeddedFiles()) {
    if (file.name != "checker/" + language + ".toml") continue;
    auto rules = ParseLanguageRules(file);
    EXPECT_TRUE(rules.ok()) << rules.status().ToString();
    if (rules.ok()) return cache[language] = (*rules)->syllables;
  }
  ADD_FAILURE() << "no checker rules for " << language;
  return cache[language];
}

int Syllables(const std::u16string& word, const std::string& language) {
  return CountSyllables(word, RulesFor(language));
}

TEST(CountSyllables, EnglishHeuristic) {
  EXPECT_EQ(Syllables(u"the", "en"), 1);
  EXPECT_EQ(Syllables(u"are", "en"), 1);
  EXPECT_EQ(Syllables(u"outage", "en"), 2);
  EXPECT_EQ(Syllables(u"table", "en"), 2);
  EXPECT_EQ(Syllables(u"people", "en"), 2);
  EXPECT_EQ(Syllables(u"restored", "en"), 2);
  EXPECT_EQ(Syllables(u"wanted", "en"), 2);
  EXPECT_EQ(Syllables(u"minutes", "en"), 2);
  EXPECT_EQ(Syllables(u"services", "en"), 3);
  EXPECT_EQ(Syllables(u"infrastructure", "en"), 4);
  EXPECT_EQ(Syllables(u"tv", "en"), 1);  // never less than one
}

TEST(CountSyllables, FrenchHeuristic) {
  EXPECT_EQ(Syllables(u"panne", "fr"), 1);
  EXPECT_EQ(Syllables(u"service", "fr"), 2);
  EXPECT_EQ(Syllables(u"équipes", "fr"), 2);
  EXPECT_EQ(Syllables(u"désolés", "fr"), 3);
  EXPECT_EQ(Syllables(u"mobilisées", "fr"), 4);
  EXPECT_EQ(Syllables(u"électrogène", "fr"), 4);
}

TEST(AnalyzeText, SplitsSentencesAndWordsWithIcu) {
  const std::string text = "We are sorry. Since 7:21 AM CET, our servers are down.\n\n- one\n- two";
  const TextStats stats = AnalyzeText(text, "en", RulesFor("en"));
  ASSERT_EQ(stats.sentences.size(), 4u);
  EXPECT_EQ(stats.sentences[0].words, 3);
  EXPECT_EQ(text.substr(stats.sentences[0].span.offset, stats.sentences[0].span.length),
            "We are sorry.");
  EXPECT_EQ(stats.sentences[1].words, 9);
  EXPECT_EQ(stats.words, 14);
  // Byte offsets stay right after multi-byte characters.
  const std::string french = "Désolés. Ça marche à nouveau.";
  const TextStats fr = AnalyzeText(french, "fr", RulesFor("fr"));
  ASSERT_EQ(fr.sentences.size(), 2u);
  EXPECT_EQ(french.substr(fr.sentences[1].span.offset, fr.sentences[1].span.length),
            "Ça marche à nouveau.");
  EXPECT_EQ(fr.words, 5);
}

TEST(ReadingEase, AppliesTheFormulaOfTheLanguage) {
  TextStats stats;
  stats.sentences.resize(2);
  stats.words = 20;
  stats.syllables = 30;
  EXPECT_NEAR(ReadingEase(ReadabilityFormula::kFlesch, stats), 206.835 - 1.015 * 10 - 84.6 * 1.5,
              1e-9);
  EXPECT_NEAR(ReadingEase(ReadabilityFormula::kKandelMoles, stats), 207 - 1.015 * 10 - 73.6 * 1.5,
              1e-9);
  EXPECT_NEAR(ReadingEase(ReadabilityFormula::kAmstad, stats), 180 - 10 - 58.5 * 1.5, 1e-9);
  EXPECT_NEAR(ReadingEase(ReadabilityFormula::kFernandezHuerta, stats),
              206.84 - 1.02 * 10 - 60 * 1.5, 1e-9);
  EXPECT_NEAR(ReadingEase(ReadabilityFormula::kFleschVacca, stats), 217 - 1.3 * 10 - 60 * 1.5,
              1e-9);
  EXPECT_EQ(ReadingEase(ReadabilityFormula::kFlesch, TextStats{}), 100.0);
  EXPECT_EQ(ToString(ReadabilityFormula::kFernandezHuerta), "fernandez_huerta");
  EXPECT_EQ(DisplayName(ReadabilityFormula::kAmstad), "Amstad");
}

TEST(ReadingEase, ScoresPlainWordsAboveJargon) {
  const auto rules = RulesFor("en");
  const double plain = ReadingEase(
      ReadabilityFormula::kFlesch,
      AnalyzeText("We are sorry. Our servers are down. We are on it. Next news at noon.", "en",
                  rules));
  const double hard = ReadingEase(
      ReadabilityFormula::kFlesch,
      AnalyzeText("Infrastructure deterioration necessitated comprehensive reconfiguration "
                  "of virtualization orchestration.",
                  "en", rules));
  EXPECT_GT(plain, 80);
  EXPECT_LT(hard, 0);
}

}  // namespace
}  // namespace phare::comms
