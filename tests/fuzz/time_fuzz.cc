// Fuzz target: time as it arrives in requests, configuration and the CLI: RFC 3339
// instants (base::ParseTime), start dates (ValidateDate), zone names (Zone::Find) and
// local wall times in a zone (Zone::ParseLocal). What parses must format back and parse
// again to the same instant; anything else aborts (a finding).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/time.h"

namespace {

namespace base = phare::base;

void CheckRoundTrip(base::Time t, const base::Zone& zone) {
  auto utc = base::ParseTime(base::FormatUtc(t));
  if (!utc.ok() || *utc != t) std::abort();
  // In the zone, only when the local year is one ParseTime accepts (1970-9999).
  const std::string in_zone = zone.FormatRfc3339(t);
  if (in_zone.size() > 4 && in_zone[4] == '-' && in_zone.substr(0, 4) >= "1970") {
    auto local = base::ParseTime(in_zone);
    if (!local.ok() || *local != t) std::abort();
  }
  (void)zone.Abbreviation(t);
  (void)zone.Format(t, "%Y-%m-%d %H:%M %Z");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const base::Zone paris = *base::Zone::Find("Europe/Paris");
  if (auto t = base::ParseTime(text); t.ok()) CheckRoundTrip(*t, paris);
  (void)base::ValidateDate(text);
  // "ZONE|LOCAL": a zone name and a wall time in it; else the text in Paris.
  const size_t bar = text.find('|');
  base::Zone zone = paris;
  std::string_view local = text;
  if (bar != std::string_view::npos) {
    auto found = base::Zone::Find(text.substr(0, bar));
    if (!found.ok()) return 0;
    zone = *found;
    local = text.substr(bar + 1);
  }
  if (auto t = zone.ParseLocal(local); t.ok()) CheckRoundTrip(*t, zone);
  return 0;
}
