#include "comms/language_rules.h"

#include <toml++/toml.h>

#include <set>

#include "comms/icu_util.h"

namespace phare::comms {
namespace {

using base::InvalidArgument;
using base::Result;
using base::Status;

// Reads one table, rejecting keys it was not asked about.
class Reader {
 public:
  Reader(const toml::table* table, std::string file, std::string prefix)
      : table_(table), file_(std::move(file)), prefix_(std::move(prefix)) {}

  template <class T>
  Status Get(std::string_view key, T& out) {
    known_.insert(std::string(key));
    const toml::node* node = table_ ? table_->get(key) : nullptr;
    if (!node) return Status::Ok();
    std::optional<T> value = node->value<T>();
    if (!value) return Error(key, *node, "has the wrong type");
    out = *value;
    return Status::Ok();
  }

  Status Strings(std::string_view key, std::vector<std::string>& out) {
    known_.insert(std::string(key));
    const toml::node* node = table_ ? table_->get(key) : nullptr;
    if (!node) return Status::Ok();
    const toml::array* array = node->as_array();
    if (!array || array->size() > kMaxPatternsPerList) {
      return Error(key, *node,
                   "must be a list of at most " + std::to_string(kMaxPatternsPerList) + " strings");
    }
    for (const toml::node& item : *array) {
      if (!item.is_string()) return Error(key, item, "must hold only strings");
      out.push_back(item.value_or(std::string()));
    }
    return Status::Ok();
  }

  void Allow(std::string_view key) { known_.insert(std::string(key)); }

  Status RejectUnknown() const {
    if (!table_) return Status::Ok();
    for (const auto& [key, node] : *table_) {
      if (!known_.count(std::string(key.str())))
        return Error(key.str(), node, "is not a known key");
    }
    return Status::Ok();
  }

  Status Error(std::string_view key, const toml::node& node, const std::string& what) const {
    const std::string name = prefix_ + "." + std::string(key);
    return InvalidArgument(
        file_ + ":" + std::to_string(node.source().begin.line) + ": " + name + " " + what, name);
  }

