#include "comms/readability.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>

#include "comms/icu_util.h"

namespace phare::comms {
namespace {

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

UTextPtr OpenUtf8(std::string_view utf8) {
  UErrorCode ec = U_ZERO_ERROR;
  UTextPtr text(utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &ec));
  return U_FAILURE(ec) ? nullptr : std::move(text);
}

bool IsVowel(char16_t c, const SyllableRules& rules) {
  return rules.vowels.find(c) != std::u16string::npos;
}

struct Word {
  size_t begin = 0;
  int syllables = 0;
};

std::vector<Word> Words(std::string_view utf8, const icu::Locale& locale,
                        const SyllableRules& rules) {
  std::vector<Word> words;
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(locale, ec));
  UTextPtr text = OpenUtf8(utf8);
  if (U_FAILURE(ec) || !text) return words;
  it->setText(text.get(), ec);
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    const int32_t status = it->getRuleStatus();
    if (status < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
    if (status < UBRK_WORD_NUMBER_LIMIT) {
      words.push_back({static_cast<size_t>(begin), 1});
      continue;
    }
    icu::UnicodeString word = ToUnicode(utf8.substr(begin, end - begin));
    word.toLower(locale);
    const std::u16string_view view(word.getBuffer(), word.length());
    words.push_back({static_cast<size_t>(begin), CountSyllables(view, rules)});
  }
  return words;
}

size_t TrimEnd(std::string_view utf8, size_t begin, size_t end) {
  while (end > begin && std::string_view(" \t\r\n").find(utf8[end - 1]) != std::string_view::npos) {
    --end;
  }
  return end;
}

}  // namespace

int CountSyllables(std::u16string_view word, const SyllableRules& rules) {
  int runs = 0;
  bool in_vowel = false;
  for (const char16_t c : word) {
    const bool vowel = IsVowel(c, rules);
    if (vowel && !in_vowel) ++runs;
    in_vowel = vowel;
  }
  if (runs > 1) {
    for (const auto& ending : rules.silent_endings) {
      if (!word.ends_with(ending) || word.size() <= ending.size()) continue;
      bool sounded = false;
      for (const auto& keep : rules.sounded_endings) sounded = sounded || word.ends_with(keep);
      if (!sounded && !IsVowel(word[word.size() - ending.size() - 1], rules)) --runs;
      break;
    }
  }
  return runs < 1 ? 1 : runs;
}

TextStats AnalyzeText(std::string_view utf8, const std::string& language,
                      const SyllableRules& rules) {
  TextStats stats;
  const icu::Locale locale(language.c_str());
  const std::vector<Word> words = Words(utf8, locale, rules);
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(locale, ec));
  UTextPtr text = OpenUtf8(utf8);
  if (U_FAILURE(ec) || !text) return stats;
  it->setText(text.get(), ec);
  size_t w = 0;
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    SentenceStats sentence;
    const size_t trimmed = TrimEnd(utf8, begin, end);
    sentence.span = {static_cast<size_t>(begin), trimmed - begin};
    for (; w < words.size() && words[w].begin < static_cast<size_t>(end); ++w) {
      ++sentence.words;
      sentence.syllables += words[w].syllables;
    }
    if (sentence.words == 0) continue;
    stats.words += sentence.words;
    stats.syllables += sentence.syllables;
    stats.sentences.push_back(sentence);
  }
  return stats;
}

std::string_view ToString(ReadabilityFormula formula) {
  switch (formula) {
    case ReadabilityFormula::kFlesch:
      return "flesch";
    case ReadabilityFormula::kKandelMoles:
      return "kandel_moles";
    case ReadabilityFormula::kAmstad:
      return "amstad";
    case ReadabilityFormula::kFernandezHuerta:
      return "fernandez_huerta";
    case ReadabilityFormula::kFleschVacca:
      return "flesch_vacca";
  }
  return "flesch";
}

std::string_view DisplayName(ReadabilityFormula formula) {
  switch (formula) {
    case ReadabilityFormula::kFlesch:
      return "Flesch";
    case ReadabilityFormula::kKandelMoles:
      return "Kandel-Moles";
    case ReadabilityFormula::kAmstad:
      return "Amstad";
    case ReadabilityFormula::kFernandezHuerta:
      return "Fernández Huerta";
    case ReadabilityFormula::kFleschVacca:
      return "Flesch-Vacca";
  }
  return "Flesch";
}

double ReadingEase(ReadabilityFormula formula, const TextStats& stats) {
  if (stats.words == 0 || stats.sentences.empty()) return 100.0;
  const double words_per_sentence = static_cast<double>(stats.words) / stats.sentences.size();
  const double syllables_per_word = static_cast<double>(stats.syllables) / stats.words;
  switch (formula) {
    case ReadabilityFormula::kFlesch:
      return 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word;
    case ReadabilityFormula::kKandelMoles:
      return 207.0 - 1.015 * words_per_sentence - 73.6 * syllables_per_word;
    case ReadabilityFormula::kAmstad:
      return 180.0 - words_per_sentence - 58.5 * syllables_per_word;
    case ReadabilityFormula::kFernandezHuerta:
      return 206.84 - 1.02 * words_per_sentence - 60.0 * syllables_per_word;
    case ReadabilityFormula::kFleschVacca:
      return 217.0 - 1.3 * words_per_sentence - 60.0 * syllables_per_word;
  }
  return 0.0;
}

}  // namespace phare::comms
