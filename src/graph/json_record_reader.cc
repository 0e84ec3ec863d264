// JSON Lines records, parsed one line at a time with Boost.JSON into a reused arena.
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>

#include <array>
#include <string>
#include <vector>

#include "graph/record_reader.h"

namespace phare::graph {
namespace {

namespace json = boost::json;

constexpr size_t kMaxDepth = 8;

struct Record {
  NodeSpec spec;
  const json::value* on = nullptr;
  const json::array* depends = nullptr;
  const json::object* attrs = nullptr;
  bool product_record = false;  // kind "product": labels of a product, not a node
  std::vector<std::string> errors;
};

class JsonRecordReader final : public RecordReader {
 public:
  explicit JsonRecordReader(InventoryBuilder& builder) : builder_(builder) {
    json::parse_options options;
    options.max_depth = kMaxDepth;
    parser_ = std::make_unique<json::parser>(json::storage_ptr(), options);
  }

  void Read(std::string_view line, uint64_t line_no) override {
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;
    // A fresh arena per line over a reused buffer: no heap allocation for usual records.
    json::monotonic_resource arena(scratch_.data(), scratch_.size());
    parser_->reset(json::storage_ptr(&arena));
    boost::system::error_code ec;
    const size_t used = parser_->write(line.data(), line.size(), ec);
    if (ec) {
      return builder_.AddError(
          line_no, "", "invalid JSON at column " + std::to_string(used + 1) + ": " + ec.message());
    }
    const json::value value = parser_->release();
    if (!value.is_object()) {
      return builder_.AddError(line_no, "", "a record must be a JSON object");
    }
    Apply(value.get_object(), line_no);
  }

 private:
  void Apply(const json::object& object, uint64_t line_no);
  void ReadField(std::string_view key, const json::value& v, Record& record);
  void AddGroups(const Record& record, std::string_view id);
  void AddGroup(const json::value& group, std::string_view id);

  InventoryBuilder& builder_;
  std::array<unsigned char, 16384> scratch_;
  std::unique_ptr<json::parser> parser_;
  std::vector<std::string_view> members_;
  uint64_t line_no_ = 0;
};

bool GetString(const json::value& v, std::string_view field, std::string_view& out,
               std::vector<std::string>& errors) {
  if (!v.is_string()) {
    errors.push_back("field '" + std::string(field) + "' must be a string");
    return false;
  }
  out = v.get_string();
  return true;
}

void JsonRecordReader::ReadField(std::string_view key, const json::value& v, Record& r) {
  NodeSpec& s = r.spec;
  std::string_view text;
  if (key == "id") {
    GetString(v, key, s.id, r.errors);
  } else if (key == "kind") {
    if (!GetString(v, key, text, r.errors)) return;
    if (text == kProductRecordKind) {
      r.product_record = true;
    } else if (auto kind = ParseNodeKind(text)) {
      s.kind = *kind;
    } else {
      r.errors.push_back("unknown kind '" + std::string(text) + "'; expected one of " +
                         std::string(NodeKindNames()));
    }
  } else if (key == "name") {
    GetString(v, key, s.name, r.errors);
  } else if (key == "site") {
    GetString(v, key, s.site, r.errors);
  } else if (key == "customer") {
    GetString(v, key, s.customer, r.errors);
  } else if (key == "product") {
    GetString(v, key, s.product, r.errors);
  } else if (key == "sla") {
    GetString(v, key, s.sla, r.errors);
  } else if (key == "standby") {
    if (v.is_bool()) {
      s.standby = v.get_bool();
    } else {
      r.errors.push_back("field 'standby' must be true or false");
    }
  } else if (key == "on") {
    if (GetString(v, key, text, r.errors)) r.on = &v;
  } else if (key == "depends") {
    if (v.is_array()) {
      r.depends = &v.get_array();
    } else {
      r.errors.push_back("field 'depends' must be an array of groups");
    }
  } else if (key == "attrs") {
    if (v.is_object()) {
      r.attrs = &v.get_object();
    } else {
      r.errors.push_back("field 'attrs' must be an object");
    }
  } else {
    r.errors.push_back("unknown field '" + std::string(key) + "'");
  }
}

void JsonRecordReader::Apply(const json::object& object, uint64_t line_no) {
  line_no_ = line_no;
  Record record;
  bool has_kind = false;
  for (const auto& [key, v] : object) {
    has_kind |= key == "kind";
    ReadField(key, v, record);
  }
  if (!has_kind) record.errors.push_back("field 'kind' is required");
  const std::string_view id = record.spec.id;
  if (id.empty() && !object.contains("id")) record.errors.push_back("field 'id' is required");
  if (record.product_record &&
      (record.on || record.depends || !record.spec.site.empty() || !record.spec.customer.empty() ||
       !record.spec.product.empty() || !record.spec.sla.empty() || record.spec.standby)) {
    record.errors.push_back(kProductRecordFields);
  }
  for (std::string& error : record.errors) builder_.AddError(line_no, id, std::move(error));
  if (record.product_record) {
    if (!builder_.AddProduct(id, record.spec.name, line_no)) return;
  } else {
    if (id.empty() || !builder_.AddNode(record.spec, line_no)) return;
    AddGroups(record, id);
  }
  if (!record.attrs) return;
  for (const auto& [key, v] : *record.attrs) {
    if (v.is_string()) {
      builder_.AddAttribute(key, v.get_string());
    } else if (v.is_number() || v.is_bool()) {
      builder_.AddAttribute(key, json::serialize(v));
    } else {
      builder_.AddError(line_no, id,
                        "attribute '" + std::string(key) + "' must be a string, number or boolean");
    }
  }
}

void JsonRecordReader::AddGroups(const Record& record, std::string_view id) {
  if (record.on) {
    const std::string_view member = record.on->get_string();
    builder_.AddGroup(1, {&member, 1});
  }
  if (!record.depends) return;
  for (const json::value& group : *record.depends) AddGroup(group, id);
}

// A group is "member-id" (that node alone) or {"k": 1, "members": ["a", "b"]}.
void JsonRecordReader::AddGroup(const json::value& group, std::string_view id) {
  if (group.is_string()) {
    const std::string_view member = group.get_string();
    return builder_.AddGroup(1, {&member, 1});
  }
  const json::object* object = group.if_object();
  const json::value* members = object ? object->if_contains("members") : nullptr;
  if (!members || !members->is_array()) {
    return builder_.AddError(line_no_, id,
                             "a group must be a node id or an object with a 'members' array");
  }
  uint32_t k = 0;
  for (const auto& [key, v] : *object) {
    if (key == "members") continue;
    if (key != "k") {
      return builder_.AddError(line_no_, id, "unknown group field '" + std::string(key) + "'");
    }
    if (!v.is_int64() || v.get_int64() < 1 || v.get_int64() > UINT32_MAX) {
      return builder_.AddError(line_no_, id, "group field 'k' must be a positive integer");
    }
    k = static_cast<uint32_t>(v.get_int64());
  }
  members_.clear();
  for (const json::value& m : members->get_array()) {
    if (!m.is_string()) return builder_.AddError(line_no_, id, "group members must be node ids");
    members_.push_back(m.get_string());
  }
  builder_.AddGroup(k, members_);
}

}  // namespace

std::unique_ptr<RecordReader> NewJsonRecordReader(InventoryBuilder& builder) {
  return std::make_unique<JsonRecordReader>(builder);
}

}  // namespace phare::graph
