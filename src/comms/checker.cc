#include "comms/checker.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "comms/icu_util.h"
#include "comms/language_rules.h"
#include "comms/readability.h"

namespace phare::comms {
namespace {

using base::Result;
using base::Status;

constexpr std::string_view kRuleIds[] = {
    "apology-missing",    "restoration-time-missing", "jargon",
    "sentence-too-long",  "readability-low",          "time-without-zone",
    "components-missing", "time-token-invalid",       "language-unsupported",
    "postmortem-too-long"};

// Clock times: "14:30", "7:21", "14h30", "2:30 PM", "2 p.m.".
constexpr std::string_view kTimeRegex =
    R"((?<![\d:.,])(?:(?:[01]?\d|2[0-3])[:h][0-5]\d(?!\d)(?:\s?[AaPp]\.?[Mm]\b\.?)?)"
    R"(|(?:1[0-2]|0?[1-9])\s?[AaPp]\.?[Mm]\b\.?))";
// Zones every language writes the same way: UTC/GMT offsets, tzdata abbreviations
// ("CET", "CEST", "EDT"), "Z" after a time.
constexpr std::string_view kZoneRegex =
    R"(\b(?:UTC|GMT)(?:\s?[+\-\u2212]\s?\d{1,2}(?::?\d\d)?)?(?!\w)|\b[A-Z]{2,4}T\b|\bMSK\b|(?<=\d)Z\b)";

struct BuiltinPatterns {
  std::unique_ptr<icu::RegexPattern> time, zone;
};

const BuiltinPatterns& Builtins() {
  static const BuiltinPatterns* patterns = [] {
    auto* p = new BuiltinPatterns;
    auto time = CompileRegex(kTimeRegex, 0, "time pattern");
    auto zone = CompileRegex(kZoneRegex, 0, "zone pattern");
    if (!time.ok() || !zone.ok()) std::abort();  // constants: the tests compile them
    p->time = std::move(time).value();
    p->zone = std::move(zone).value();
    return p;
  }();
  return *patterns;
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

// Every match of `pattern` in the UTF-8 `text`, as byte spans.
std::vector<Span> FindAll(const icu::RegexPattern& pattern, std::string_view text) {
  std::vector<Span> spans;
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> utext(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &ec));
  std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(ec));
  if (U_FAILURE(ec)) return spans;
  matcher->reset(utext.get());
  while (matcher->find(ec) && U_SUCCESS(ec)) {
    const int64_t begin = matcher->start64(ec);
    const int64_t end = matcher->end64(ec);
    spans.push_back({static_cast<size_t>(begin), static_cast<size_t>(end - begin)});
    if (spans.size() >= 1000) break;  // enough to show the operator
  }
  return spans;
}

bool AnyMatch(const std::vector<std::unique_ptr<icu::RegexPattern>>& patterns,
              std::string_view text) {
  for (const auto& p : patterns) {
    if (!FindAll(*p, text).empty()) return true;
  }
  return false;
}

bool Contains(Span outer, size_t offset) {
  return offset >= outer.offset && offset < outer.offset + outer.length;
}

// State shared by the rules while one body is checked.
class Run {
 public:
  Run(const model::LocalizedBody& body, const ResolvedText& resolved, const LanguageRules* rules,
      const Catalog& catalog, const CheckContext& context, const CheckerConfig& config)
      : body_(body),
        resolved_(resolved),
        text_(resolved.text()),
        rules_(rules),
        catalog_(catalog),
        context_(context),
        config_(config) {
    stats_ = AnalyzeText(text_, body.language, rules ? rules->syllables : SyllableRules{});
  }

