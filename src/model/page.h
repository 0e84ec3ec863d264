// The status page itself: one per phare installation, created on first start.
#pragma once

#include <string>

#include "base/time.h"

namespace phare::model {

struct Page {
  std::string id;
  std::string name;
  std::string url;        // public base URL, no trailing slash
  std::string time_zone;  // IANA name
  base::Time created_at{};
  base::Time updated_at{};
};

}  // namespace phare::model
