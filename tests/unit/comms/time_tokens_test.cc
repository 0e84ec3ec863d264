#include "comms/time_tokens.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace phare::comms {
namespace {

using testing::At;
using testing::CatalogFor;
using testing::ZoneNamed;

TEST(TimeTokens, RoundTripThroughResolve) {
  const base::Time t = At("2017-11-09T13:30:00Z");
  EXPECT_EQ(TimeToken(t), "{time:2017-11-09T13:30:00Z}");
  EXPECT_EQ(DateToken(t), "{date:2017-11-09T13:30:00Z}");
  auto fr = TimeFormatter::Create(CatalogFor("fr"), ZoneNamed("Europe/Paris"));
  ASSERT_TRUE(fr.ok());
  const auto resolved = ResolveTimes(
      "Retour vers " + TimeToken(t) + ", rapport le " + DateToken(At("2017-11-20T12:00:00Z")) + ".",
      *fr, t);
  EXPECT_EQ(resolved.text(), "Retour vers " + fr->FormatTime(t) + ", rapport le " +
                                 fr->FormatDate(At("2017-11-20T12:00:00Z")) + ".");
  EXPECT_TRUE(resolved.invalid_tokens().empty());
}

TEST(TimeTokens, SameInstantReadsDifferentlyPerZone) {
  const std::string body = "Back by " + TimeToken(At("2017-11-09T13:30:00Z")) + ".";
  const auto reference = At("2017-11-09T12:00:00Z");
  EXPECT_EQ(testing::Resolve(body, "en", "Europe/Paris", reference), "Back by 2:30 PM CET.");
  EXPECT_EQ(testing::Resolve(body, "en", "America/Toronto", reference), "Back by 8:30 AM EST.");
}

TEST(TimeTokens, InvalidTokensAreKeptAndReported) {
  auto en = TimeFormatter::Create(CatalogFor("en"), base::Zone::Utc());
  ASSERT_TRUE(en.ok());
  const std::string body = "a {time:tomorrow} b {time:2017-11-09T13:30:00Z c";
  const auto resolved = ResolveTimes(body, *en, std::nullopt);
  ASSERT_EQ(resolved.invalid_tokens().size(), 2u);
  EXPECT_EQ(body.substr(resolved.invalid_tokens()[0].offset, resolved.invalid_tokens()[0].length),
            "{time:tomorrow}");
  EXPECT_EQ(resolved.invalid_tokens()[1].offset, body.find("{time:2017"));
  EXPECT_EQ(resolved.text().substr(0, 18), "a {time:tomorrow} ");
}

TEST(TimeTokens, EscapedTokensStayLiteral) {
  auto en = TimeFormatter::Create(CatalogFor("en"), base::Zone::Utc());
  ASSERT_TRUE(en.ok());
  const std::string body =
      "name \\{time:2017-11-09T13:30:00Z\\} then " + TimeToken(At("2017-11-09T13:30:00Z"));
  const auto resolved = ResolveTimes(body, *en, At("2017-11-09T10:00:00Z"));
  EXPECT_TRUE(resolved.invalid_tokens().empty());
  EXPECT_EQ(resolved.text(), "name \\{time:2017-11-09T13:30:00Z\\} then 1:30 PM UTC");
}

TEST(TimeTokens, MapsResolvedOffsetsBackToTheSource) {
  auto en = TimeFormatter::Create(CatalogFor("en"), ZoneNamed("Europe/Paris"));
  ASSERT_TRUE(en.ok());
  const std::string token = TimeToken(At("2017-11-09T13:30:00Z"));
  const std::string body = "At " + token + " the UPS failed.";
  const auto resolved = ResolveTimes(body, *en, At("2017-11-09T13:00:00Z"));
  const size_t ups = resolved.text().find("UPS");
  ASSERT_NE(ups, std::string::npos);
  const Span source = resolved.ToSource({ups, 3});
  EXPECT_EQ(body.substr(source.offset, source.length), "UPS");
  // A span inside the replaced time maps to the whole token.
  const Span inside = resolved.ToSource({3, 4});
  EXPECT_EQ(body.substr(inside.offset, inside.length), token);
  // Before any token, offsets are unchanged.
  EXPECT_EQ(resolved.ToSource({0, 2}).offset, 0u);
  EXPECT_EQ(resolved.ToSource({0, 2}).length, 2u);
}

}  // namespace
}  // namespace phare::comms
