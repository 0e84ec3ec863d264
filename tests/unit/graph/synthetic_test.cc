#include "graph/synthetic.h"

#include <gtest/gtest.h>

#include "graph/diff.h"
#include "graph/export.h"
#include "support/temp_dir.h"

namespace phare::graph {
namespace {

SyntheticOptions Small() {
  SyntheticOptions options;
  options.resources = 3000;
  options.infrastructure = 1200;
  options.customers = 900;
  options.sites = 3;
  return options;
}

TEST(Synthetic, HasTheRequestedShape) {
  auto inv = GenerateSyntheticInventory(Small());
  ASSERT_TRUE(inv);
  EXPECT_EQ(inv->resource_count(), 3000u);
  EXPECT_EQ(inv->customer_count(), 900u);
  EXPECT_EQ(inv->site_count(), 4u);  // three sites and "none"
  const uint32_t infrastructure =
      inv->node_count() - inv->resource_count() - static_cast<uint32_t>(inv->components().size());
  EXPECT_NEAR(infrastructure, 1200, 120);
  EXPECT_EQ(inv->components().size(), 15u);  // five products on three sites
  for (CustomerIndex c = 0; c < inv->customer_count(); ++c) {
    EXPECT_FALSE(inv->customer_resources(c).empty());
  }
}

TEST(Synthetic, RoundTripsThroughEveryFormat) {
  auto inv = GenerateSyntheticInventory(Small());
  ASSERT_TRUE(inv);
  phare::testing::TempDir dir;
  for (const char* name : {"s.jsonl.gz", "s.csv"}) {
    SCOPED_TRACE(name);
    const auto format = std::string_view(name).find("csv") != std::string_view::npos
                            ? InventoryFormat::kCsv
                            : InventoryFormat::kJsonLines;
    ASSERT_TRUE(WriteInventoryFile(*inv, dir.File(name), format).ok());
    auto again = ImportInventoryFile(dir.File(name));
    ASSERT_TRUE(again.ok());
    ASSERT_TRUE(again->ok()) << again->errors.ToString();
    EXPECT_TRUE(DiffInventories(*inv, *again->inventory).empty());
  }
}

TEST(Synthetic, IsDeterministic) {
  auto a = GenerateSyntheticInventory(Small());
  auto b = GenerateSyntheticInventory(Small());
  EXPECT_EQ(SerializeInventory(*a), SerializeInventory(*b));
}

}  // namespace
}  // namespace phare::graph