 private:
  const toml::table* table_;
  std::string file_;
  std::string prefix_;
  std::set<std::string> known_;
};

std::u16string ToU16(const std::string& utf8) {
  const icu::UnicodeString u = ToUnicode(utf8);
  return std::u16string(u.getBuffer(), u.length());
}

// A literal term as an ICU regex: words joined by any whitespace, ' matching ’ too.
Result<std::string> TermRegex(const std::string& term) {
  if (term.empty() || term.size() > 100 || term.find("\\E") != std::string::npos) {
    return InvalidArgument("jargon term '" + term + "' is empty, too long or contains \\E");
  }
  std::string regex = "\\Q";
  bool in_space = false;
  for (const char c : term) {
    if (c == ' ') {
      in_space = true;
      continue;
    }
    if (in_space) regex += "\\E\\s+\\Q";
    in_space = false;
    if (c == '\'') {
      regex += "\\E['\u2019]\\Q";
    } else {
      regex += c;
    }
  }
  return regex + "\\E";
}

Status ReadJargon(const toml::node& node, size_t index, const std::string& file,
                  LanguageRules& rules) {
  const std::string prefix = "jargon[" + std::to_string(index) + "]";
  Reader r(node.as_table(), file, prefix);
  if (!node.is_table()) return r.Error("", node, "must be a table");
  std::vector<std::string> terms;
  JargonTerm term;
  bool case_sensitive = false;
  PHARE_RETURN_IF_ERROR(r.Strings("terms", terms));
  PHARE_RETURN_IF_ERROR(r.Get("suggest", term.suggest));
  PHARE_RETURN_IF_ERROR(r.Get("case_sensitive", case_sensitive));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  if (terms.empty() || term.suggest.empty()) {
    return r.Error("terms", node, "needs at least one term and a 'suggest'");
  }
  std::string alternatives;
  for (const std::string& t : terms) {
    PHARE_ASSIGN_OR_RETURN(std::string regex, TermRegex(t));
    alternatives += (alternatives.empty() ? "" : "|") + regex;
  }
  // Whole words only, with an optional plural ending.
  const std::string regex =
      "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?:s|x|es)?(?![\\p{L}\\p{N}])";
  PHARE_ASSIGN_OR_RETURN(
      term.pattern,
      CompileRegex(regex, case_sensitive ? 0 : UREGEX_CASE_INSENSITIVE, file + ": " + prefix));
  term.display = terms.front();
  rules.jargon.push_back(std::move(term));
  return Status::Ok();
}

Status ReadPatterns(const toml::table* table, const std::string& file, LanguageRules& rules) {
  Reader r(table, file, "patterns");
  std::vector<std::string> apology, restoration, zone;
  PHARE_RETURN_IF_ERROR(r.Strings("apology", apology));
  PHARE_RETURN_IF_ERROR(r.Strings("restoration", restoration));
  PHARE_RETURN_IF_ERROR(r.Strings("zone", zone));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  const auto compile = [&](const std::vector<std::string>& list, uint32_t flags, const char* name,
                           std::vector<std::unique_ptr<icu::RegexPattern>>& out) -> Status {
    for (const std::string& regex : list) {
      PHARE_ASSIGN_OR_RETURN(auto pattern, CompileRegex(regex, flags, file + ": patterns." + name));
      out.push_back(std::move(pattern));
    }
    return Status::Ok();
  };
  PHARE_RETURN_IF_ERROR(compile(apology, UREGEX_CASE_INSENSITIVE, "apology", rules.apology));
  PHARE_RETURN_IF_ERROR(
      compile(restoration, UREGEX_CASE_INSENSITIVE, "restoration", rules.restoration));
  return compile(zone, 0, "zone", rules.zone);
}

Status ReadReadability(const toml::table* table, const std::string& file, LanguageRules& rules) {
  Reader r(table, file, "readability");
  std::string formula = "flesch";
  int64_t min_words = rules.min_words, max_words = rules.max_sentence_words;
  PHARE_RETURN_IF_ERROR(r.Get("formula", formula));
  PHARE_RETURN_IF_ERROR(r.Get("min_score", rules.min_score));
  PHARE_RETURN_IF_ERROR(r.Get("min_words", min_words));
  PHARE_RETURN_IF_ERROR(r.Get("max_sentence_words", max_words));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  bool known = false;
  for (auto f :
       {ReadabilityFormula::kFlesch, ReadabilityFormula::kKandelMoles, ReadabilityFormula::kAmstad,
        ReadabilityFormula::kFernandezHuerta, ReadabilityFormula::kFleschVacca}) {
    if (formula != ToString(f)) continue;
    rules.formula = f;
    known = true;
  }
  if (!known) {
    return InvalidArgument(file +
                               ": readability.formula must be flesch, kandel_moles, amstad, "
                               "fernandez_huerta or flesch_vacca",
                           "readability.formula");
  }
  if (min_words < 1 || min_words > 10000 || max_words < 5 || max_words > 200 ||
      rules.min_score < -100 || rules.min_score > 120) {
    return InvalidArgument(file + ": readability limits out of range", "readability");
  }
  rules.min_words = static_cast<int>(min_words);
  rules.max_sentence_words = static_cast<int>(max_words);
  return Status::Ok();
}

Status ReadSyllables(const toml::table* table, const std::string& file, LanguageRules& rules) {
  Reader r(table, file, "syllables");
  std::string vowels = "aeiouy";
  std::vector<std::string> silent, sounded;
  PHARE_RETURN_IF_ERROR(r.Get("vowels", vowels));
  PHARE_RETURN_IF_ERROR(r.Strings("silent_endings", silent));
  PHARE_RETURN_IF_ERROR(r.Strings("sounded_endings", sounded));
  PHARE_RETURN_IF_ERROR(r.RejectUnknown());
  rules.syllables.vowels = ToU16(vowels);
  for (const auto& s : silent) rules.syllables.silent_endings.push_back(ToU16(s));
  for (const auto& s : sounded) rules.syllables.sounded_endings.push_back(ToU16(s));
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<icu::RegexPattern>> CompileRegex(std::string_view regex, uint32_t flags,
                                                        const std::string& what) {
  UErrorCode ec = U_ZERO_ERROR;
  UParseError where{};
  std::unique_ptr<icu::RegexPattern> pattern(
      icu::RegexPattern::compile(ToUnicode(regex), flags, where, ec));
  if (U_FAILURE(ec)) {
    return InvalidArgument(what + ": invalid regular expression '" + std::string(regex) + "' (" +
                           u_errorName(ec) + " at offset " + std::to_string(where.offset) + ")");
  }
  return pattern;
}

Result<std::unique_ptr<LanguageRules>> ParseLanguageRules(const DataFile& file) {
  const std::string name(file.name);
  toml::table root;
  try {
    root = toml::parse(file.text, name);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(name + ":" + std::to_string(e.source().begin.line) + ": " +
                           std::string(e.description()));
  }
  auto rules = std::make_unique<LanguageRules>();
  Reader top(&root, name, name);
  for (const char* key : {"meta", "readability", "syllables", "patterns", "jargon"}) top.Allow(key);
  PHARE_RETURN_IF_ERROR(top.RejectUnknown());
  Reader meta(root["meta"].as_table(), name, "meta");
  PHARE_RETURN_IF_ERROR(meta.Get("language", rules->language));
  PHARE_RETURN_IF_ERROR(meta.RejectUnknown());
  if (name != "checker/" + rules->language + ".toml") {
    return InvalidArgument(name + ": meta.language '" + rules->language +
                           "' does not match the file name");
  }
  PHARE_RETURN_IF_ERROR(ReadReadability(root["readability"].as_table(), name, *rules));
  PHARE_RETURN_IF_ERROR(ReadSyllables(root["syllables"].as_table(), name, *rules));
  PHARE_RETURN_IF_ERROR(ReadPatterns(root["patterns"].as_table(), name, *rules));
  if (const toml::node* jargon = root.get("jargon")) {
    const toml::array* list = jargon->as_array();
    if (!list || list->size() > kMaxJargonTerms) {
      return InvalidArgument(name + ": jargon must be an array of at most " +
                             std::to_string(kMaxJargonTerms) + " tables ([[jargon]])");
    }
    for (size_t i = 0; i < list->size(); ++i) {
      PHARE_RETURN_IF_ERROR(ReadJargon(*list->get(i), i, name, *rules));
    }
  }
  return rules;
}

}  // namespace phare::comms
