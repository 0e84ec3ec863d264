#include "base/time.h"

#include <date/date.h>
#include <date/tz.h>

#include <sstream>

namespace phare::base {
namespace {

const date::time_zone* Tz(const void* p) { return static_cast<const date::time_zone*>(p); }

// Tries `format` on the whole of `text`; true if it parsed and nothing is left over.
template <class TimePoint>
bool ParseWhole(std::string_view text, const char* format, TimePoint& out,
                std::chrono::minutes* offset = nullptr) {
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

}  // namespace

Result<Time> ParseTime(std::string_view text) {
  if (text.size() < 16 || text.size() > 40) {
    return InvalidArgument("'" + std::string(text) + "' is not an RFC 3339 time");
  }
  const std::string s = Normalize(text);
  Time t;
  // Offsets first ("+01:00", "+0100"), then the UTC designator.
  for (const char* format : {"%FT%T%Ez", "%FT%R%Ez", "%FT%T%z", "%FT%R%z"}) {
    if (ParseWhole(s, format, t)) return t;
  }
  for (const char* format : {"%FT%TZ", "%FT%RZ"}) {
    if (ParseWhole(s, format, t)) return t;
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
      return date::make_zoned(Tz(tz_), local, date::choose::earliest).get_sys_time();
    }
  }
  return InvalidArgument("'" + std::string(text) +
                         "' is not a local time such as 2017-11-09 07:21");
}

}  // namespace phare::base
