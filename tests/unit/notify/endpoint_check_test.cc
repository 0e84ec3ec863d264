#include "notify/endpoint_check.h"

#include <gtest/gtest.h>

namespace phare::notify {
namespace {

TEST(EndpointCheck, AnAnswerEchoesTheChallengeAloneOrAsJson) {
  EXPECT_TRUE(EchoesChallenge("abc123", "abc123"));
  EXPECT_TRUE(EchoesChallenge(" abc123\r\n", "abc123"));
  EXPECT_TRUE(EchoesChallenge(R"({"challenge": "abc123"})", "abc123"));
  EXPECT_TRUE(EchoesChallenge(R"({"ok": true, "challenge":"abc123"})", "abc123"));
  EXPECT_FALSE(EchoesChallenge("", "abc123"));
  EXPECT_FALSE(EchoesChallenge("ok", "abc123"));
  EXPECT_FALSE(EchoesChallenge("abc1234", "abc123"));
  EXPECT_FALSE(EchoesChallenge(R"({"challenge": "abc12"})", "abc123"));
  EXPECT_FALSE(EchoesChallenge(R"({"challenge": 7})", "abc123"));
  EXPECT_FALSE(EchoesChallenge(R"(["abc123"])", "abc123"));
  EXPECT_FALSE(EchoesChallenge("", ""));
}

}  // namespace
}  // namespace phare::notify
