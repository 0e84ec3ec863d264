// Readability of general-audience text: sentences and words as ICU's BreakIterator
// splits them (UAX #29, per locale), syllables by a per-language vowel-group heuristic,
// and the reading-ease score of the language:
//   Flesch (English)         206.835 - 1.015 * words/sentence - 84.6 * syllables/word
//   Kandel & Moles (French)  207     - 1.015 * words/sentence - 73.6 * syllables/word
//   Amstad (German)          180     - words/sentence         - 58.5 * syllables/word
//   Fernández Huerta (Spanish, as corrected by Law)
//                            206.84  - 1.02 * words/sentence  - 60 * syllables/word
//   Flesch-Vacca (Italian)   217     - 1.3 * words/sentence   - 60 * syllables/word
// Higher is easier; 60-70 is plain language, below 30 is for specialists.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "comms/time_tokens.h"

namespace phare::comms {

enum class ReadabilityFormula { kFlesch, kKandelMoles, kAmstad, kFernandezHuerta, kFleschVacca };
// The formula's name in checker files ("kandel_moles") and its display name ("Kandel-Moles").
std::string_view ToString(ReadabilityFormula formula);
std::string_view DisplayName(ReadabilityFormula formula);

// Syllables of a lowercase word: the number of runs of `vowels`, less one when the word
// ends with one of `silent_endings` ("e" in "outage") and has more than one run, unless it
// ends with one of `sounded_endings` ("le" in "table") or a vowel precedes the ending.
struct SyllableRules {
  std::u16string vowels;
  std::vector<std::u16string> silent_endings;
  std::vector<std::u16string> sounded_endings;
};

struct SentenceStats {
  Span span;  // bytes in the analysed text, trailing spaces excluded
  int words = 0;
  int syllables = 0;
};

struct TextStats {
  std::vector<SentenceStats> sentences;  // those with at least one word
  int words = 0;
  int syllables = 0;
};

// `language` is a BCP 47 tag ("fr") choosing ICU's break rules.
TextStats AnalyzeText(std::string_view utf8, const std::string& language,
                      const SyllableRules& rules);
int CountSyllables(std::u16string_view lowercase_word, const SyllableRules& rules);
// The score of `stats` (0 words: 100, as there is nothing hard to read).
double ReadingEase(ReadabilityFormula formula, const TextStats& stats);

}  // namespace phare::comms
