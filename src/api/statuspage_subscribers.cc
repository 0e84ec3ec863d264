// The subscriber CSV of a Statuspage export (api/statuspage_import.h), turned into the
// API's subscriber objects so that one validation (api/subscriber_json.h) applies.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <map>

#include "api/statuspage_import.h"
#include "api/subscriber_json.h"
#include "base/csv.h"
#include "base/text.h"

namespace phare::api {
namespace {

enum class Column { kType, kEmail, kPhone, kCountry, kEndpoint, kComponents, kOther };

Column ColumnNamed(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
    return c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(c));
  });
  static const std::map<std::string, Column, std::less<>> kNames = {
      {"type", Column::kType},
      {"mode", Column::kType},
      {"subscriber_type", Column::kType},
      {"email", Column::kEmail},
      {"email_address", Column::kEmail},
      {"phone_number", Column::kPhone},
      {"phone", Column::kPhone},
      {"number", Column::kPhone},
      {"phone_country", Column::kCountry},
      {"country", Column::kCountry},
      {"country_code", Column::kCountry},
      {"endpoint", Column::kEndpoint},
      {"url", Column::kEndpoint},
      {"webhook_url", Column::kEndpoint},
      {"components", Column::kComponents},
      {"component_ids", Column::kComponents},
  };
  const auto found = kNames.find(name);
  return found == kNames.end() ? Column::kOther : found->second;
}

// A first row without an address-like cell (no '@', ':' or digit) names the columns.
bool IsHeader(const std::vector<std::string>& cells) {
  return std::none_of(cells.begin(), cells.end(), [](const std::string& cell) {
    return std::any_of(cell.begin(), cell.end(),
                       [](char c) { return c == '@' || c == ':' || (c >= '0' && c <= '9'); });
  });
}

// Statuspage's import template: the type, then the address, then the type's extras.
base::Result<boost::json::object> Positional(const std::vector<std::string>& cells) {
  auto cell = [&](size_t i) {
    return i < cells.size() ? std::string(base::TrimBlanks(cells[i])) : std::string();
  };
  const std::string type = cell(0);
  boost::json::object o;
  if (type == "email") {
    o["email"] = cell(1);
  } else if (type == "sms") {
    o["phone_number"] = cell(1);
    if (!cell(2).empty()) o["phone_country"] = cell(2);
  } else if (type == "webhook") {
    o["endpoint"] = cell(1);
    if (!cell(2).empty()) o["email"] = cell(2);
  } else {
    return base::InvalidArgument("'" + type.substr(0, 40) +
                                 "' is not a subscriber type phare imports (email, sms, webhook)");
  }
  return o;
}

base::Result<boost::json::object> Named(const std::vector<Column>& columns,
                                        const std::vector<std::string>& cells) {
  boost::json::object o;
  for (size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
    const std::string value(base::TrimBlanks(cells[i]));
    if (value.empty()) continue;
    switch (columns[i]) {
      case Column::kEmail:
        o["email"] = value;
        break;
      case Column::kPhone:
        o["phone_number"] = value;
        break;
      case Column::kCountry:
        o["phone_country"] = value;
        break;
      case Column::kEndpoint:
        o["endpoint"] = value;
        break;
      case Column::kComponents: {
        boost::json::array ids;
        std::string id;
        for (char c : value + ";") {
          if (c == ';' || c == '|' || c == ' ') {
            if (!id.empty()) ids.emplace_back(id);
            id.clear();
          } else {
            id += c;
          }
        }
        o["component_ids"] = std::move(ids);
        break;
      }
      case Column::kType:
        if (value != "email" && value != "sms" && value != "webhook") {
          return base::InvalidArgument("'" + value.substr(0, 40) +
                                       "' is not a subscriber type phare imports (email, sms, "
                                       "webhook)");
        }
        break;
      case Column::kOther:
        break;
    }
  }
  return o;
}

}  // namespace

base::Result<std::vector<service::SubscribeInput>> ReadStatuspageSubscribers(
    std::string_view csv, std::vector<size_t>* lines) {
  if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
  std::vector<service::SubscribeInput> out;
  std::vector<Column> columns;  // empty: the template's positional rows
  std::vector<std::string> cells;
  size_t line_no = 0;
  bool first = true;
  while (!csv.empty()) {
    const size_t end = std::min(csv.find('\n'), csv.size());
    std::string_view line = csv.substr(0, end);
    csv.remove_prefix(std::min(end + 1, csv.size()));
    ++line_no;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (base::TrimBlanks(line).empty()) continue;
    const std::string where = "line " + std::to_string(line_no) + ": ";
    if (const size_t bad = base::FindInvalidUtf8(line); bad != std::string_view::npos) {
      return base::InvalidArgument(where + "not UTF-8");
    }
    if (const std::string error = base::SplitCsvLine(line, cells); !error.empty()) {
      return base::InvalidArgument(where + error);
    }
    if (std::exchange(first, false) && IsHeader(cells)) {
      for (const auto& name : cells)
        columns.push_back(ColumnNamed(std::string(base::TrimBlanks(name))));
      continue;
    }
    if (out.size() >= kMaxImportedSubscribers) {
      return base::InvalidArgument(where + "more than " + std::to_string(kMaxImportedSubscribers) +
                                   " subscribers");
    }
    auto object = columns.empty() ? Positional(cells) : Named(columns, cells);
    if (!object.ok()) return base::InvalidArgument(where + object.status().message());
    auto input = ParseSubscribeInput(*object);
    if (!input.ok()) {
      std::string message = where;
      if (!input.status().field().empty()) message += input.status().field() + ": ";
      message += input.status().message();
      return base::InvalidArgument(std::move(message));
    }
    input->skip_confirmation = true;
    out.push_back(std::move(input).value());
    if (lines) lines->push_back(line_no);
  }
  return out;
}

}  // namespace phare::api
