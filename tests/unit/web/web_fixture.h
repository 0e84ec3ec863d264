// What the web layer's unit tests share: times written as text, and the page they render
// ("Acme" at https://status.example, in Europe/Paris) with nothing on it yet.
#pragma once

#include "base/time.h"
#include "service/public_state.h"

namespace phare::web {

inline base::Time At(const char* text) { return *base::ParseTime(text); }

// The page as of `now`, without components or incidents.
inline service::PublicState AcmeState(const char* now) {
  service::PublicState s;
  s.page = {"p1",
            "Acme",
            "https://status.example",
            "Europe/Paris",
            At("2017-11-01T00:00:00Z"),
            At("2017-11-01T00:00:00Z")};
  s.now = At(now);
  return s;
}

}  // namespace phare::web
