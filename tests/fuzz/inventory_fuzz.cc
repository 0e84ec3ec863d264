// Fuzz target: an inventory upload (docs/inventory.md). The first byte picks the format
// (auto, JSON Lines, CSV) and whether the rest is gzip-compressed first, so both valid
// gzip streams and raw bytes (corrupt gzip among them) reach the importer. An import
// that succeeds must survive the round trips operators rely on: export as JSON Lines and
// as CSV and import again, and the database blob, with the same node count; anything
// else aborts (a finding).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "graph/export.h"
#include "graph/gzip.h"
#include "graph/import.h"

namespace {

using phare::graph::InventoryFormat;

phare::graph::ImportOptions Options(InventoryFormat format) {
  phare::graph::ImportOptions options;
  options.format = format;
  options.source_name = "fuzz";
  options.max_line_bytes = 1 << 20;
  options.max_input_bytes = 8 << 20;  // a gzip bomb stops here, not at 16 GiB
  options.limits.max_nodes = 100'000;
  return options;
}

uint32_t NodesOf(std::string_view bytes, InventoryFormat format) {
  auto result = phare::graph::ImportInventoryBytes(bytes, Options(format));
  if (!result.ok() || !result->ok()) {
    std::fprintf(stderr, "re-import failed: %s%s\n", result.status().ToString().c_str(),
                 result.ok() ? result->errors.ToString().c_str() : "");
    std::abort();
  }
  return result->stats.nodes;
}

void RoundTrip(const phare::graph::Inventory& inventory, uint32_t nodes) {
  for (const auto format : {InventoryFormat::kJsonLines, InventoryFormat::kCsv}) {
    std::string out;
    const auto written = phare::graph::WriteInventory(inventory, format, [&](std::string_view c) {
      out.append(c);
      return phare::base::Status::Ok();
    });
    if (!written.ok() || NodesOf(out, format) != nodes) std::abort();
  }
  const auto blob = phare::graph::DeserializeInventory(phare::graph::SerializeInventory(inventory));
  if (!blob.ok()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t selector = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const InventoryFormat formats[] = {InventoryFormat::kAuto, InventoryFormat::kJsonLines,
                                     InventoryFormat::kCsv, InventoryFormat::kAuto};
  const InventoryFormat format = formats[selector & 3];
  std::string compressed;
  if (selector & 4) {
    phare::graph::GzipDeflater deflater(1);
    deflater.Deflate(bytes, compressed);
    deflater.Finish(compressed);
    bytes = compressed;
  }
  auto result = phare::graph::ImportInventoryBytes(bytes, Options(format));
  if (!result.ok() || !result->ok()) return 0;
  RoundTrip(*result->inventory, result->stats.nodes);
  return 0;
}
