#include "notify/address.h"

#include <gtest/gtest.h>

namespace phare::notify {
namespace {

TEST(NormalizeEmailAddress, AcceptsOrdinaryAddressesAndNormalizesTheDomain) {
  EXPECT_EQ(*NormalizeEmailAddress("  Jean.Dupont@Example.FR "), "Jean.Dupont@example.fr");
  EXPECT_EQ(*NormalizeEmailAddress("ops+status@mail.example.co.uk"),
            "ops+status@mail.example.co.uk");
  EXPECT_EQ(*NormalizeEmailAddress("contact@café.fr"), "contact@xn--caf-dma.fr");
  EXPECT_EQ(*NormalizeEmailAddress("o'brien@example.ie"), "o'brien@example.ie");
}

TEST(NormalizeEmailAddress, RefusesWhatItCannotDeliverSafely) {
  for (const char* bad :
       {"", "plain", "@example.fr", "a@", "a..b@example.fr", ".a@example.fr", "a.@example.fr",
        "a b@example.fr", "\"quoted\"@example.fr", "a@localhost", "a@example", "a@[10.0.0.1]",
        "a@-bad.example.fr", "a@example..fr", "a@example.123", "é@example.fr",
        "a@example.fr>\r\nBcc: x@y.z", "a@exa_mple.fr"}) {
    auto result = NormalizeEmailAddress(bad);
    EXPECT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.status().field(), "email") << bad;
  }
  EXPECT_FALSE(NormalizeEmailAddress(std::string(65, 'a') + "@example.fr").ok());
  EXPECT_TRUE(NormalizeEmailAddress(std::string(64, 'a') + "@example.fr").ok());
}

TEST(NormalizePhoneNumber, NationalFormsOfCommonCountries) {
  EXPECT_EQ(*NormalizePhoneNumber("FR", "06 12 34 56 78"), "+33612345678");
  EXPECT_EQ(*NormalizePhoneNumber("fr", "06.12.34.56.78"), "+33612345678");
  EXPECT_EQ(*NormalizePhoneNumber("US", "(415) 555-0100"), "+14155550100");
  EXPECT_EQ(*NormalizePhoneNumber("US", "1-415-555-0100"), "+14155550100");
  EXPECT_EQ(*NormalizePhoneNumber("GB", "07700 900123"), "+447700900123");
  EXPECT_EQ(*NormalizePhoneNumber("DE", "030 1234567"), "+49301234567");
  EXPECT_EQ(*NormalizePhoneNumber("IT", "06 1234 5678"), "+390612345678");  // Italy keeps the 0
  EXPECT_EQ(*NormalizePhoneNumber("ES", "612 34 56 78"), "+34612345678");
  EXPECT_EQ(*NormalizePhoneNumber("BE", "0470 12 34 56"), "+32470123456");
}

TEST(NormalizePhoneNumber, InternationalForms) {
  EXPECT_EQ(*NormalizePhoneNumber("FR", "+33 6 12 34 56 78"), "+33612345678");
  EXPECT_EQ(*NormalizePhoneNumber("FR", "+33 (0)6 12 34 56 78"), "+33612345678");
  EXPECT_EQ(*NormalizePhoneNumber("FR", "0033612345678"), "+33612345678");
  EXPECT_EQ(*NormalizePhoneNumber("FR", "+32 470 12 34 56"), "+32470123456");  // a Belgian number
  EXPECT_EQ(*NormalizePhoneNumber("KE", "+254 712 345678"), "+254712345678");  // country not listed
  // An international number needs no country (an export read back, an E.164 list).
  EXPECT_EQ(*NormalizePhoneNumber("", "+33 6 12 34 56 78"), "+33612345678");
  EXPECT_EQ(NormalizePhoneNumber("", "06 12 34 56 78").status().field(), "phone_country");
  EXPECT_EQ(NormalizePhoneNumber("", "0033612345678").status().field(), "phone_country");
}

TEST(NormalizePhoneNumber, RefusesMalformedNumbers) {
  EXPECT_EQ(NormalizePhoneNumber("FR", "06 12 34 56").status().field(), "phone_number");
  EXPECT_EQ(NormalizePhoneNumber("FR", "06 12 34 56 78 90").status().field(), "phone_number");
  EXPECT_EQ(NormalizePhoneNumber("FR", "+33 6 12").status().field(), "phone_number");
  EXPECT_EQ(NormalizePhoneNumber("FR", "06-CALL-NOW").status().field(), "phone_number");
  EXPECT_EQ(NormalizePhoneNumber("US", "(015) 555-0100").status().field(), "phone_number");
  EXPECT_EQ(NormalizePhoneNumber("KE", "0712 345678").status().field(), "phone_number");
  EXPECT_EQ(NormalizePhoneNumber("France", "0612345678").status().field(), "phone_country");
  EXPECT_EQ(NormalizePhoneNumber("FR", "+0612345678").status().field(), "phone_number");
}

}  // namespace
}  // namespace phare::notify
