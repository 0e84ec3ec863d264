// Inventory import: JSON Lines or CSV (docs/inventory.md), plain or gzip-compressed,
// read as a stream (one record at a time, never the whole file as one document).
// Everything is validated before anything is returned: on any error the result holds
// no inventory, only the errors (the first 100 with file, line and node id, then a
// count). Progress is reported as raw bytes read out of the total.
//
// Thread-compatible: independent imports may run on different threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "graph/builder.h"
#include "graph/import_error.h"
#include "graph/inventory.h"
#include "graph/line_reader.h"

namespace phare::graph {

enum class InventoryFormat { kAuto, kJsonLines, kCsv };

struct ImportOptions {
  // kAuto: JSON Lines when the first non-blank line starts with '{', else CSV.
  InventoryFormat format = InventoryFormat::kAuto;
  // Names the input in errors; ImportInventoryFile defaults it to the file's name.
  std::string source_name;
  ProgressCallback progress;
  Limits limits;
  size_t max_line_bytes = 16u << 20;
  uint64_t max_input_bytes = uint64_t{16} << 30;  // once decompressed
};

struct ImportStats {
  uint64_t lines = 0;
  uint64_t raw_bytes = 0;      // as read (compressed or not)
  uint64_t decoded_bytes = 0;  // after decompression
  uint32_t nodes = 0;
  uint32_t resources = 0;
  uint32_t customers = 0;
};

struct ImportResult {
  std::shared_ptr<const Inventory> inventory;  // null when errors is not empty
  ErrorList errors;
  ImportStats stats;
  bool ok() const { return inventory != nullptr; }
};

// NotFound / IoError when the file cannot be opened or read; everything wrong with its
// content is in ImportResult::errors.
base::Result<ImportResult> ImportInventoryFile(const std::string& path,
                                               const ImportOptions& options = {});
// The same for bytes in memory (an HTTP request body).
base::Result<ImportResult> ImportInventoryBytes(std::string_view bytes,
                                                const ImportOptions& options = {});

}  // namespace phare::graph
