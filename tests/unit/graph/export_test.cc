#include "graph/export.h"

#include <gtest/gtest.h>

#include "graph/diff.h"
#include "support/temp_dir.h"
#include "test_graph.h"

namespace phare::graph {
namespace {

using testing::G;

std::shared_ptr<const Inventory> Sample() {
  testing::TestGraph g;
  g.Node("sbg", NodeKind::kSite).Node("rbx", NodeKind::kSite);
  g.Node("feed", NodeKind::kPowerFeed, {}, false, "rbx");
  g.Node("bat", NodeKind::kBattery, {}, true);
  g.Node("ups", NodeKind::kUps, {G{1, {"feed", "bat"}}}, false, "sbg");
  g.Node("rack", NodeKind::kRack, {G{0, {"ups", "sbg"}}, G{1, {"feed"}}});
  g.Resource("r1", "alice, \"the\" first", "vps", "rack");
  auto& b = g.builder();
  NodeSpec spec;
  spec.id = "comp";
  spec.kind = NodeKind::kComponent;
  spec.name = "VPS — Strasbourg";
  b.AddNode(spec, 99);
  const std::string_view members[] = {"r1"};
  b.AddGroup(1, members);
  b.AddAttribute("group", "Strasbourg, \"FR\"");
  return g.Build();
}

TEST(Export, JsonLinesAndCsvRoundTrip) {
  auto original = Sample();
  ASSERT_TRUE(original);
  phare::testing::TempDir dir;
  for (const char* name : {"i.jsonl", "i.csv", "i.jsonl.gz", "i.csv.gz"}) {
    SCOPED_TRACE(name);
    const bool csv = std::string_view(name).find("csv") != std::string_view::npos;
    ASSERT_TRUE(WriteInventoryFile(*original, dir.File(name),
                                   csv ? InventoryFormat::kCsv : InventoryFormat::kJsonLines)
                    .ok());
    auto again = ImportInventoryFile(dir.File(name));
    ASSERT_TRUE(again.ok());
    ASSERT_TRUE(again->ok()) << again->errors.ToString();
    const InventoryDiff diff = DiffInventories(*original, *again->inventory);
    EXPECT_TRUE(diff.empty()) << (diff.changed_ids.empty() ? "" : diff.changed_ids[0]);
    EXPECT_EQ(again->inventory->site_id(again->inventory->site(*again->inventory->Find("ups"))),
              "sbg");
  }
}

TEST(Export, SerializedBlobRebuildsTheSameInventory) {
  auto original = Sample();
  ASSERT_TRUE(original);
  const std::string blob = SerializeInventory(*original);
  auto again = DeserializeInventory(blob);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(DiffInventories(*original, **again).empty());
  EXPECT_FALSE(DeserializeInventory("not a blob").ok());
}

TEST(Diff, ReportsAddedRemovedAndChangedNodes) {
  testing::TestGraph before;
  before.Node("a", NodeKind::kRack)
      .Node("b", NodeKind::kRack)
      .Node("s", NodeKind::kServer, {G{1, {"a"}}});
  before.Resource("r1", "alice", "vps", "s").Resource("r2", "bob", "vps", "s");
  testing::TestGraph after;
  after.Node("a", NodeKind::kRack)
      .Node("c", NodeKind::kRack)
      .Node("s", NodeKind::kServer, {G{1, {"c"}}});
  after.Resource("r1", "alice", "dedicated", "s").Resource("r3", "carol", "vps", "s");
  auto diff = DiffInventories(*before.Build(), *after.Build());
  EXPECT_EQ(diff.nodes_added, 2u);    // c, r3
  EXPECT_EQ(diff.nodes_removed, 2u);  // b, r2
  EXPECT_EQ(diff.nodes_changed, 2u);  // s (group), r1 (product)
  EXPECT_EQ(diff.resources_added, 1u);
  EXPECT_EQ(diff.resources_removed, 1u);
  EXPECT_EQ(diff.resources_changed, 1u);
  EXPECT_EQ(diff.customers_added, 1u);
  EXPECT_EQ(diff.customers_removed, 1u);
  EXPECT_EQ(diff.changed_ids, (std::vector<std::string>{"s", "r1"}));
}

}  // namespace
}  // namespace phare::graph
