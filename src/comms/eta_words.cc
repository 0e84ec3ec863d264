#include "comms/eta_words.h"

namespace phare::comms {

bool IsLate(const model::Estimate& e, base::Time now) {
  const bool promised = e.expected_by != base::Time{};
  return e.late || (promised && e.expected_by <= now);
}

std::string ExpectedBackLine(const Reader& reader, const model::Estimate& e, base::Time now,
                             const TimeWords& when, bool interval) {
  const bool late = IsLate(e, now);
  if (interval && e.p10 > now) {
    return reader.Say(late ? "ui.later_back_between" : "ui.expected_back_between",
                      {{"from", when(e.p10)}, {"to", when(e.p90)}});
  }
  base::Time by = interval ? e.p90 : e.expected_by;
  if (by <= now) by = e.p90;
  if (by <= now) return reader.Say("ui.later_no_time");
  return reader.Say(late ? "ui.later_back_by" : "ui.expected_back_by", {{"time", when(by)}});
}

}  // namespace phare::comms
