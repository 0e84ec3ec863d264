// Instants and time zones.
//
// phare stores and computes every instant in UTC (`Time`, millisecond precision)
// and converts to a reader's zone only when rendering, through the system's tzdata
// (Howard Hinnant's date/tz, DST rules included). `Zone` is a cheap, copyable handle
// to an IANA zone; it is thread-safe (tzdata is loaded once and never modified).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace phare::base {

using Time = std::chrono::sys_time<std::chrono::milliseconds>;
using Duration = std::chrono::milliseconds;

inline int64_t ToMillis(Time t) { return t.time_since_epoch().count(); }
inline Time FromMillis(int64_t ms) { return Time(Duration(ms)); }

// Parses an RFC 3339 / ISO 8601 instant: "2017-11-09T06:21:00Z",
// "2017-11-09T07:21:00.000+01:00", "2017-11-09T06:21Z" and the same with a space
// instead of 'T'. An instant without a zone designator is rejected (it is
// ambiguous), as is anything after the designator, a year outside 1970-9999 and an
// offset beyond ±18:00 (InvalidArgument "out of range").
Result<Time> ParseTime(std::string_view text);

// "2017-11-09T06:21:00.000Z".
std::string FormatUtc(Time t);

// "2017-11-09" in UTC, for start dates; years 1970 to 9999.
Result<std::string> ValidateDate(std::string_view yyyy_mm_dd);

class Zone {
 public:
  // The zone named `iana_name` ("Europe/Paris", "UTC"); InvalidArgument if tzdata
  // has no such zone.
  static Result<Zone> Find(std::string_view iana_name);
  static Zone Utc();

  const std::string& name() const;

  // Offset from UTC in effect at `t` (DST included).
  std::chrono::seconds Offset(Time t) const;
  // Abbreviation in effect at `t` ("CET", "CEST", "EST"); tzdata's own, which for some
  // zones is a numeric offset such as "+03".
  std::string Abbreviation(Time t) const;
  // "2017-11-09T07:21:00.000+01:00": Statuspage's timestamp format in this zone.
  std::string FormatRfc3339(Time t) const;
  // strftime-like formatting of the local time at `t` with date::format, e.g.
  // "%Y-%m-%d %H:%M %Z". Non-locale-aware; see comms for localized dates.
  std::string Format(Time t, const char* format) const;
  // Interprets a local wall time ("2017-11-09 07:21" or "2017-11-09T07:21:00") in this
  // zone. Ambiguous or non-existent local times (DST changes) resolve to the earlier
  // instant. Years 1970 to 9999.
  Result<Time> ParseLocal(std::string_view text) const;

  friend bool operator==(const Zone& a, const Zone& b) { return a.tz_ == b.tz_; }

 private:
  explicit Zone(const void* tz) : tz_(tz) {}
  const void* tz_;  // const date::time_zone*, opaque to keep <date/tz.h> out of headers
};

}  // namespace phare::base
