// CSV records: a header line naming the columns, then one node per line.
#include <charconv>
#include <string>
#include <vector>

#include "base/csv.h"
#include "base/text.h"
#include "graph/record_reader.h"

namespace phare::graph {
namespace {

enum class Column {
  kId,
  kKind,
  kName,
  kSite,
  kStandby,
  kOn,
  kDepends,
  kCustomer,
  kProduct,
  kSla,
  kAttr
};

class CsvRecordReader final : public RecordReader {
 public:
  explicit CsvRecordReader(InventoryBuilder& builder) : builder_(builder) {}

  void Read(std::string_view line, uint64_t line_no) override {
    if (base::TrimBlanks(line).empty()) return;
    if (line_no_of_header_ == 0 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    // JSON Lines are checked by the JSON parser; CSV is read byte by byte.
    if (const size_t bad = base::FindInvalidUtf8(line); bad != std::string_view::npos) {
      return builder_.AddError(line_no, "",
                               "not UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
    }
    if (const std::string error = base::SplitCsvLine(line, fields_); !error.empty()) {
      return builder_.AddError(line_no, "", error);
    }
    if (line_no_of_header_ == 0) {
      line_no_of_header_ = line_no;
      return ReadHeader(line_no);
    }
    if (!header_ok_) return;
    if (fields_.size() != columns_.size()) {
      return builder_.AddError(line_no, "",
                               "expected " + std::to_string(columns_.size()) + " fields, found " +
                                   std::to_string(fields_.size()));
    }
    ReadRow(line_no);
  }

 private:
  void ReadHeader(uint64_t line_no);
  void ReadRow(uint64_t line_no);
  void AddGroups(std::string_view cell, std::string_view id, uint64_t line_no);

  InventoryBuilder& builder_;
  std::vector<Column> columns_;
  std::vector<std::string> attr_keys_;  // per column, for attribute columns
  std::vector<std::string> fields_;
  std::vector<std::string_view> members_;
  uint64_t line_no_of_header_ = 0;
  bool header_ok_ = false;
};

void CsvRecordReader::ReadHeader(uint64_t line_no) {
  static constexpr std::pair<std::string_view, Column> kNames[] = {
      {"id", Column::kId},           {"kind", Column::kKind},         {"name", Column::kName},
      {"site", Column::kSite},       {"standby", Column::kStandby},   {"on", Column::kOn},
      {"depends", Column::kDepends}, {"customer", Column::kCustomer}, {"product", Column::kProduct},
      {"sla", Column::kSla},
  };
  header_ok_ = true;
  bool has_id = false, has_kind = false;
  for (const std::string& raw : fields_) {
    const std::string_view name = base::TrimBlanks(raw);
    attr_keys_.emplace_back();
    if (name.starts_with("attr.") && name.size() > 5) {
      columns_.push_back(Column::kAttr);
      attr_keys_.back() = name.substr(5);
      continue;
    }
    bool known = false;
    for (const auto& [text, column] : kNames) {
      if (name != text) continue;
      columns_.push_back(column);
      has_id |= column == Column::kId;
      has_kind |= column == Column::kKind;
      known = true;
    }
    if (!known) {
      builder_.AddError(line_no, "", "unknown column '" + std::string(name) + "'");
      header_ok_ = false;
    }
  }
  if (!has_id || !has_kind) {
    builder_.AddError(line_no, "", "the header must name the columns 'id' and 'kind'");
    header_ok_ = false;
  }
}

// One row's cells, before they reach the builder.
struct Row {
  NodeSpec spec;
  std::string_view on;
  std::string_view depends;
  bool product_record = false;  // kind "product": labels of a product, not a node
  std::vector<std::string> errors;
};

// Where a plain text column goes, or nullptr for the others.
std::string_view* TextField(Column column, Row& row) {
  switch (column) {
    case Column::kId:
      return &row.spec.id;
    case Column::kName:
      return &row.spec.name;
    case Column::kSite:
      return &row.spec.site;
    case Column::kOn:
      return &row.on;
    case Column::kDepends:
      return &row.depends;
    case Column::kCustomer:
      return &row.spec.customer;
    case Column::kProduct:
      return &row.spec.product;
    case Column::kSla:
      return &row.spec.sla;
    default:
      return nullptr;
  }
}

void ReadCell(Column column, std::string_view cell, Row& row) {
  if (std::string_view* field = TextField(column, row)) {
    *field = cell;
  } else if (column == Column::kKind) {
    if (cell == kProductRecordKind) {
      row.product_record = true;
    } else if (auto kind = ParseNodeKind(cell)) {
      row.spec.kind = *kind;
    } else {
      row.errors.push_back("unknown kind '" + std::string(cell) + "'; expected one of " +
                           std::string(NodeKindNames()));
    }
  } else if (column == Column::kStandby) {
    if (cell == "true" || cell == "1") {
      row.spec.standby = true;
    } else if (!cell.empty() && cell != "false" && cell != "0") {
      row.errors.push_back("standby must be true or false");
    }
  }
}

void CsvRecordReader::ReadRow(uint64_t line_no) {
  Row row;
  for (size_t i = 0; i < columns_.size(); ++i)
    ReadCell(columns_[i], base::TrimBlanks(fields_[i]), row);
  const std::string_view id = row.spec.id;
  if (row.product_record && (!row.on.empty() || !row.depends.empty() || !row.spec.site.empty() ||
                             !row.spec.customer.empty() || !row.spec.product.empty() ||
                             !row.spec.sla.empty() || row.spec.standby)) {
    row.errors.push_back(kProductRecordFields);
  }
  for (std::string& error : row.errors) builder_.AddError(line_no, id, std::move(error));
  if (id.empty()) return builder_.AddError(line_no, "", "the id is empty");
  if (row.product_record) {
    if (!builder_.AddProduct(id, row.spec.name, line_no)) return;
  } else {
    if (!builder_.AddNode(row.spec, line_no)) return;
    if (!row.on.empty()) builder_.AddGroup(1, {&row.on, 1});
    AddGroups(row.depends, id, line_no);
  }
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == Column::kAttr && !base::TrimBlanks(fields_[i]).empty()) {
      builder_.AddAttribute(attr_keys_[i], base::TrimBlanks(fields_[i]));
    }
  }
}

// "1:a|b;c" is two groups: 1 of {a, b}, and {c}. Without "k:", every member is needed.
void CsvRecordReader::AddGroups(std::string_view cell, std::string_view id, uint64_t line_no) {
  while (!cell.empty()) {
    const size_t end = std::min(cell.find(';'), cell.size());
    std::string_view group = base::TrimBlanks(cell.substr(0, end));
    cell.remove_prefix(std::min(end + 1, cell.size()));
    uint32_t k = 0;
    if (const size_t colon = group.find(':'); colon != std::string_view::npos) {
      const std::string_view digits = base::TrimBlanks(group.substr(0, colon));
      const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), k);
      if (ec != std::errc() || ptr != digits.data() + digits.size() || k == 0) {
        return builder_.AddError(
            line_no, id, "k must be a positive integer before ':' in '" + std::string(group) + "'");
      }
      group.remove_prefix(colon + 1);
    }
    members_.clear();
    while (true) {
      const size_t bar = std::min(group.find('|'), group.size());
      const std::string_view member = base::TrimBlanks(group.substr(0, bar));
      if (member.empty()) return builder_.AddError(line_no, id, "empty member in 'depends'");
      members_.push_back(member);
      if (bar == group.size()) break;
      group.remove_prefix(bar + 1);
    }
    builder_.AddGroup(k, members_);
  }
}

}  // namespace

std::unique_ptr<RecordReader> NewCsvRecordReader(InventoryBuilder& builder) {
  return std::make_unique<CsvRecordReader>(builder);
}

}  // namespace phare::graph
