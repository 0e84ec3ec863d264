#include "graph/import.h"

#include <filesystem>

#include "graph/record_reader.h"

namespace phare::graph {
namespace {

base::Result<ImportResult> Import(LineReader& reader, const ImportOptions& options) {
  reader.set_progress(options.progress);
  reader.set_limits(options.max_line_bytes, options.max_input_bytes);
  InventoryBuilder builder(options.limits);
  builder.set_source(options.source_name);
  std::unique_ptr<RecordReader> records;
  ImportResult result;
  std::string_view line;
  while (true) {
    base::Result<bool> next = reader.Next(line);
    if (!next.ok()) {
      if (next.status().code() == base::Code::kIoError) return next.status();
      builder.AddError(reader.line_number() + 1, "", next.status().message());
      break;
    }
    if (!*next) break;
    if (!records) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      const bool json =
          options.format == InventoryFormat::kJsonLines ||
          (options.format == InventoryFormat::kAuto && line[line.find_first_not_of(" \t")] == '{');
      records = json ? NewJsonRecordReader(builder) : NewCsvRecordReader(builder);
    }
    records->Read(line, reader.line_number());
  }
  result.stats.lines = reader.line_number();
  result.stats.raw_bytes = reader.raw_bytes_read();
  result.stats.decoded_bytes = reader.bytes_decoded();
  result.inventory = builder.Build();
  result.errors = builder.errors();
  if (result.inventory) {
    result.stats.nodes = result.inventory->node_count();
    result.stats.resources = result.inventory->resource_count();
    result.stats.customers = result.inventory->customer_count();
  }
  return result;
}

}  // namespace

base::Result<ImportResult> ImportInventoryFile(const std::string& path,
                                               const ImportOptions& options) {
  PHARE_ASSIGN_OR_RETURN(std::unique_ptr<LineReader> reader, LineReader::OpenFile(path));
  ImportOptions named = options;
  if (named.source_name.empty()) {
    named.source_name = std::filesystem::path(path).filename().string();
  }
  return Import(*reader, named);
}

base::Result<ImportResult> ImportInventoryBytes(std::string_view bytes,
                                                const ImportOptions& options) {
  std::unique_ptr<LineReader> reader = LineReader::FromMemory(bytes);
  return Import(*reader, options);
}

}  // namespace phare::graph
