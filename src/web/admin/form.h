// An application/x-www-form-urlencoded request body, decoded (Boost.URL). At most
// kMaxFormFields fields; the console's routes also cap the body's size.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace phare::web::admin {

inline constexpr size_t kMaxFormFields = 200;

class Form {
 public:
  // InvalidArgument for malformed encoding or too many fields.
  static base::Result<Form> Parse(std::string_view body);

  // The first value of `name`, or "".
  std::string Get(std::string_view name) const;
  // Every value of `name`, in order.
  std::vector<std::string> All(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

}  // namespace phare::web::admin
