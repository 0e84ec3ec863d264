#include "graph/import.h"
#include "import_testing.h"

#include <gtest/gtest.h>

#include <fstream>

#include "graph/diff.h"
#include "graph/export.h"
#include "graph/gzip.h"
#include "support/temp_dir.h"

namespace phare::graph {
namespace {

using testing::MustFail;
using testing::MustImport;

constexpr std::string_view kJson = R"({"id":"sbg","kind":"site","name":"Strasbourg"}
{"id":"breaker","kind":"breaker","site":"sbg"}
{"id":"feed1","kind":"power_feed","on":"breaker"}
{"id":"feed2","kind":"power_feed","on":"breaker"}

{"id":"grid","kind":"logical","depends":[{"k":1,"members":["feed1","feed2"]}]}
{"id":"battery","kind":"battery","standby":true,"site":"sbg"}
{"id":"ups","kind":"ups","depends":[{"k":1,"members":["grid","battery"]}],"attrs":{"string":6,"model":"X"}}
{"id":"rack","kind":"rack","depends":["ups","sbg"]}
{"id":"srv","kind":"server","on":"rack"}
{"id":"vps-1","kind":"resource","customer":"alice","product":"vps","sla":"vps-gold","on":"srv"}
{"id":"vps-2","kind":"resource","customer":"bob","product":"vps","on":"srv"}
)";

constexpr std::string_view kCsv =
    "id,kind,name,site,standby,depends,customer,product,sla,attr.model,attr.string\n"
    "sbg,site,Strasbourg,,,,,,,,\n"
    "breaker,breaker,,sbg,,,,,,,\n"
    "feed1,power_feed,,,,breaker,,,,,\n"
    "feed2,power_feed,,,,breaker,,,,,\n"
    "grid,logical,,,,1:feed1|feed2,,,,,\n"
    "battery,battery,,sbg,true,,,,,,\n"
    "ups,ups,,,,1:grid|battery,,,,X,6\n"
    "rack,rack,,,,ups;sbg,,,,,\n"
    "srv,server,,,,rack,,,,,\n"
    "vps-1,resource,,,,srv,alice,vps,vps-gold,,\n"
    "\"vps-2\",resource,,,,srv,bob,vps,,,\n";

TEST(Import, JsonLinesBuildsTheGraph) {
  auto inv = MustImport(kJson);
  ASSERT_TRUE(inv);
  EXPECT_EQ(inv->node_count(), 11u);
  const NodeIndex ups = *inv->Find("ups");
  EXPECT_EQ(inv->kind(ups), NodeKind::kUps);
  ASSERT_EQ(inv->groups(ups).size(), 1u);
  EXPECT_EQ(inv->group_k(inv->groups(ups).begin), 1u);
  EXPECT_EQ(inv->members(inv->groups(ups).begin).size(), 2u);
  EXPECT_EQ(inv->Attribute(ups, "string"), "6");
  EXPECT_EQ(inv->Attribute(ups, "model"), "X");
  EXPECT_TRUE(inv->standby(*inv->Find("battery")));
  EXPECT_EQ(inv->name(*inv->Find("sbg")), "Strasbourg");
  // Members always come before the nodes that depend on them.
  for (GroupIndex g = 0; g < inv->group_count(); ++g) {
    for (NodeIndex m : inv->members(g)) EXPECT_LT(m, inv->group_owner(g));
  }
  // Sites: declared, or inherited from the first member of the first group.
  EXPECT_EQ(inv->site_id(inv->site(*inv->Find("feed1"))), "sbg");
  EXPECT_EQ(inv->site_id(inv->site(*inv->Find("vps-1"))), "sbg");
  ASSERT_EQ(inv->resource_count(), 2u);
  ASSERT_EQ(inv->customer_count(), 2u);
  const CustomerIndex alice = *inv->FindCustomer("alice");
  ASSERT_EQ(inv->customer_resources(alice).size(), 1u);
  const ResourceIndex r = inv->customer_resources(alice).begin;
  EXPECT_EQ(inv->id(inv->resource_node(r)), "vps-1");
  EXPECT_EQ(inv->product_name(inv->resource_product(r)), "vps");
  EXPECT_EQ(inv->resource_sla(r), "vps-gold");
  const ResourceIndex bob = inv->customer_resources(*inv->FindCustomer("bob")).begin;
  EXPECT_EQ(inv->resource_sla(bob), "vps");  // defaults to the product
}

TEST(Import, CsvGivesTheSameInventoryAsJsonLines) {
  auto json = MustImport(kJson);
  auto csv = MustImport(kCsv);
  ASSERT_TRUE(json && csv);
  const InventoryDiff diff = DiffInventories(*json, *csv);
  EXPECT_TRUE(diff.empty()) << (diff.changed_ids.empty() ? "" : diff.changed_ids[0]);
}

TEST(Import, ReadsGzipFilesAndReportsProgress) {
  phare::testing::TempDir dir;
  GzipDeflater deflater;
  std::string gz;
  deflater.Deflate(kJson, gz);
  deflater.Finish(gz);
  const std::string path = dir.File("inventory.jsonl.gz");
  std::ofstream(path, std::ios::binary) << gz;
  uint64_t last_done = 0, last_total = 0;
  int calls = 0;
  ImportOptions options;
  options.progress = [&](uint64_t done, uint64_t total) {
    EXPECT_GE(done, last_done);
    last_done = done;
    last_total = total;
    ++calls;
  };
  auto result = ImportInventoryFile(path, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_TRUE(result->ok()) << result->errors.ToString();
  EXPECT_EQ(result->inventory->node_count(), 11u);
  EXPECT_GE(calls, 1);
  EXPECT_EQ(last_done, gz.size());
  EXPECT_EQ(last_total, gz.size());
  EXPECT_EQ(result->stats.decoded_bytes, kJson.size());
}

TEST(Import, TruncatedGzipIsAnError) {
  GzipDeflater deflater;
  std::string gz;
  deflater.Deflate(kJson, gz);
  deflater.Finish(gz);
  const ErrorList errors = MustFail(std::string_view(gz).substr(0, gz.size() - 10));
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors.kept()[0].message.find("gzip"), std::string::npos);
}

TEST(Import, MissingFileIsNotFound) {
  auto result = ImportInventoryFile("/nonexistent/inventory.jsonl");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), base::Code::kNotFound);
}

}  // namespace
}  // namespace phare::graph
