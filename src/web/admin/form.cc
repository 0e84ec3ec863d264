#include "web/admin/form.h"

#include <boost/url/parse.hpp>

namespace phare::web::admin {

base::Result<Form> Form::Parse(std::string_view body) {
  Form form;
  if (body.empty()) return form;
  const std::string target = "/?" + std::string(body);
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return base::InvalidArgument("malformed form data", "form");
  for (const auto& param : url->params(boost::urls::encoding_opts(true))) {
    if (form.fields_.size() >= kMaxFormFields) {
      return base::InvalidArgument("too many form fields", "form");
    }
    form.fields_.emplace_back(param.key, param.value);
  }
  return form;
}

std::string Form::Get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return value;
  }
  return {};
}

std::vector<std::string> Form::All(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : fields_) {
    if (key == name) out.push_back(value);
  }
  return out;
}

}  // namespace phare::web::admin
