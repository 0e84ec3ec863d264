#include "http/body_budget.h"

#include <gtest/gtest.h>

#include "http/server.h"

namespace phare::http {
namespace {

TEST(BodyLimit, ChecksFirstRoutesGetTheServerLimitOthersThePublicOne) {
  ServerOptions options;
  options.max_body_bytes = 1 << 20;
  options.max_public_body_bytes = 64 << 10;
  RouteOptions open;
  EXPECT_EQ(BodyLimit(open, options), 64u << 10);
  RouteOptions checked;
  checked.admit = [](Request&) { return std::optional<Response>(); };
  EXPECT_EQ(BodyLimit(checked, options), 1u << 20);
  checked.max_body_bytes = 500;
  EXPECT_EQ(BodyLimit(checked, options), 500u);
}

TEST(ByteBudget, NeverPassesItsLimitAndGivesBack) {
  ByteBudget budget(100);
  EXPECT_TRUE(budget.TryTake(60));
  EXPECT_FALSE(budget.TryTake(41));
  EXPECT_TRUE(budget.TryTake(40));
  EXPECT_FALSE(budget.TryTake(1));
  budget.Give(60);
  EXPECT_EQ(budget.used(), 40u);
  EXPECT_FALSE(budget.TryTake(UINT64_MAX));  // no overflow
}

TEST(Reserve, RefusesWhatNeverFits413AndWhatDoesNotFitNow503) {
  ByteBudget budget(1000);
  {
    Reservation first = Reserve(budget, 600, 5000);
    EXPECT_EQ(first.refusal, 0);
    EXPECT_EQ(first.limit, 5000u);
    EXPECT_EQ(budget.used(), 600u);
    EXPECT_EQ(Reserve(budget, 600, 5000).refusal, 503);
    EXPECT_EQ(Reserve(budget, 2000, 5000).refusal, 413);
    // Chunked: the smaller of the route's limit and the budget, enforced as it arrives.
    Reservation chunked = Reserve(budget, std::nullopt, 300);
    EXPECT_EQ(chunked.refusal, 0);
    EXPECT_EQ(chunked.limit, 300u);
    EXPECT_EQ(budget.used(), 900u);
  }
  EXPECT_EQ(budget.used(), 0u);  // leases give back when they go
  Reservation whole = Reserve(budget, std::nullopt, 5000);
  EXPECT_EQ(whole.limit, 1000u);
  EXPECT_EQ(budget.used(), 1000u);
}

}  // namespace
}  // namespace phare::http
