// Writing an inventory back in the import format (docs/inventory.md), nodes in
// dependency order (members before the nodes that need them). Importing the output
// gives an inventory equal to the original (DiffInventories finds no change).
//
// SerializeInventory() is the canonical, compact form to store (gzip-compressed JSON
// Lines, about 20 bytes per resource); DeserializeInventory() rebuilds the graph from it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "graph/import.h"
#include "graph/inventory.h"

namespace phare::graph {

// Receives the output in consecutive chunks; an error stops the writing.
using ChunkSink = std::function<base::Status(std::string_view chunk)>;

// `format` is kJsonLines or kCsv (kAuto writes JSON Lines).
base::Status WriteInventory(const Inventory& inventory, InventoryFormat format,
                            const ChunkSink& sink);
// gzip-compressed when `path` ends in ".gz". IoError when the file cannot be written.
base::Status WriteInventoryFile(const Inventory& inventory, const std::string& path,
                                InventoryFormat format);

std::string SerializeInventory(const Inventory& inventory);
// InvalidArgument (with the first errors) when the blob is not a valid inventory.
base::Result<std::shared_ptr<const Inventory>> DeserializeInventory(std::string_view blob);

}  // namespace phare::graph
