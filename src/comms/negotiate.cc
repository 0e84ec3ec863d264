#include "comms/negotiate.h"

#include <unicode/localematcher.h>
#include <unicode/locid.h>

#include <optional>

#include "comms/icu_util.h"

namespace phare::comms {
namespace {

std::optional<icu::Locale> ParseTag(std::string_view tag) {
  if (tag.empty() || tag.size() > kMaxLanguageTagBytes) return std::nullopt;
  UErrorCode ec = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), tag.size()), ec);
  if (U_FAILURE(ec) || locale.isBogus() || std::string_view(locale.getLanguage()).empty()) {
    return std::nullopt;
  }
  return locale;
}

}  // namespace

std::string_view ToString(ChoiceSource source) {
  switch (source) {
    case ChoiceSource::kQuery:
      return "query";
    case ChoiceSource::kCookie:
      return "cookie";
    case ChoiceSource::kHeader:
      return "header";
    case ChoiceSource::kDefault:
      return "default";
  }
  return "default";
}

struct LanguageNegotiator::Impl {
  std::vector<std::string> languages;  // index = supported index in the matcher
  std::string default_language;
  std::optional<icu::LocaleMatcher> matcher;

  // The shipped language best matching `desired`, if any matches at all.
  std::optional<std::string> Match(const icu::LocaleMatcher::Result& result) const {
    const int32_t index = result.getSupportedIndex();
    if (result.getDesiredIndex() < 0 || index < 0) return std::nullopt;
    return languages[static_cast<size_t>(index)];
  }
};

LanguageNegotiator::LanguageNegotiator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LanguageNegotiator::~LanguageNegotiator() = default;
LanguageNegotiator::LanguageNegotiator(LanguageNegotiator&&) noexcept = default;
LanguageNegotiator& LanguageNegotiator::operator=(LanguageNegotiator&&) noexcept = default;

base::Result<LanguageNegotiator> LanguageNegotiator::Create(
    const std::vector<std::string>& languages, std::string_view default_language) {
  auto impl = std::make_unique<Impl>();
  icu::LocaleMatcher::Builder builder;
  bool has_default = false;
  for (const std::string& language : languages) {
    const auto locale = ParseTag(language);
    if (!locale) return base::InvalidArgument("'" + language + "' is not a language tag");
    builder.addSupportedLocale(*locale);
    impl->languages.push_back(language);
    has_default = has_default || language == default_language;
  }
  if (!has_default) {
    return base::InvalidArgument("default language '" + std::string(default_language) +
                                 "' is not among the shipped languages");
  }
  // No default locale in the matcher: "no match" must stay distinguishable.
  builder.setNoDefaultLocale();
  UErrorCode ec = U_ZERO_ERROR;
  impl->matcher.emplace(builder.build(ec));
  if (U_FAILURE(ec)) return IcuError("language matcher", ec);
  impl->default_language = std::string(default_language);
  return LanguageNegotiator(std::move(impl));
}

LanguageChoice LanguageNegotiator::Choose(const LanguageRequest& request) const {
  for (const auto& [value, source] : {std::pair{request.query, ChoiceSource::kQuery},
                                      std::pair{request.cookie, ChoiceSource::kCookie}}) {
    const auto locale = ParseTag(value);
    if (!locale) continue;
    UErrorCode ec = U_ZERO_ERROR;
    const auto result = impl_->matcher->getBestMatchResult(*locale, ec);
    if (U_FAILURE(ec)) continue;
    if (auto language = impl_->Match(result)) return {*language, source};
  }
  const std::string_view header = request.accept_language;
  if (!header.empty() && header.size() <= kMaxAcceptLanguageBytes) {
    UErrorCode ec = U_ZERO_ERROR;
    // Parses "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5" with its q-values.
    const icu::Locale* best = impl_->matcher->getBestMatchForListString(
        icu::StringPiece(header.data(), static_cast<int32_t>(header.size())), ec);
    if (U_SUCCESS(ec) && best) {
      for (const std::string& language : impl_->languages) {
        if (language == best->toLanguageTag<std::string>(ec))
          return {language, ChoiceSource::kHeader};
      }
    }
  }
  return {impl_->default_language, ChoiceSource::kDefault};
}

ZoneChoice NegotiateZone(std::string_view query, std::string_view cookie,
                         const base::Zone& page_default) {
  for (const auto& [value, source] :
       {std::pair{query, ChoiceSource::kQuery}, std::pair{cookie, ChoiceSource::kCookie}}) {
    if (value.empty()) continue;
    auto zone = base::Zone::Find(value);
    if (zone.ok()) return {*zone, source};
  }
  return {page_default, ChoiceSource::kDefault};
}

}  // namespace phare::comms
