#include "api/node_input.h"

#include <gtest/gtest.h>

#include "api/impact_json.h"
#include "base/json.h"

namespace phare::api {
namespace {

using model::NodeCondition;

base::Status Parse(std::string_view json, std::vector<model::NodeReport>& out) {
  auto value = base::ParseJson(json);
  EXPECT_TRUE(value.ok());
  return ParseNodeReports(&*value, "incident.phare.root_nodes", out);
}

TEST(NodeInput, IdsMeanDownAndObjectsGiveTheirState) {
  std::vector<model::NodeReport> out;
  ASSERT_TRUE(Parse(R"(["sbg-grid-breaker", {"id": "sbg-gen-a", "state": "degraded"},
                       {"id": "rbx-optical-01", "state": "restored"}, {"id": "x"}])",
                    out)
                  .ok());
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].node_id, "sbg-grid-breaker");
  EXPECT_EQ(out[0].condition, NodeCondition::kDown);
  EXPECT_EQ(out[1].condition, NodeCondition::kDegraded);
  EXPECT_EQ(out[2].condition, NodeCondition::kRestored);
  EXPECT_EQ(out[3].condition, NodeCondition::kDown);
}

TEST(NodeInput, ErrorsNameTheItem) {
  std::vector<model::NodeReport> out;
  EXPECT_EQ(Parse(R"({"id": "a"})", out).field(), "incident.phare.root_nodes");
  EXPECT_EQ(Parse(R"(["a", {"id": "b", "state": "up"}])", out).field(),
            "incident.phare.root_nodes[1].state");
  EXPECT_EQ(Parse(R"(["a", {"state": "down"}])", out).field(), "incident.phare.root_nodes[1].id");
  EXPECT_EQ(Parse(R"([""])", out).field(), "incident.phare.root_nodes[0].id");
  EXPECT_EQ(Parse(R"([3])", out).field(), "incident.phare.root_nodes[0]");
  EXPECT_EQ(Parse("[\"" + std::string(200, 'a') + "\"]", out).field(),
            "incident.phare.root_nodes[0].id");
}

TEST(NodeInput, AbsentOrNullIsNothing) {
  std::vector<model::NodeReport> out;
  EXPECT_TRUE(ParseNodeReports(nullptr, "f", out).ok());
  EXPECT_TRUE(Parse("null", out).ok());
  EXPECT_TRUE(out.empty());
}

TEST(ImpactJson, NullWithoutCountsElseTotalsAndSlices) {
  EXPECT_TRUE(ImpactJson({}).is_null());
  model::ImpactCount total{"total", "", 10, 4, 1, 2, 7, 3, 1, 1, 5, 6, 1};
  model::ImpactCount vps{"product", "vps", 5, 4, 0, 0, 4, 3, 0, 0, 3, 4, 0};
  model::ImpactCount site{"site", "sbg", 10, 4, 1, 2, 7, 3, 1, 1, 5, 6, 1};
  const auto json = ImpactJson({total, vps, site});
  ASSERT_TRUE(json.is_object());
  const auto& o = json.get_object();
  EXPECT_EQ(o.at("resources").at("total").as_int64(), 10);
  EXPECT_EQ(o.at("resources").at("down").as_int64(), 4);
  EXPECT_EQ(o.at("resources").at("hit").as_int64(), 6);
  EXPECT_EQ(o.at("resources").at("restored").as_int64(), 1);
  EXPECT_EQ(o.at("customers").at("affected").as_int64(), 5);
  ASSERT_EQ(o.at("by_product").as_array().size(), 1u);
  EXPECT_EQ(o.at("by_product").as_array()[0].at("product").as_string(), "vps");
  EXPECT_EQ(o.at("by_site").as_array()[0].at("site").as_string(), "sbg");
}

}  // namespace
}  // namespace phare::api