  std::vector<Finding> Findings() {
    for (const Span& token : resolved_.invalid_tokens()) {
      Emit("time-token-invalid",
           "this time token does not hold a time such as "
           "{time:2017-11-09T06:21:00Z}",
           token, "");
    }
    TimesWithoutZone();
    if (context_.postmortem) PostmortemLength();
    if (body_.audience == model::Audience::kTechnical) {
      ComponentsMissing();
    } else if (!rules_) {
      Emit("language-unsupported",
           "no checker rules for language '" + body_.language + "': only zones were checked", {},
           "", Severity::kInfo);
    } else {
      Apology();
      RestorationTime();
      Jargon();
      Sentences();
    }
    std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
      return a.span.offset < b.span.offset;
    });
    return std::move(findings_);
  }

 private:
  void Emit(std::string_view rule, std::string message, Span resolved_span, std::string suggestion,
            Severity severity = Severity::kWarning) {
    if (config_.disabled.count(rule)) return;
    Finding f{std::string(rule),
              severity,
              false,
              std::move(message),
              resolved_span.length ? resolved_.ToSource(resolved_span) : Span{},
              std::move(suggestion)};
    // Invalid tokens are already source spans.
    if (rule == "time-token-invalid") f.span = resolved_span;
    if (config_.blocking.count(rule)) {
      f.severity = Severity::kError;
      f.blocking = true;
    }
    findings_.push_back(std::move(f));
  }

  Span SentenceAt(size_t offset) const {
    for (const auto& s : stats_.sentences) {
      if (Contains(s.span, offset)) return s.span;
    }
    return {0, text_.size()};
  }

  std::string Quote(Span span) const {
    return "\"" + text_.substr(span.offset, span.length) + "\"";
  }

  std::string CatalogText(std::string_view key, const MessageArgs& args = {}) const {
    auto text = catalog_.Format(key, args);
    return text.ok() ? std::move(text).value() : std::string();
  }

  void TimesWithoutZone();
  void PostmortemLength();
  void ComponentsMissing();
  void Apology();
  void RestorationTime();
  void Jargon();
  void Sentences();

  const model::LocalizedBody& body_;
  const ResolvedText& resolved_;
  const std::string& text_;
  const LanguageRules* rules_;
  const Catalog& catalog_;
  const CheckContext& context_;
  const CheckerConfig& config_;
  TextStats stats_;
  std::vector<Finding> findings_;
};

void Run::TimesWithoutZone() {
  std::vector<Span> zones = FindAll(*Builtins().zone, text_);
  if (rules_) {
    for (const auto& p : rules_->zone) {
      const auto more = FindAll(*p, text_);
      zones.insert(zones.end(), more.begin(), more.end());
    }
  }
  for (const Span& time : FindAll(*Builtins().time, text_)) {
    const Span sentence = SentenceAt(time.offset);
    const bool zoned = std::any_of(zones.begin(), zones.end(),
                                   [&](const Span& z) { return Contains(sentence, z.offset); });
    if (zoned) continue;
    Emit("time-without-zone", Quote(time) + " does not say in which time zone", time,
         "add the zone (\"14:30 CET\") or write a time token {time:YYYY-MM-DDTHH:MM:SSZ}");
  }
}

void Run::PostmortemLength() {
  const bool general = body_.audience == model::Audience::kGeneral;
  const size_t max = general ? kMaxPostmortemGeneralWords : kMaxPostmortemTechnicalWords;
  if (static_cast<size_t>(stats_.words) <= max) return;
  Emit("postmortem-too-long",
       "this post-mortem has " + std::to_string(stats_.words) + " words (at most " +
           std::to_string(max) + " for the " + std::string(model::ToString(body_.audience)) +
           " version)",
       {},
       general ? "keep what it meant for readers and what will change; move the details to the "
                 "technical version"
               : "shorten the timeline to the steps that matter");
}

void Run::ComponentsMissing() {
  icu::UnicodeString folded = ToUnicode(text_);
  folded.foldCase();
  std::vector<std::string> missing;
  for (const std::string& name : context_.components) {
    icu::UnicodeString n = ToUnicode(name);
    if (n.isEmpty() || folded.indexOf(n.foldCase()) >= 0) continue;
    missing.push_back(name);
  }
  if (missing.empty()) return;
  std::string list;
  for (size_t i = 0; i < missing.size() && i < 10; ++i) list += (i ? ", " : "") + missing[i];
  if (missing.size() > 10) list += ", ...";
  Emit("components-missing",
       "the technical body does not name " + std::to_string(missing.size()) +
           " affected component(s): " + list,
       {}, "list the affected components: " + list);
}

void Run::Apology() {
  const bool needed = context_.kind == model::IncidentKind::kIncident &&
                      (context_.first_update || context_.postmortem ||
                       context_.status == model::IncidentStatus::kResolved);
  if (!needed || AnyMatch(rules_->apology, text_)) return;
  Emit("apology-missing",
       context_.postmortem ? "the post-mortem does not apologise"
       : context_.first_update
           ? "this is the first message these readers get about the incident, and it does not "
             "apologise"
           : "the resolution does not apologise",
       {}, CatalogText("draft.apology"));
}

