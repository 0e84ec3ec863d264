#include "eta/eval/text_cues.h"

#include <gtest/gtest.h>

namespace phare::eta {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

base::Time T(const char* text) { return base::ParseTime(text).value(); }

TEST(TextCuesTest, ReadsAPromisedUpdateInANamedZone) {
  // 2022-06-16 13:00 US/Pacific is 20:00 UTC (PDT).
  auto cues = ParseTextCues(
      "Description: Mitigation work is currently underway by our engineering team.\n"
      "We do not have an ETA for mitigation at this point.\n"
      "We will provide more information by Thursday, 2022-06-16 13:00 US/Pacific.",
      T("2022-06-16T18:26:00Z"));
  EXPECT_EQ(cues.next_update_at, T("2022-06-16T20:00:00Z"));
  EXPECT_TRUE(cues.no_eta);
  EXPECT_FALSE(cues.eta);
}

TEST(TextCuesTest, ReadsAStatedCompletionTime) {
  auto cues = ParseTextCues(
      "The mitigation is expected to complete by Tuesday, 2022-06-21 09:00 US/Pacific.\n"
      "We will provide more information by Tuesday, 2022-06-21 09:00 US/Pacific.",
      T("2022-06-21T13:47:00Z"));
  ASSERT_TRUE(cues.eta);
  EXPECT_EQ(cues.eta->to, T("2022-06-21T16:00:00Z"));
  EXPECT_EQ(cues.eta->stated_at, T("2022-06-21T13:47:00Z"));
  EXPECT_EQ(cues.next_update_at, T("2022-06-21T16:00:00Z"));
}

TEST(TextCuesTest, ReadsRelativeTimesAndRanges) {
  base::Time at = T("2024-01-10T12:00:00Z");
  auto cues = ParseTextCues(
      "We expect service to be restored within 2-3 hours. "
      "Next update in 30 minutes.",
      at);
  // "expect ... to be restored" is not "expected to be restored": only the update counts.
  EXPECT_EQ(cues.next_update_at, at + minutes(30));
  cues = ParseTextCues("Service should be restored within 2-3 hours.", at);
  ASSERT_TRUE(cues.eta);
  EXPECT_EQ(cues.eta->from, at + hours(2));
  EXPECT_EQ(cues.eta->to, at + hours(3));
}

TEST(TextCuesTest, ReadsTimesOfDayWithAZone) {
  base::Time at = T("2024-01-10T16:30:00Z");
  auto cues = ParseTextCues("We will post another update by 15:00 UTC.", at);
  EXPECT_EQ(cues.next_update_at, T("2024-01-11T15:00:00Z"));  // today's 15:00 has passed
  cues = ParseTextCues("We will post another update by 17:15 UTC.", at);
  EXPECT_EQ(cues.next_update_at, T("2024-01-10T17:15:00Z"));
}

TEST(TextCuesTest, IgnoresTimesWithoutAZoneAndPastTimes) {
  base::Time at = T("2024-01-10T12:00:00Z");
  EXPECT_FALSE(ParseTextCues("We will provide an update at 2024-01-10 14:00.", at).next_update_at);
  EXPECT_FALSE(
      ParseTextCues("We will provide an update by 2024-01-10 11:00 UTC.", at).next_update_at);
  EXPECT_FALSE(ParseTextCues("The issue began at 2024-01-10 11:00 UTC.", at).eta);
}

}  // namespace
}  // namespace phare::eta
