#include "base/json.h"

#include <boost/json/parser.hpp>
#include <boost/json/stream_parser.hpp>

#include "base/text.h"

namespace phare::base {

Result<boost::json::value> ParseJson(std::string_view text, size_t max_depth) {
  boost::json::parse_options options;
  options.max_depth = max_depth;
  boost::json::stream_parser parser({}, options);
  boost::system::error_code ec;
  const size_t consumed = parser.write_some(text.data(), text.size(), ec);
  if (!ec && consumed < text.size()) {
    ec = boost::json::error::extra_data;
  }
  if (!ec) parser.finish(ec);
  if (ec) {
    return InvalidArgument("invalid JSON at byte " + std::to_string(consumed) + ": " +
                           ec.message());
  }
  return parser.release();
}

std::string JoinField(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  std::string out(path);
  out += '.';
  out += key;
  return out;
}

JsonReader::JsonReader(const boost::json::object& object, std::string path)
    : object_(object), path_(std::move(path)) {}

std::string JsonReader::FieldName(std::string_view key) const { return JoinField(path_, key); }

bool JsonReader::Has(std::string_view key) const { return object_.contains(key); }

bool JsonReader::IsNull(std::string_view key) const {
  const auto* v = object_.if_contains(key);
  return v && v->is_null();
}

namespace {

const boost::json::value* Present(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return (v && !v->is_null()) ? v : nullptr;
}

Status CheckString(const boost::json::value& v, const std::string& field, size_t max_bytes) {
  if (!v.is_string()) return InvalidArgument("must be a string", field);
  if (v.get_string().size() > max_bytes) {
    return InvalidArgument("is longer than " + std::to_string(max_bytes) + " bytes", field);
  }
  const std::string_view text = v.get_string();
  if (const size_t at = FindControl(text); at != std::string_view::npos) {
    return InvalidArgument("contains a control character (" + DescribeControl(text, at) + ")",
                           field);
  }
  return Status::Ok();
}

}  // namespace

Status JsonReader::String(std::string_view key, std::optional<std::string>& out, size_t max_bytes) {
  const auto* v = Present(object_, key);
  if (!v) return Status::Ok();
  PHARE_RETURN_IF_ERROR(CheckString(*v, FieldName(key), max_bytes));
  out = std::string(v->get_string());
  return Status::Ok();
}

Status JsonReader::NullableString(std::string_view key,
                                  std::optional<std::optional<std::string>>& out,
                                  size_t max_bytes) {
  if (IsNull(key)) {
    out.emplace(std::nullopt);
    return Status::Ok();
  }
  std::optional<std::string> s;
  PHARE_RETURN_IF_ERROR(String(key, s, max_bytes));
  if (s) out.emplace(std::move(s));
  return Status::Ok();
}

Status JsonReader::Bool(std::string_view key, std::optional<bool>& out) {
  const auto* v = Present(object_, key);
  if (!v) return Status::Ok();
  if (!v->is_bool()) return InvalidArgument("must be true or false", FieldName(key));
  out = v->get_bool();
  return Status::Ok();
}

Status JsonReader::Int(std::string_view key, std::optional<int64_t>& out, int64_t min,
                       int64_t max) {
  const auto* v = Present(object_, key);
  if (!v) return Status::Ok();
  int64_t n = 0;
  if (v->is_int64()) {
    n = v->get_int64();
  } else if (v->is_uint64() && v->get_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    n = static_cast<int64_t>(v->get_uint64());
  } else {
    return InvalidArgument("must be an integer", FieldName(key));
  }
  if (n < min || n > max) {
    return InvalidArgument("must be between " + std::to_string(min) + " and " + std::to_string(max),
                           FieldName(key));
  }
  out = n;
  return Status::Ok();
}

Status JsonReader::Double(std::string_view key, std::optional<double>& out) {
  const auto* v = Present(object_, key);
  if (!v) return Status::Ok();
  if (v->is_double()) {
    out = v->get_double();
  } else if (v->is_int64()) {
    out = static_cast<double>(v->get_int64());
  } else if (v->is_uint64()) {
    out = static_cast<double>(v->get_uint64());
  } else {
    return InvalidArgument("must be a number", FieldName(key));
  }
  return Status::Ok();
}

Status JsonReader::Time(std::string_view key, std::optional<base::Time>& out) {
  std::optional<std::string> s;
  PHARE_RETURN_IF_ERROR(String(key, s, 64));
  if (!s) return Status::Ok();
  auto t = ParseTime(*s);
  if (!t.ok()) return InvalidArgument(t.status().message(), FieldName(key));
  out = *t;
  return Status::Ok();
}

Status JsonReader::NullableTime(std::string_view key,
                                std::optional<std::optional<base::Time>>& out) {
  if (IsNull(key)) {
    out.emplace(std::nullopt);
    return Status::Ok();
  }
  std::optional<base::Time> t;
  PHARE_RETURN_IF_ERROR(Time(key, t));
  if (t) out.emplace(t);
  return Status::Ok();
}

Status JsonReader::StringArray(std::string_view key, std::optional<std::vector<std::string>>& out,
                               size_t max_items, size_t max_bytes) {
  const auto* v = Present(object_, key);
  if (!v) return Status::Ok();
  if (!v->is_array()) return InvalidArgument("must be an array of strings", FieldName(key));
  const auto& array = v->get_array();
  if (array.size() > max_items) {
    return InvalidArgument("has more than " + std::to_string(max_items) + " items", FieldName(key));
  }
  std::vector<std::string> items;
  items.reserve(array.size());
  for (size_t i = 0; i < array.size(); ++i) {
    PHARE_RETURN_IF_ERROR(
        CheckString(array[i], FieldName(key) + "[" + std::to_string(i) + "]", max_bytes));
    items.emplace_back(array[i].get_string());
  }
  out = std::move(items);
  return Status::Ok();
}

Status JsonReader::Object(std::string_view key, const boost::json::object*& out) {
  out = nullptr;
  const auto* v = Present(object_, key);
  if (!v) return Status::Ok();
  if (!v->is_object()) return InvalidArgument("must be an object", FieldName(key));
  out = &v->get_object();
  return Status::Ok();
}

}  // namespace phare::base
