// What the checker knows about one language, parsed from data/comms/checker/<lang>.toml:
// readability formula and limits, syllable heuristic, the patterns that recognise an
// apology, a restoration cue and a zone name, and the jargon list with plain
// replacements. Internal to comms (it holds compiled ICU regular expressions, which are
// immutable and may be shared between threads).
#pragma once

#include <unicode/regex.h>

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "comms/embedded_data.h"
#include "comms/readability.h"

namespace phare::comms {

inline constexpr size_t kMaxJargonTerms = 1000;
inline constexpr size_t kMaxPatternsPerList = 100;

struct JargonTerm {
  std::string display;  // the first form, as the list writes it: "UPS"
  std::string suggest;  // plain words to use instead: "backup batteries"
  std::unique_ptr<icu::RegexPattern> pattern;
};

struct LanguageRules {
  std::string language;
  ReadabilityFormula formula = ReadabilityFormula::kFlesch;
  double min_score = 50;
  int min_words = 30;  // shorter texts are not scored
  int max_sentence_words = 25;
  SyllableRules syllables;
  std::vector<std::unique_ptr<icu::RegexPattern>> apology;      // case-insensitive
  std::vector<std::unique_ptr<icu::RegexPattern>> restoration;  // case-insensitive
  std::vector<std::unique_ptr<icu::RegexPattern>> zone;         // case-sensitive
  std::vector<JargonTerm> jargon;
};

// Parses one checker file. InvalidArgument naming the file, key and line for bad TOML,
// unknown keys, wrong types, out-of-range limits or bad regular expressions.
base::Result<std::unique_ptr<LanguageRules>> ParseLanguageRules(const DataFile& file);

// Compiles an ICU regular expression; InvalidArgument naming `what` if it is invalid.
base::Result<std::unique_ptr<icu::RegexPattern>> CompileRegex(std::string_view regex,
                                                              uint32_t flags,
                                                              const std::string& what);

}  // namespace phare::comms
