#include "comms/spoken.h"

#include <unicode/dtfmtsym.h>
#include <unicode/fieldpos.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>

#include <chrono>

#include "comms/icu_util.h"
#include "comms/time_format.h"

namespace phare::comms {
namespace {

using base::Result;

// A local instant broken down: what the catalog's patterns choose by.
struct LocalParts {
  int hour = 0;
  int minute = 0;
  int day = 1;
  unsigned month = 1;    // 1..12
  unsigned weekday = 0;  // 0 = Sunday
  std::chrono::sys_days date{};
};

LocalParts Split(base::Time t, const base::Zone& zone) {
  using namespace std::chrono;
  const auto local = t + duration_cast<milliseconds>(zone.Offset(t));
  const auto date = floor<days>(local);
  const year_month_day ymd{date};
  const hh_mm_ss hms{floor<minutes>(local - date)};
  return {static_cast<int>(hms.hours().count()),
          static_cast<int>(hms.minutes().count()),
          static_cast<int>(static_cast<unsigned>(ymd.day())),
          static_cast<unsigned>(ymd.month()),
          weekday{date}.c_encoding(),
          date};
}

std::string PeriodOf(int hour) {
  if (hour < 6) return "night";
  if (hour < 12) return "morning";
  if (hour < 18) return "afternoon";
  return "evening";
}

}  // namespace

struct SpokenWords::Impl {
  const Catalog* catalog = nullptr;
  base::Zone zone = base::Zone::Utc();
  std::chrono::sys_days today{};
  std::unique_ptr<icu::RuleBasedNumberFormat> spell;
  icu::UnicodeString hour_rules;  // the catalog's rule set for hours; empty: the default
  std::unique_ptr<icu::DateFormatSymbols> symbols;

  // `n` spelled with rule set `rules` (the default one when empty or unknown here).
  std::string Spell(int64_t n, const icu::UnicodeString& rules) const {
    icu::UnicodeString out;
    icu::FieldPosition pos;
    UErrorCode ec = U_ZERO_ERROR;
    if (!rules.isEmpty()) {
      spell->format(n, rules, out, pos, ec);
      if (U_SUCCESS(ec)) return ToUtf8(out);
      out.remove();
    }
    spell->format(n, out);
    return ToUtf8(out);
  }
};

SpokenWords::SpokenWords(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SpokenWords::~SpokenWords() = default;
SpokenWords::SpokenWords(SpokenWords&&) noexcept = default;
SpokenWords& SpokenWords::operator=(SpokenWords&&) noexcept = default;

Result<SpokenWords> SpokenWords::Create(const Catalog& catalog, base::Zone zone, base::Time now) {
  const icu::Locale locale(catalog.language().c_str());
  auto impl = std::make_unique<Impl>();
  impl->catalog = &catalog;
  impl->zone = zone;
  impl->today = Split(now, zone).date;
  UErrorCode ec = U_ZERO_ERROR;
  impl->spell = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, locale, ec);
  if (U_FAILURE(ec)) return IcuError("spellout rules for '" + catalog.language() + "'", ec);
  impl->symbols = std::make_unique<icu::DateFormatSymbols>(locale, ec);
  if (U_FAILURE(ec)) return IcuError("date symbols for '" + catalog.language() + "'", ec);
  // "default": the locale's default spellout rule set.
  if (auto rules = catalog.Format("hotline.number_rules"); rules.ok() && *rules != "default") {
    impl->hour_rules = ToUnicode(*rules);
  }
  return SpokenWords(std::move(impl));
}

std::string SpokenWords::Number(int64_t n) const { return impl_->Spell(n, {}); }

Result<std::string> SpokenWords::TimeOfDay(base::Time t) const {
  const LocalParts p = Split(t, impl_->zone);
  const int h12 = p.hour % 12 == 0 ? 12 : p.hour % 12;
  const char* special = p.minute != 0  ? "no"
                        : p.hour == 0  ? "midnight"
                        : p.hour == 12 ? "noon"
                                       : "no";
  return impl_->catalog->Format("hotline.time",
                                {{"h", int64_t{p.hour}},
                                 {"h12", int64_t{h12}},
                                 {"m", int64_t{p.minute}},
                                 {"hour", impl_->Spell(p.hour, impl_->hour_rules)},
                                 {"hour12", impl_->Spell(h12, impl_->hour_rules)},
                                 {"minute", impl_->Spell(p.minute, {})},
                                 {"small", std::string(p.minute < 10 ? "yes" : "no")},
                                 {"period", PeriodOf(p.hour)},
                                 {"special", std::string(special)}});
}

Result<std::string> SpokenWords::Date(base::Time t) const {
  const LocalParts p = Split(t, impl_->zone);
  int32_t weekdays = 0;
  int32_t months = 0;
  const icu::UnicodeString* weekday_names = impl_->symbols->getWeekdays(
      weekdays, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
  const icu::UnicodeString* month_names = impl_->symbols->getMonths(
      months, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
  // ICU's weekdays start at index 1 (Sunday); months at 0 (January).
  const auto weekday_index = static_cast<int32_t>(p.weekday) + 1;
  const auto month_index = static_cast<int32_t>(p.month) - 1;
  if (weekday_index >= weekdays || month_index >= months) {
    return base::Internal("ICU date symbols are incomplete for " + impl_->catalog->language());
  }
  return impl_->catalog->Format("hotline.date",
                                {{"weekday", ToUtf8(weekday_names[weekday_index])},
                                 {"month", ToUtf8(month_names[month_index])},
                                 {"d", int64_t{p.day}},
                                 {"day", impl_->Spell(p.day, {})},
                                 {"day_ordinal", impl_->Spell(p.day, u"%spellout-ordinal")}});
}

Result<std::string> SpokenWords::When(base::Time t) const {
  PHARE_ASSIGN_OR_RETURN(std::string time, TimeOfDay(t));
  if (Split(t, impl_->zone).date == impl_->today) return time;
  PHARE_ASSIGN_OR_RETURN(std::string date, Date(t));
  return impl_->catalog->Format("hotline.at_date", {{"date", date}, {"time", time}});
}

Result<std::string> SpokenWords::Zone() const {
  std::string city = ZoneCity(impl_->catalog->language(), impl_->zone.name());
  if (impl_->zone.Offset(base::Time{}) == std::chrono::seconds(0) &&
      impl_->zone.name().find('/') == std::string::npos) {
    city.clear();  // "UTC", "Etc"...: universal time, not a city's
  }
  return impl_->catalog->Format(
      "hotline.zone", {{"city", city},
                       {"has_city", std::string(city.empty() ? "no" : "yes")},
                       {"city_elision", std::string(StartsWithVowel(city) ? "yes" : "no")}});
}

}  // namespace phare::comms
