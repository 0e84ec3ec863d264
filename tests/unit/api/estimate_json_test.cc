// phare.estimate in the v2 JSON: at the time of rendering, a passed promise is null and
// the estimate says it is late.
#include <gtest/gtest.h>

#include "api/json_render.h"

namespace phare::api {
namespace {

base::Time At(const char* text) { return *base::ParseTime(text); }

TEST(EstimateJson, APassedPromiseIsNullAndLate) {
  const model::Page page{"p1",
                         "Acme",
                         "https://status.example",
                         "UTC",
                         At("2017-11-01T00:00:00Z"),
                         At("2017-11-01T00:00:00Z")};
  const base::Zone zone = base::Zone::Utc();
  const std::vector<model::Component> components;
  RenderContext ctx{page, zone, components};
  model::Estimate e{"",
                    At("2017-11-09T12:30:00Z"),
                    At("2017-11-09T12:59:00Z"),
                    At("2017-11-09T16:25:00Z"),
                    "operator",
                    "",
                    At("2017-11-09T14:48:00Z")};
  ctx.now = At("2017-11-09T14:00:00Z");
  auto ahead = EstimateJson(ctx, e);
  EXPECT_EQ(ahead.at("expected_by").as_string(), zone.FormatRfc3339(e.expected_by));
  EXPECT_FALSE(ahead.at("late").as_bool());

  ctx.now = At("2017-11-09T15:12:00Z");
  auto passed = EstimateJson(ctx, e);
  EXPECT_TRUE(passed.at("expected_by").is_null());
  EXPECT_TRUE(passed.at("late").as_bool());

  e.late = true;  // a replacement for a passed promise: its own time is ahead
  e.expected_by = At("2017-11-09T15:40:00Z");
  auto replaced = EstimateJson(ctx, e);
  EXPECT_EQ(replaced.at("expected_by").as_string(), zone.FormatRfc3339(e.expected_by));
  EXPECT_TRUE(replaced.at("late").as_bool());
}

}  // namespace
}  // namespace phare::api
