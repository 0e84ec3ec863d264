// The [social] section and its [[social.accounts]].
#include <gtest/gtest.h>

#include "base/config.h"

namespace phare::base {
namespace {

constexpr std::string_view kTwoAccounts = R"(
[social]
max_attempts = 5
lease_seconds = 60
[[social.accounts]]
name = "mastodon-fr"
network = "mastodon"
url = "https://mastodon.example"
language = "fr"
token_file = "/etc/phare/m.token"
max_chars = 1000
hold_seconds = 120
[[social.accounts]]
name = "bluesky-en"
network = "bluesky"
url = "https://bsky.social"
audience = "technical"
time_zone = "UTC"
handle = "status.example.com"
token_env = "BSKY"
)";

TEST(SocialConfig, ReadsAccounts) {
  Config c;
  auto s = LoadConfigText(kTwoAccounts, "s.toml", c);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(c.social.max_attempts, 5);
  EXPECT_EQ(c.social.lease_seconds, 60);
  ASSERT_EQ(c.social.accounts.size(), 2u);
  EXPECT_EQ(c.social.accounts[0].language, "fr");
  EXPECT_EQ(c.social.accounts[0].max_chars, 1000);
  EXPECT_EQ(c.social.accounts[0].hold_seconds, 120);
  EXPECT_EQ(c.social.accounts[1].audience, "technical");
  EXPECT_EQ(c.social.accounts[1].token_env, "BSKY");
}

// Each mistake is refused with the setting's name.
TEST(SocialConfig, RefusesMistakesNamingTheSetting) {
  const std::pair<std::string, std::string> cases[] = {
      {"[[social.accounts]]\nname='a'\nnetwork='twitter'\nurl='https://x'\ntoken_env='T'",
       "social.accounts[0].network"},
      {"[[social.accounts]]\nname='a'\nnetwork='x'\nurl='ftp://x'\ntoken_env='T'",
       "social.accounts[0].url"},
      {"[[social.accounts]]\nname='a'\nnetwork='x'\nurl='https://x'",
       "social.accounts[0].token_file"},
      {"[[social.accounts]]\nname='a'\nnetwork='x'\nurl='https://x'\ntoken_env='T'\n"
       "token_file='f'",
       "social.accounts[0].token_file"},
      {"[[social.accounts]]\nname='a'\nnetwork='bluesky'\nurl='https://x'\ntoken_env='T'",
       "social.accounts[0].handle"},
      {"[[social.accounts]]\nname='a'\nnetwork='x'\nurl='https://x'\ntoken_env='T'\ntoken='s'",
       "social.accounts[0].token"},
      {"[[social.accounts]]\nname='a'\nnetwork='x'\nurl='https://x'\ntoken_env='T'\n"
       "[[social.accounts]]\nname='a'\nnetwork='x'\nurl='https://x'\ntoken_env='T'",
       "social.accounts[1].name"},
      {"[social]\naccount = []", "social.account"},
      {"[social]\nretry_initial_seconds = 60\nretry_max_seconds = 10", "social.retry_max_seconds"},
  };
  for (const auto& [toml, field] : cases) {
    Config c;
    auto s = LoadConfigText(toml, "s.toml", c);
    EXPECT_EQ(s.code(), Code::kInvalidArgument) << toml;
    EXPECT_EQ(s.field(), field) << toml << "\n" << s.ToString();
  }
}

}  // namespace
}  // namespace phare::base
