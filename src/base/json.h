// JSON helpers over Boost.JSON: parsing untrusted text with limits and positioned
// errors, and reading typed fields while naming the offending one ("incident.status")
// in errors. Include only where JSON is handled: Boost.JSON headers are not light.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/time.h"

namespace phare::base {

// Parses `text` as one JSON value. InvalidArgument ("invalid JSON at byte 17: ...") on
// malformed text, trailing garbage or nesting deeper than `max_depth`.
Result<boost::json::value> ParseJson(std::string_view text, size_t max_depth = 32);

// Reads fields of one JSON object. Absent fields leave `out` untouched; present
// fields of the wrong type or beyond limits return InvalidArgument naming the field;
// strings may not hold control characters (base/text.h; tab and newlines are fine).
// Fields whose value is null are treated as absent unless read with a Nullable method.
class JsonReader {
 public:
  // `path` prefixes field names in errors ("incident" gives "incident.name").
  JsonReader(const boost::json::object& object, std::string path);

  bool Has(std::string_view key) const;
  bool IsNull(std::string_view key) const;

  Status String(std::string_view key, std::optional<std::string>& out, size_t max_bytes = 256);
  // null → out = std::optional<std::string>{} inside an engaged outer optional.
  Status NullableString(std::string_view key, std::optional<std::optional<std::string>>& out,
                        size_t max_bytes = 256);
  Status Bool(std::string_view key, std::optional<bool>& out);
  Status Int(std::string_view key, std::optional<int64_t>& out, int64_t min, int64_t max);
  Status Double(std::string_view key, std::optional<double>& out);
  // An RFC 3339 string.
  Status Time(std::string_view key, std::optional<base::Time>& out);
  Status NullableTime(std::string_view key, std::optional<std::optional<base::Time>>& out);
  Status StringArray(std::string_view key, std::optional<std::vector<std::string>>& out,
                     size_t max_items, size_t max_bytes = 256);
  // A nested object; nullptr when absent or null.
  Status Object(std::string_view key, const boost::json::object*& out);

  // "incident.name" for `key`.
  std::string FieldName(std::string_view key) const;

 private:
  const boost::json::object& object_;
  std::string path_;
};

// "incident" + "components" → "incident.components".
std::string JoinField(std::string_view path, std::string_view key);

}  // namespace phare::base
