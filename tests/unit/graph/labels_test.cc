// Labels of products and sites: product records and "name.<lang>" attributes, in both
// formats, kept by export; bad product records are refused.
#include <gtest/gtest.h>

#include "graph/export.h"
#include "graph/import.h"
#include "import_testing.h"

namespace phare::graph {
namespace {

using testing::MustFail;
using testing::MustImport;

constexpr std::string_view kJson =
    R"({"id":"cloud_instance","kind":"product","name":"Cloud instance","attrs":{"name.fr":"Instance cloud","name.de":"Cloud-Instanz"}}
{"id":"sbg","kind":"site","name":"Strasbourg","attrs":{"name.de":"Straßburg","floor":"2"}}
{"id":"srv","kind":"server","site":"sbg"}
{"id":"pci-1","kind":"resource","customer":"alice","product":"cloud_instance","on":"srv"}
{"id":"vps-1","kind":"resource","customer":"alice","product":"vps","on":"srv"}
)";

constexpr std::string_view kCsv =
    "id,kind,name,site,standby,depends,customer,product,sla,attr.name.fr,attr.name.de\n"
    "cloud_instance,product,Cloud instance,,,,,,,Instance cloud,Cloud-Instanz\n"
    "sbg,site,Strasbourg,,,,,,,,Straßburg\n"
    "srv,server,,sbg,,,,,,,\n"
    "pci-1,resource,,,,srv,alice,cloud_instance,,,\n"
    "vps-1,resource,,,,srv,alice,vps,,,\n";

Labels L(std::initializer_list<std::pair<std::string_view, std::string_view>> pairs) {
  return Labels(pairs);
}

void ExpectLabels(const Inventory& inv) {
  EXPECT_EQ(inv.node_count(), 4u);  // a product record is not a node
  EXPECT_EQ(inv.ProductLabels("cloud_instance"),
            L({{"", "Cloud instance"}, {"de", "Cloud-Instanz"}, {"fr", "Instance cloud"}}));
  EXPECT_TRUE(inv.ProductLabels("vps").empty());
  EXPECT_EQ(inv.LabelledProducts(), (std::vector<std::string_view>{"cloud_instance"}));
  const SiteIndex sbg = inv.site(*inv.Find("srv"));
  EXPECT_EQ(inv.SiteLabels(sbg), L({{"", "Strasbourg"}, {"de", "Straßburg"}}));
  EXPECT_TRUE(inv.SiteLabels(0).empty());
}

TEST(Labels, JsonLinesProductRecordsAndSiteNames) {
  auto inv = MustImport(kJson);
  ASSERT_TRUE(inv);
  ExpectLabels(*inv);
}

TEST(Labels, CsvProductRecordsAndSiteNames) {
  auto inv = MustImport(kCsv);
  ASSERT_TRUE(inv);
  ExpectLabels(*inv);
}

TEST(Labels, ExportKeepsThemInBothFormats) {
  auto inv = MustImport(kJson);
  ASSERT_TRUE(inv);
  for (InventoryFormat format : {InventoryFormat::kJsonLines, InventoryFormat::kCsv}) {
    std::string out;
    ASSERT_TRUE(WriteInventory(*inv, format, [&](std::string_view chunk) {
                  out += chunk;
                  return base::Status::Ok();
                }).ok());
    auto again = MustImport(out);
    ASSERT_TRUE(again) << out;
    ExpectLabels(*again);
  }
  auto stored = DeserializeInventory(SerializeInventory(*inv));
  ASSERT_TRUE(stored.ok());
  ExpectLabels(**stored);
}

TEST(Labels, BadProductRecordsAreRefused) {
  const std::string head = R"({"id":"srv","kind":"server"})"
                           "\n";
  auto first = [](const ErrorList& errors) {
    return errors.empty() ? std::string() : errors.ToString();
  };
  EXPECT_NE(first(MustFail(head + R"({"id":"vps","kind":"product","on":"srv"})"))
                .find("a product record takes only"),
            std::string::npos);
  EXPECT_NE(first(MustFail(head + R"({"id":"vps","kind":"product","attrs":{"color":"red"}})"))
                .find("only 'name.<language>' attributes"),
            std::string::npos);
  EXPECT_NE(first(MustFail(head + R"({"id":"vps","kind":"product","attrs":{"name.french":"x"}})"))
                .find("not a language tag"),
            std::string::npos);
  EXPECT_NE(first(MustFail(head + R"({"id":"vps","kind":"product","name":"VPS"})"
                                  "\n"
                                  R"({"id":"vps","kind":"product","name":"VPS"})"))
                .find("a second product record"),
            std::string::npos);
  EXPECT_NE(
      first(MustFail(head + R"({"id":"","kind":"product","name":"VPS"})")).find("product code"),
      std::string::npos);
}

}  // namespace
}  // namespace phare::graph
