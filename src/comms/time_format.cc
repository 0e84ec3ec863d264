#include "comms/time_format.h"

#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/simpletz.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <mutex>

#include "comms/icu_util.h"

namespace phare::comms {
namespace {

using base::Result;

enum class Pattern { kTime, kDateTime, kDateTimeYear, kDate, kCount };

constexpr const char16_t* kSkeletons[] = {u"jmm", u"MMMMEEEEdjmm", u"yMMMMEEEEdjmm", u"yMMMMEEEEd"};

// ICU 72 (CLDR 42) puts a narrow no-break space before "AM"/"PM"; plain text channels
// (SMS, e-mail text parts) handle an ordinary space better.
std::string Plain(const icu::UnicodeString& text) {
  icu::UnicodeString copy(text);
  copy.findAndReplace(icu::UnicodeString(u'\u202F'), icu::UnicodeString(u' '));
  return ToUtf8(copy);
}

using Patterns = std::array<icu::UnicodeString, static_cast<size_t>(Pattern::kCount)>;

// The locale's best patterns for kSkeletons. Building a DateTimePatternGenerator takes
// about 0.2 ms, so the patterns are computed once per language and kept.
Result<Patterns> PatternsFor(const std::string& language, const icu::Locale& locale) {
  static std::mutex mutex;
  static std::map<std::string, Patterns>* cache = new std::map<std::string, Patterns>;
  std::lock_guard<std::mutex> lock(mutex);  // guards `cache`
  if (auto it = cache->find(language); it != cache->end()) return it->second;
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, ec));
  if (U_FAILURE(ec)) return IcuError("date patterns for '" + language + "'", ec);
  Patterns patterns;
  for (size_t i = 0; i < patterns.size(); ++i) {
    patterns[i] = generator->getBestPattern(kSkeletons[i], ec);
    if (U_FAILURE(ec)) return IcuError("date patterns for '" + language + "'", ec);
  }
  return cache->emplace(language, patterns).first->second;
}

}  // namespace

std::string ZoneCity(const std::string& language, const std::string& iana) {
  const icu::Locale locale(language.c_str());
  UErrorCode ec = U_ZERO_ERROR;
  icu::UnicodeString canonical;
  UBool is_system = false;
  icu::TimeZone::getCanonicalID(ToUnicode(iana), canonical, is_system, ec);
  if (U_FAILURE(ec) || !is_system) return {};
  std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(locale, ec));
  if (U_FAILURE(ec)) return {};
  icu::UnicodeString city;
  names->getExemplarLocationName(canonical, city);
  return Plain(city);
}

bool StartsWithVowel(const std::string& text) {
  if (text.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(text[0]);
  // Non-ASCII initials ("É", "Î") are vowels in the languages phare ships.
  if (c >= 0x80) return text.starts_with("\xC3");
  return std::string_view("aeiouyAEIOUY").find(static_cast<char>(c)) != std::string_view::npos;
}

struct TimeFormatter::Impl {
  const Catalog* catalog;
  base::Zone zone;
  std::string city;
  std::unique_ptr<icu::SimpleDateFormat> formats[static_cast<int>(Pattern::kCount)];

  std::string Local(Pattern which, base::Time t) const {
    icu::SimpleDateFormat& format = *formats[static_cast<int>(which)];
    const auto offset = std::chrono::duration_cast<std::chrono::milliseconds>(zone.Offset(t));
    format.setTimeZone(icu::SimpleTimeZone(static_cast<int32_t>(offset.count()), u"phare"));
    icu::UnicodeString out;
    format.format(static_cast<UDate>(base::ToMillis(t)), out);
    return Plain(out);
  }

  std::string WithZone(std::string local, base::Time t, const TimeFormatter& self) const {
    auto text =
        catalog->Format("time.at", {{"time", std::move(local)}, {"zone", self.ZoneLabel(t)}});
    return text.ok() ? std::move(text).value() : std::string();
  }
};

TimeFormatter::TimeFormatter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TimeFormatter::~TimeFormatter() = default;
TimeFormatter::TimeFormatter(TimeFormatter&&) noexcept = default;
TimeFormatter& TimeFormatter::operator=(TimeFormatter&&) noexcept = default;

Result<TimeFormatter> TimeFormatter::Create(const Catalog& catalog, base::Zone zone) {
  const icu::Locale locale(catalog.language().c_str());
  PHARE_ASSIGN_OR_RETURN(const Patterns patterns, PatternsFor(catalog.language(), locale));
  auto impl =
      std::make_unique<Impl>(Impl{&catalog, zone, ZoneCity(catalog.language(), zone.name()), {}});
  UErrorCode ec = U_ZERO_ERROR;
  for (size_t i = 0; i < patterns.size(); ++i) {
    impl->formats[i] = std::make_unique<icu::SimpleDateFormat>(patterns[i], locale, ec);
    if (U_FAILURE(ec)) return IcuError("date format for '" + catalog.language() + "'", ec);
  }
  return TimeFormatter(std::move(impl));
}

const base::Zone& TimeFormatter::zone() const { return impl_->zone; }

std::string TimeFormatter::ZoneLabel(base::Time t) const {
  const std::string offset = OffsetLabel(impl_->zone.Offset(t));
  std::string abbrev = impl_->zone.Abbreviation(t);
  // tzdata writes "+03" for zones without letters: say "UTC+3" instead.
  if (abbrev.empty() || !std::isalpha(static_cast<unsigned char>(abbrev[0]))) abbrev = offset;
  const std::string& city = impl_->city;
  auto label = impl_->catalog->Format(
      "time.zone", {{"abbrev", abbrev},
                    {"offset", offset},
                    {"city", city},
                    {"has_city", std::string(city.empty() ? "no" : "yes")},
                    {"city_elision", std::string(StartsWithVowel(city) ? "yes" : "no")}});
  return label.ok() ? std::move(label).value() : abbrev;
}

std::string TimeFormatter::FormatTime(base::Time t) const {
  return impl_->WithZone(impl_->Local(Pattern::kTime, t), t, *this);
}

std::string TimeFormatter::FormatDateTime(base::Time t, bool with_year) const {
  return impl_->WithZone(impl_->Local(with_year ? Pattern::kDateTimeYear : Pattern::kDateTime, t),
                         t, *this);
}

std::string TimeFormatter::FormatDate(base::Time t) const {
  return impl_->Local(Pattern::kDate, t);
}

std::string TimeFormatter::Format(base::Time t, std::optional<base::Time> reference) const {
  if (!reference) return FormatDateTime(t, true);
  const char* kDay = "%F";
  const std::string day = impl_->zone.Format(t, kDay);
  const std::string reference_day = impl_->zone.Format(*reference, kDay);
  if (day == reference_day) return FormatTime(t);
  return FormatDateTime(t, day.substr(0, 4) != reference_day.substr(0, 4));
}

std::string OffsetLabel(std::chrono::seconds offset) {
  const auto total = offset.count();
  if (total == 0) return "UTC";
  const auto magnitude = std::llabs(total);
  std::string label =
      std::string("UTC") + (total < 0 ? "-" : "+") + std::to_string(magnitude / 3600);
  if (const auto minutes = (magnitude % 3600) / 60; minutes != 0) {
    label += (minutes < 10 ? ":0" : ":") + std::to_string(minutes);
  }
  return label;
}

}  // namespace phare::comms
