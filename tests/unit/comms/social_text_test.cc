// How each network counts a post, and fitting posts into their limits.
#include "comms/social_text.h"

#include <gtest/gtest.h>

namespace phare::comms {
namespace {

const std::string kLink = "https://status.example.com/incidents/01HZX4ABCDEFGHJKMNPQRSTVWX";

TEST(PostLengthTest, MastodonCountsGraphemesAndLinksAs23) {
  EXPECT_EQ(PostLength(Network::kMastodon, "abc"), 3u);
  EXPECT_EQ(PostLength(Network::kMastodon, "Panne à Strasbourg"), 18u);
  // A family emoji is one grapheme of seven code points; an accented letter written as
  // e + combining acute is one grapheme too.
  EXPECT_EQ(PostLength(Network::kMastodon, "\U0001F468\u200D\U0001F469\u200D\U0001F467"), 1u);
  EXPECT_EQ(PostLength(Network::kMastodon, "e\u0301"), 1u);
  EXPECT_EQ(PostLength(Network::kMastodon, "See " + kLink), 4u + kLinkWeight);
  EXPECT_EQ(PostLength(Network::kMastodon, kLink + " " + kLink), 2 * kLinkWeight + 1);
}

TEST(PostLengthTest, BlueskyCountsEveryGraphemeOfLinksToo) {
  EXPECT_EQ(PostLength(Network::kBluesky, "See " + kLink), 4u + kLink.size());
  EXPECT_EQ(PostLength(Network::kBluesky, "\U0001F1EB\U0001F1F7 ok"), 4u);  // a flag is one
}

TEST(PostLengthTest, XWeighsLatinOneOthersTwoEmojiTwoLinks23) {
  EXPECT_EQ(PostLength(Network::kX, "abc"), 3u);
  EXPECT_EQ(PostLength(Network::kX, "été"), 3u);   // Latin-1 weighs 1
  EXPECT_EQ(PostLength(Network::kX, "停電"), 4u);  // CJK weighs 2
  EXPECT_EQ(PostLength(Network::kX, "\U0001F468\u200D\U0001F469\u200D\U0001F467"), 2u);
  EXPECT_EQ(PostLength(Network::kX, "e\u0301"), 1u);  // NFC: é
  EXPECT_EQ(PostLength(Network::kX, "Voir " + kLink), 5u + kLinkWeight);
  EXPECT_EQ(PostLength(Network::kX, "\u2014"), 1u);  // em dash: a light range
}

TEST(LinkRangesTest, ByteOffsetsOfUrls) {
  const std::string text = "Panne — voir " + kLink + " merci";
  const auto links = LinkRanges(text);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(text.substr(links[0].begin, links[0].end - links[0].begin), kLink);
  EXPECT_EQ(links[0].begin, std::string("Panne — voir ").size());  // bytes, not characters
}

std::vector<PostPart> Parts() {
  return {{"Outage since 7:21 AM CET: Dedicated servers in Strasbourg.", true},
          {"We are sorry.", false},
          {"We are looking for the cause.", false},
          {"Our teams are on it.", false},
          {"Next update by 9:00 AM CET.", false}};
}

TEST(FitPostTest, EverythingFitsWhenThereIsRoom) {
  auto text = FitPost(Network::kMastodon, 500, Parts(), kLink);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "Outage since 7:21 AM CET: Dedicated servers in Strasbourg. We are sorry. We are "
            "looking for the cause. Our teams are on it. Next update by 9:00 AM CET. " +
                kLink);
}

TEST(FitPostTest, LeavesOutOptionalSentencesThatDoNotFitButKeepsLaterShortOnes) {
  for (Network n : {Network::kMastodon, Network::kBluesky, Network::kX}) {
    // From 125: room for the headline and the link as every network counts it (Bluesky
    // counts the link's 63 characters).
    for (size_t limit = 125; limit <= 260; limit += 7) {
      auto text = FitPost(n, limit, Parts(), kLink);
      ASSERT_TRUE(text.ok()) << limit;
      EXPECT_LE(PostLength(n, *text), limit) << *text;
      EXPECT_TRUE(text->ends_with(" " + kLink)) << *text;  // the link whole, last
      EXPECT_TRUE(text->starts_with(Parts()[0].text)) << *text;
      for (const auto& part : Parts()) {  // whole sentences only
        const bool in = text->find(part.text) != std::string::npos;
        if (!in) {
          EXPECT_EQ(text->find(part.text.substr(0, 8)), std::string::npos) << *text;
        }
      }
    }
  }
  // With room for the headline, the apology and "Our teams are on it." but not for the
  // longer sentence before it, the later one goes in.
  const size_t limit = Parts()[0].text.size() + 1 + 13 + 1 + 20 + 1 + kLinkWeight;
  auto text = FitPost(Network::kMastodon, limit, Parts(), kLink);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, Parts()[0].text + " We are sorry. Our teams are on it. " + kLink);
}

TEST(FitPostTest, CutsARequiredSentenceAtAWordBoundaryNeverInsideAWordOrTheLink) {
  const std::vector<PostPart> parts = {
      {"Outage since 7:21 AM CET: Dedicated servers, Virtual private servers, Web hosting, "
       "Object storage and the control panel.",
       true}};
  auto text = FitPost(Network::kBluesky, 100, parts, kLink);
  ASSERT_TRUE(text.ok());
  EXPECT_LE(PostLength(Network::kBluesky, *text), 100u);
  EXPECT_TRUE(text->ends_with("… " + kLink)) << *text;
  const std::string head = text->substr(0, text->find("…"));
  EXPECT_TRUE(parts[0].text.starts_with(head)) << *text;
  const char next = parts[0].text[head.size()];
  EXPECT_TRUE(next == ' ' || next == ',' || next == ':' || next == '.') << *text;
}

TEST(FitPostTest, RefusesWhenNotEvenALinkAndAWordFit) {
  EXPECT_FALSE(FitPost(Network::kX, 20, Parts(), kLink).ok());
  EXPECT_FALSE(FitPost(Network::kBluesky, 30, {}, kLink).ok());
}

TEST(NetworkTest, NamesAndLimits) {
  EXPECT_EQ(ParseNetwork("bluesky"), Network::kBluesky);
  EXPECT_EQ(ParseNetwork("twitter"), std::nullopt);
  EXPECT_EQ(DefaultLimit(Network::kMastodon), 500u);
  EXPECT_EQ(DefaultLimit(Network::kBluesky), 300u);
  EXPECT_EQ(DefaultLimit(Network::kX), 280u);
}

}  // namespace
}  // namespace phare::comms
