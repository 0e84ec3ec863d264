#include "model/postmortem.h"

namespace phare::model {

const LocalizedBody* PostmortemBodyFor(const Postmortem& postmortem, Audience audience,
                                       std::string_view language,
                                       std::string_view default_language) {
  const LocalizedBody* fallback = nullptr;
  const LocalizedBody* any = nullptr;
  for (const LocalizedBody& b : postmortem.bodies) {
    if (b.audience != audience) continue;
    if (b.language == language) return &b;
    if (b.language == default_language) fallback = &b;
    if (!any) any = &b;
  }
  return fallback ? fallback : any;
}

}  // namespace phare::model
