#include "base/status.h"

#include <gtest/gtest.h>

namespace phare::base {
namespace {

Result<int> Half(int n) {
  if (n % 2) return InvalidArgument("must be even", "n");
  return n / 2;
}

Result<int> Quarter(int n) {
  PHARE_ASSIGN_OR_RETURN(int half, Half(n));
  PHARE_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(Status, ToStringNamesCodeAndField) {
  EXPECT_EQ(InvalidArgument("must be even", "n").ToString(), "invalid_argument: n: must be even");
  EXPECT_EQ(NotFound("no such incident").ToString(), "not_found: no such incident");
}

TEST(Result, PropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "n");
  EXPECT_FALSE(Quarter(7).ok());
}

}  // namespace
}  // namespace phare::base
