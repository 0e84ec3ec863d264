#include "base/time.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace phare::base {
namespace {

const date::time_zone* Tz(const void* p) { return static_cast<const date::time_zone*>(p); }

// Whether `text` holds "HH:MM:S" right after its first 'T', where %T reads it.
bool SecondsReadable(std::string_view text) {
  const size_t t = text.find('T');
  if (t == std::string_view::npos || text.size() < t + 8) return false;
  const std::string_view hms = text.substr(t + 1, 7);
  for (size_t i = 0; i < hms.size(); ++i) {
    const bool ok =
        i == 2 || i == 5 ? hms[i] == ':' : std::isdigit(static_cast<unsigned char>(hms[i]));
    if (!ok) return false;
  }
  return true;
}

// Whether a '-' after the 'T' (where %z reads a negative offset) is followed by two digits.
bool OffsetReadable(std::string_view text) {
  const size_t t = text.find('T');
  const size_t minus = t == std::string_view::npos ? t : text.find('-', t);
  if (minus == std::string_view::npos) return true;
  return text.size() >= minus + 3 && std::isdigit(static_cast<unsigned char>(text[minus + 1])) &&
         std::isdigit(static_cast<unsigned char>(text[minus + 2]));
}

// Tries `format` on the whole of `text`; true if it parsed and nothing is left over.
template <class TimePoint>
bool ParseWhole(std::string_view text, const char* format, TimePoint& out,
                std::chrono::minutes* offset = nullptr) {
  // date::parse's %T reads the seconds into an uninitialized long double, which it
  // converts even when the hours, minutes or seconds could not be read (date.h, case
  // 'T'): undefined behaviour, found by fuzzing under UBSan. %T is only tried on text
  // whose seconds are there. Likewise %z negates its offset, unread ("not an offset", the
  // smallest value: an overflow) when the hours after a '-' cannot be read.
  const std::string_view f(format);
  if (f.find("%T") != std::string_view::npos && !SecondsReadable(text)) return false;
  if (f.find('z') != std::string_view::npos && !OffsetReadable(text)) return false;
  std::istringstream in{std::string(text)};
  in.imbue(std::locale::classic());
  if (offset) {
    in >> date::parse(format, out, *offset);
  } else {
    in >> date::parse(format, out);
  }
  if (in.fail()) return false;
  return in.peek() == std::char_traits<char>::eof();
}

std::string Normalize(std::string_view text) {
  std::string s(text);
  if (s.size() > 10 && s[10] == ' ') s[10] = 'T';
  if (!s.empty() && (s.back() == 'z')) s.back() = 'Z';
  if (s.size() > 10 && s[10] == 't') s[10] = 'T';
  return s;
}

// Years 1970 to 9999: the instants phare stores and formats back as four digits.
constexpr auto kFirstDay = date::sys_days{date::year{1970} / 1 / 1};
constexpr auto kPastLastDay = date::sys_days{date::year{10000} / 1 / 1};
template <class TimePoint>
bool InRange(TimePoint t) {
  return t >= kFirstDay && t < kPastLastDay;
}

// Whether the zone designator ending `s` ("Z", "+01:00", "-0530") is a real offset:
// within ±18:00, minutes below 60.
bool SaneOffset(std::string_view s) {
  if (!s.empty() && s.back() == 'Z') return true;
  std::string digits;
  size_t i = s.size();
  while (i > 0 && (std::isdigit(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == ':')) {
    --i;
    if (s[i] != ':') digits.insert(digits.begin(), s[i]);
    if (digits.size() == 4) break;
  }
  if (digits.size() != 4) return false;
  const int hours = std::stoi(digits.substr(0, 2));
  const int minutes = std::stoi(digits.substr(2));
  return minutes < 60 && hours * 60 + minutes <= 18 * 60;
}

Status OutOfRange(std::string_view text) {
  return InvalidArgument("'" + std::string(text) +
                         "' is out of range: years 1970 to 9999, offsets within ±18:00");
}

}  // namespace

Result<Time> ParseTime(std::string_view text) {
  if (text.size() < 16 || text.size() > 40) {
    return InvalidArgument("'" + std::string(text) + "' is not an RFC 3339 time");
  }
  const std::string s = Normalize(text);
  Time t;
  // Offsets first ("+01:00", "+0100"), then the UTC designator.
  // A year must be four digits: date::parse also takes "-001" and "12345".
  const bool four_digit_year =
      s.size() > 4 && s[4] == '-' &&
      std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  for (const char* format : {"%FT%T%Ez", "%FT%R%Ez", "%FT%T%z", "%FT%R%z", "%FT%TZ", "%FT%RZ"}) {
    if (!ParseWhole(s, format, t)) continue;
    if (!four_digit_year || !SaneOffset(s) || !InRange(t)) return OutOfRange(text);
    return t;
  }
  return InvalidArgument("'" + std::string(text) +
                         "' is not an RFC 3339 time with a zone, such as 2017-11-09T06:21:00Z");
}

std::string FormatUtc(Time t) { return date::format("%FT%TZ", t); }

Result<std::string> ValidateDate(std::string_view text) {
  date::sys_days d;
  if (text.size() != 10 || !ParseWhole(text, "%F", d)) {
    return InvalidArgument("'" + std::string(text) + "' is not a date such as 2017-11-09");
  }
  if (!InRange(d)) return OutOfRange(text);
  return date::format("%F", d);
}

Result<Zone> Zone::Find(std::string_view iana_name) {
  if (iana_name.empty() || iana_name.size() > 64) {
    return InvalidArgument("'" + std::string(iana_name) + "' is not a time zone name");
  }
  try {
    return Zone(date::locate_zone(iana_name));
  } catch (const std::exception&) {
    return InvalidArgument("unknown time zone '" + std::string(iana_name) +
                           "' (expected an IANA name such as Europe/Paris)");
  }
}

Zone Zone::Utc() {
  static const date::time_zone* utc = date::locate_zone("UTC");
  return Zone(utc);
}

const std::string& Zone::name() const { return Tz(tz_)->name(); }

std::chrono::seconds Zone::Offset(Time t) const { return Tz(tz_)->get_info(t).offset; }

std::string Zone::Abbreviation(Time t) const { return Tz(tz_)->get_info(t).abbrev; }

std::string Zone::FormatRfc3339(Time t) const {
  return date::format("%FT%T%Ez", date::make_zoned(Tz(tz_), t));
}

std::string Zone::Format(Time t, const char* format) const {
  return date::format(format,
                      date::make_zoned(Tz(tz_), std::chrono::floor<std::chrono::seconds>(t)));
}

Result<Time> Zone::ParseLocal(std::string_view text) const {
  const std::string s = Normalize(text);
  date::local_time<std::chrono::milliseconds> local;
  for (const char* format : {"%FT%T", "%FT%R"}) {
    if (ParseWhole(s, format, local)) {
      const Time t = date::make_zoned(Tz(tz_), local, date::choose::earliest).get_sys_time();
      if (!InRange(t)) return OutOfRange(text);
      return t;
    }
  }
  return InvalidArgument("'" + std::string(text) +
                         "' is not a local time such as 2017-11-09 07:21");
}

}  // namespace phare::base
