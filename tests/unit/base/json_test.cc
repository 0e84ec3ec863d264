#include "base/json.h"

#include <gtest/gtest.h>

namespace phare::base {
namespace {

TEST(ParseJson, ReportsWhereItFailed) {
  auto bad = ParseJson(R"({"a": 1,})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("invalid JSON at byte"), std::string::npos);
  EXPECT_FALSE(ParseJson(R"({"a": 1} trailing)").ok());
  EXPECT_FALSE(ParseJson("").ok());
  EXPECT_TRUE(ParseJson(R"({"a": [1, 2]})").ok());
}

TEST(ParseJson, LimitsDepth) {
  std::string deep(100, '[');
  deep += std::string(100, ']');
  EXPECT_FALSE(ParseJson(deep, 32).ok());
}

TEST(JsonReader, NamesTheOffendingField) {
  auto v = ParseJson(R"({"name": 3, "ok": "yes", "n": 5000, "when": "noon", "ids": ["a", 1]})");
  ASSERT_TRUE(v.ok());
  JsonReader r(v->as_object(), "incident");
  std::optional<std::string> name;
  EXPECT_EQ(r.String("name", name).field(), "incident.name");
  std::optional<bool> ok;
  EXPECT_EQ(r.Bool("ok", ok).field(), "incident.ok");
  std::optional<int64_t> n;
  EXPECT_EQ(r.Int("n", n, 0, 100).field(), "incident.n");
  std::optional<Time> when;
  EXPECT_EQ(r.Time("when", when).field(), "incident.when");
  std::optional<std::vector<std::string>> ids;
  EXPECT_EQ(r.StringArray("ids", ids, 10).field(), "incident.ids[1]");
}

TEST(JsonReader, AbsentAndNullFields) {
  auto v = ParseJson(R"({"description": null, "name": "API"})");
  ASSERT_TRUE(v.ok());
  JsonReader r(v->as_object(), "component");
  std::optional<std::optional<std::string>> description;
  ASSERT_TRUE(r.NullableString("description", description).ok());
  ASSERT_TRUE(description.has_value());
  EXPECT_FALSE(description->has_value());
  std::optional<std::string> missing;
  ASSERT_TRUE(r.String("status", missing).ok());
  EXPECT_FALSE(missing.has_value());
  std::optional<std::string> name;
  EXPECT_FALSE(r.String("name", name, 2).ok());  // longer than 2 bytes
}

}  // namespace
}  // namespace phare::base
