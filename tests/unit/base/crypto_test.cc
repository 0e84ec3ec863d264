#include "base/crypto.h"

#include <gtest/gtest.h>

#include "base/random.h"

namespace phare::base {
namespace {

TEST(Crypto, HmacSha256MatchesRfc4231) {
  // RFC 4231 test case 2.
  EXPECT_EQ(HexEncode(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, Blake2bIs32BytesAndDeterministic) {
  EXPECT_EQ(Blake2b256("token").size(), 32u);
  EXPECT_EQ(Blake2b256("token"), Blake2b256("token"));
  EXPECT_NE(Blake2b256("token"), Blake2b256("token2"));
}

TEST(Crypto, Base64Variants) {
  EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
}

TEST(Crypto, ConstantTimeEqual) {
  EXPECT_TRUE(ConstantTimeEqual("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEqual("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEqual("abc", "abcd"));
}

TEST(Random, IdsAreTwelveBase36Characters) {
  SeededRandom random(42);
  const std::string a = NewId(random);
  EXPECT_EQ(a.size(), 12u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz"), std::string::npos);
  EXPECT_NE(a, NewId(random));
  EXPECT_NE(NewId(SystemRandom::Instance()), NewId(SystemRandom::Instance()));
}

}  // namespace
}  // namespace phare::base
