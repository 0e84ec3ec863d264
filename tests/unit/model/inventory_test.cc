#include "model/inventory.h"

#include <gtest/gtest.h>

namespace phare::model {
namespace {

TEST(NodeConditionTest, NamesRoundTrip) {
  for (auto c : {NodeCondition::kRestored, NodeCondition::kDegraded, NodeCondition::kDown}) {
    EXPECT_EQ(ParseNodeCondition(ToString(c)), c);
  }
  EXPECT_EQ(ToString(NodeCondition::kDown), "down");
  EXPECT_FALSE(ParseNodeCondition("up").has_value());
  EXPECT_FALSE(ParseNodeCondition("DOWN").has_value());
}

TEST(NodeConditionTest, OrderedFromBestToWorst) {
  EXPECT_LT(NodeCondition::kRestored, NodeCondition::kDegraded);
  EXPECT_LT(NodeCondition::kDegraded, NodeCondition::kDown);
}

}  // namespace
}  // namespace phare::model
