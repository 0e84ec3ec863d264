// Wording a restoration estimate at the time of rendering, so that no surface shows a
// time that has passed as if it were still ahead (docs/eta.md): a time at or before
// `now` is never named as expected, and an estimate that is late (it replaced a promise
// that passed, or its own promise has passed because its refresh lagged) says "later
// than we expected". Pure functions; as thread-safe as the Reader passed in.
#pragma once

#include <functional>
#include <string>

#include "base/time.h"
#include "comms/reader.h"
#include "model/incident.h"

namespace phare::comms {

// How a surface writes one time for its reader (with or without the date...).
using TimeWords = std::function<std::string(base::Time)>;

// Marked late, or its promised time (`expected_by`, when set) is not after `now`.
bool IsLate(const model::Estimate& estimate, base::Time now);

// The estimate's line in the "ui." words: between p10 and p90 while p10 is after `now`
// (`interval`, the pages), else by the promise (`!interval`, notifications) or p90 while
// it is after `now`, else by p90 while it is after `now`; "later than we expected" comes
// first when late; with no time left after `now`, only that it is later than expected.
std::string ExpectedBackLine(const Reader& reader, const model::Estimate& estimate, base::Time now,
                             const TimeWords& when, bool interval);

}  // namespace phare::comms