void Run::RestorationTime() {
  if (context_.kind != model::IncidentKind::kIncident || model::IsClosed(context_.status) ||
      context_.postmortem) {
    return;
  }
  for (const Span& time : FindAll(*Builtins().time, text_)) {
    const Span sentence = SentenceAt(time.offset);
    const std::string_view words(text_.data() + sentence.offset, sentence.length);
    if (AnyMatch(rules_->restoration, words)) return;
  }
  Emit("restoration-time-missing",
       "says neither when service should be back nor when the next update will come", {},
       CatalogText("draft.next_update", {{"time", std::string("14:30 CET")}}));
}

void Run::Jargon() {
  for (const JargonTerm& term : rules_->jargon) {
    for (const Span& match : FindAll(*term.pattern, text_)) {
      Emit("jargon", Quote(match) + " is jargon for a general audience", match, term.suggest);
    }
  }
}

void Run::Sentences() {
  for (const SentenceStats& s : stats_.sentences) {
    if (s.words <= rules_->max_sentence_words) continue;
    Emit("sentence-too-long",
         "this sentence has " + std::to_string(s.words) + " words (at most " +
             std::to_string(rules_->max_sentence_words) + " reads well)",
         s.span, "split it into shorter sentences");
  }
  if (stats_.words < rules_->min_words) return;
  const double score = ReadingEase(rules_->formula, stats_);
  if (score >= rules_->min_score) return;
  const std::string name(DisplayName(rules_->formula));
  Emit("readability-low",
       std::string(name) + " reading ease is " + std::to_string(static_cast<int>(score)) +
           " (at least " + std::to_string(static_cast<int>(rules_->min_score)) + " expected)",
       {}, "use shorter sentences and everyday words");
}

}  // namespace

std::string_view ToString(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

std::span<const std::string_view> RuleIds() { return kRuleIds; }

Status ValidateCheckerConfig(const CheckerConfig& config) {
  const auto known = [](std::string_view id) {
    return std::find(std::begin(kRuleIds), std::end(kRuleIds), id) != std::end(kRuleIds);
  };
  for (const auto& [list, field] : {std::pair{&config.blocking, "checker.blocking"},
                                    std::pair{&config.disabled, "checker.disabled"}}) {
    for (const std::string& id : *list) {
      if (!known(id)) return base::InvalidArgument("unknown checker rule '" + id + "'", field);
    }
  }
  return Status::Ok();
}

bool BlocksPublishing(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.blocking; });
}

Checker::~Checker() = default;
Checker::Checker(Checker&&) noexcept = default;
Checker& Checker::operator=(Checker&&) noexcept = default;

Result<Checker> Checker::Load(std::span<const DataFile> files, const Catalogs& catalogs) {
  Checker checker;
  checker.catalogs_ = &catalogs;
  for (const DataFile& file : files) {
    if (!file.name.starts_with("checker/")) continue;
    PHARE_ASSIGN_OR_RETURN(auto rules, ParseLanguageRules(file));
    const std::string language = rules->language;
    checker.rules_.emplace(language, std::move(rules));
  }
  return checker;
}

const Checker& Checker::Builtin() {
  static const Checker* builtin = [] {
    auto loaded = Load(EmbeddedFiles(), Catalogs::Builtin());
    if (!loaded.ok()) {
      std::cerr << "phare: embedded checker rules are invalid: " << loaded.status().ToString()
                << "\n";
      std::abort();
    }
    return new Checker(std::move(loaded).value());
  }();
  return *builtin;
}

std::vector<std::string> Checker::Languages() const {
  std::vector<std::string> languages;
  for (const auto& [language, rules] : rules_) languages.push_back(language);
  return languages;
}

Result<std::vector<Finding>> Checker::Check(const model::LocalizedBody& body,
                                            const CheckContext& context,
                                            const CheckerConfig& config) const {
  if (body.body.size() > model::kMaxBodyBytes) {
    return base::InvalidArgument(
        "body is larger than " + std::to_string(model::kMaxBodyBytes) + " bytes", "body");
  }
  const Catalog* catalog = catalogs_->Find(body.language);
  if (!catalog) catalog = &catalogs_->Default();
  PHARE_ASSIGN_OR_RETURN(TimeFormatter formatter, TimeFormatter::Create(*catalog, context.zone));
  const ResolvedText resolved = ResolveTimes(body.body, formatter, context.reference);
  const auto it = rules_.find(body.language);
  const LanguageRules* rules = it == rules_.end() ? nullptr : it->second.get();
  return Run(body, resolved, rules, *catalog, context, config).Findings();
}

}  // namespace phare::comms
