// Numbers, times and dates as a voice says them in one language, for the phone line's
// script (hotline_script.h): "quatorze heures trente", "two thirty in the afternoon",
// "Thursday, November ninth, at ten o'clock in the morning". Numbers are spelled by
// ICU's rule-based spellout (URBNF_SPELLOUT) for the catalog's locale; how a time or a
// date is put together is the catalog's (hotline.time, hotline.date, hotline.at_date,
// hotline.zone), so each language chooses its words. Local times come from base::Zone
// (the system's tzdata), as in time_format.h.
//
// A SpokenWords holds ICU formatters, which are not thread-safe: one per thread (or per
// script). Movable, not copyable.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "base/time.h"
#include "comms/catalog.h"

namespace phare::comms {

class SpokenWords {
 public:
  // Words for readers of `catalog`'s language in `zone`, "today" being the local day of
  // `now`. `catalog` must outlive it. Internal if ICU has no spellout rules for the
  // language.
  static base::Result<SpokenWords> Create(const Catalog& catalog, base::Zone zone, base::Time now);
  ~SpokenWords();
  SpokenWords(SpokenWords&&) noexcept;
  SpokenWords& operator=(SpokenWords&&) noexcept;

  // "forty thousand three hundred eighty-six"; "quarante mille trois cent quatre-vingt-six".
  std::string Number(int64_t n) const;
  // The time of day at `t` when it falls on today's local date; else its date and time.
  // Errors of the catalog's patterns.
  base::Result<std::string> When(base::Time t) const;
  // How the zone is said: "Paris time", "heure de Paris".
  base::Result<std::string> Zone() const;

 private:
  struct Impl;
  explicit SpokenWords(std::unique_ptr<Impl> impl);
  base::Result<std::string> TimeOfDay(base::Time t) const;
  base::Result<std::string> Date(base::Time t) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace phare::comms
