// Record readers: turn one line of an inventory file into InventoryBuilder calls. Every
// problem (syntax, wrong type, unknown field) is recorded in the builder's errors with
// the line number and, when it could be read, the node id. Formats: docs/inventory.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "graph/builder.h"

namespace phare::graph {

// The kind of a product record ({"id": "cloud_instance", "kind": "product", "name":
// "Cloud instance", "attrs": {"name.fr": "Instance cloud"}}): labels of a product, not a
// node. It takes id, kind, name and "name.<lang>" attributes only.
inline constexpr std::string_view kProductRecordKind = "product";
inline constexpr const char* kProductRecordFields =
    "a product record takes only id, kind, name and 'name.<language>' attributes";

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Reads line number `line_no`. Blank lines are skipped.
  virtual void Read(std::string_view line, uint64_t line_no) = 0;
};

// One JSON object per line (JSON Lines).
std::unique_ptr<RecordReader> NewJsonRecordReader(InventoryBuilder& builder);
// CSV with a header line naming the columns (RFC 4180 quoting; fields may not span lines).
std::unique_ptr<RecordReader> NewCsvRecordReader(InventoryBuilder& builder);

}  // namespace phare::graph
