// Importing inventory text in tests: expecting success, or expecting validation errors.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "graph/import.h"

namespace phare::graph::testing {

// The inventory `text` imports into, or a test failure (and null).
inline std::shared_ptr<const Inventory> MustImport(std::string_view text) {
  auto result = ImportInventoryBytes(text);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (!result.ok()) return nullptr;
  EXPECT_TRUE(result->ok()) << result->errors.ToString();
  return result->inventory;
}

// The validation errors of `text` (read as `source`), which must import nothing.
inline ErrorList MustFail(std::string_view text, std::string source = "inv.jsonl") {
  ImportOptions options;
  options.source_name = std::move(source);
  auto result = ImportInventoryBytes(text, options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (!result.ok()) return ErrorList();
  EXPECT_FALSE(result->ok()) << "imported although invalid";
  EXPECT_EQ(result->inventory, nullptr);
  return result->errors;
}

}  // namespace phare::graph::testing
