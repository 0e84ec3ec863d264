// [sla.<name>] plans in the configuration file.
#include <gtest/gtest.h>

#include "base/config.h"

namespace phare::base {
namespace {

TEST(SlaConfig, ReadsPlansByName) {
  Config c;
  auto s = LoadConfigText(R"(
[sla."sla-99.99"]
target = 99.99
tiers = [{below = 99.99, credit = 10}, {below = 99.9, credit = 25}, {below = 99, credit = 100}]
count_degraded = true
floor_minutes = 5
cap = 50
[sla.default]
tiers = [{below = 99.9, credit = 10}]
)",
                          "test.toml", c);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(c.sla.size(), 2u);
  std::swap(c.sla[0], c.sla[1]);  // listed by name: "default" first
  EXPECT_EQ(c.sla[0].name, "sla-99.99");
  EXPECT_DOUBLE_EQ(c.sla[0].target, 99.99);
  ASSERT_EQ(c.sla[0].tiers.size(), 3u);
  EXPECT_DOUBLE_EQ(c.sla[0].tiers[2].below, 99);
  EXPECT_DOUBLE_EQ(c.sla[0].tiers[2].credit, 100);
  EXPECT_TRUE(c.sla[0].count_degraded);
  EXPECT_EQ(c.sla[0].floor_minutes, 5);
  EXPECT_DOUBLE_EQ(c.sla[0].cap, 50);
  EXPECT_EQ(c.sla[1].name, "default");
  EXPECT_DOUBLE_EQ(c.sla[1].target, 99.9);
}

TEST(SlaConfig, NamesTheKeyThatIsWrong) {
  const auto field = [](const char* text) {
    Config c;
    return LoadConfigText(text, "x.toml", c).field();
  };
  EXPECT_EQ(field("[sla.gold]\ntarget = 99.9\n"), "sla.gold.tiers");
  EXPECT_EQ(field("[sla.gold]\ntiers = [{below = 99.9, credit = 10}]\ntarjet = 1\n"),
            "sla.gold.tarjet");
  EXPECT_EQ(field("[sla.gold]\ntiers = [{below = 99.9}]\n"), "sla.gold.tiers[0]");
  EXPECT_EQ(field("[sla.gold]\ntiers = [{below = 99.9, credit = 10, extra = 1}]\n"),
            "sla.gold.tiers[0].extra");
  EXPECT_EQ(field("[sla.gold]\ntiers = [{below = 99.9, credit = 120}]\n"),
            "sla.gold.tiers[0].credit");
  EXPECT_EQ(field("[sla.gold]\ntiers = [10]\n"), "sla.gold.tiers[0]");
  EXPECT_EQ(field("[sla.gold]\ntiers = [{below = 99.9, credit = 10}]\nfloor_minutes = -1\n"),
            "sla.gold.floor_minutes");
  EXPECT_EQ(field("[sla.gold]\ntiers = [{below = 99.9, credit = 10}]\ncap = \"all\"\n"),
            "sla.gold.cap");
  EXPECT_EQ(field("[sla]\ngold = 3\n"), "sla.gold");
}

}  // namespace
}  // namespace phare::base
