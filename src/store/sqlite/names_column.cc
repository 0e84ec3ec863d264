#include "store/sqlite/names_column.h"

#include <boost/json.hpp>

#include "base/json.h"

namespace phare::store::sqlite {

std::string EncodeNames(const model::LocalizedNames& names) {
  if (names.empty()) return "";
  boost::json::object o;
  for (const auto& n : names) o[n.language] = n.text;
  return boost::json::serialize(o);
}

model::LocalizedNames DecodeNames(std::string_view text) {
  model::LocalizedNames out;
  if (text.empty()) return out;
  auto parsed = base::ParseJson(text, 2);
  if (!parsed.ok() || !parsed->is_object()) return out;
  for (const auto& [language, name] : parsed->get_object()) {
    if (name.is_string()) out.push_back({std::string(language), std::string(name.get_string())});
  }
  return out;
}

}  // namespace phare::store::sqlite
