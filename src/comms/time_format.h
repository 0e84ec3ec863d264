// Instants formatted for a reader: in their language (ICU, CLDR patterns) and their time
// zone, always with the zone shown: "2:30 PM CET", "14:30 (heure de Paris)".
//
// Zone rules come from the operating system's tzdata through base::Zone (date/tz), never
// from ICU's own copy of tzdata, which lags behind (ICU 72 ships 2022e and still puts
// America/Mexico_City on summer time in 2023). For each instant the formatter asks
// base::Zone for the offset in effect and gives ICU a fixed-offset SimpleTimeZone, so the
// digits always agree with the rest of phare. ICU supplies only the locale's patterns
// and the localized city name of the zone. How the zone is labelled is a catalog message
// (time.zone, time.at), so each language chooses.
//
// A TimeFormatter holds ICU formatters, which are not thread-safe: use one per thread
// (or per rendering), it is cheap to create. Movable, not copyable.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/status.h"
#include "base/time.h"
#include "comms/catalog.h"

namespace phare::comms {

class TimeFormatter {
 public:
  // A formatter for readers of `catalog`'s language in `zone`. `catalog` must outlive it.
  // Internal if ICU cannot build the locale's date patterns.
  static base::Result<TimeFormatter> Create(const Catalog& catalog, base::Zone zone);
  ~TimeFormatter();
  TimeFormatter(TimeFormatter&&) noexcept;
  TimeFormatter& operator=(TimeFormatter&&) noexcept;

  const base::Zone& zone() const;

  // The label of the zone at `t`: "CET" / "CEST" in English, "heure de Paris" in French;
  // an offset ("UTC+3") when tzdata has no letters or ICU no city for the zone.
  std::string ZoneLabel(base::Time t) const;
  // The local time with its zone: "2:30 PM CET", "14:30 (heure de Paris)".
  std::string FormatTime(base::Time t) const;
  // Weekday, day, month (and year when `with_year`), time and zone:
  // "Thursday, November 9 at 2:30 PM CET", "jeudi 9 novembre à 14:30 (heure de Paris)".
  std::string FormatDateTime(base::Time t, bool with_year = false) const;
  // The local date only: "Thursday, November 9, 2017", "jeudi 9 novembre 2017".
  std::string FormatDate(base::Time t) const;
  // FormatTime when `t` falls on the same local day as `reference`, FormatDateTime when
  // it does not (with the year when that differs too, or when there is no reference).
  std::string Format(base::Time t, std::optional<base::Time> reference) const;

 private:
  struct Impl;
  explicit TimeFormatter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The city of an IANA zone in `language` ("Paris", "Mexico" in French), or "" (UTC, or a
// zone ICU names no city for).
std::string ZoneCity(const std::string& language, const std::string& iana);
// True when `text` begins with a vowel (French writes "heure d'Athènes").
bool StartsWithVowel(const std::string& text);

// "UTC", "UTC+1", "UTC+5:30", "UTC-3": an offset as a zone label.
std::string OffsetLabel(std::chrono::seconds offset);

}  // namespace phare::comms
