#include "notify/outcome.h"

#include <curl/curl.h>
#include <gtest/gtest.h>

namespace phare::notify {
namespace {

DeliveryResult Http(long status) {
  return ClassifyTransfer(Channel::kWebhook, CURLE_OK, status, "", "").result;
}

TEST(ClassifyTransfer, HttpStatuses) {
  EXPECT_EQ(Http(200), DeliveryResult::kDelivered);
  EXPECT_EQ(Http(204), DeliveryResult::kDelivered);
  EXPECT_EQ(Http(301), DeliveryResult::kPermanent);  // redirects count as failures
  EXPECT_EQ(Http(302), DeliveryResult::kPermanent);
  EXPECT_EQ(Http(400), DeliveryResult::kPermanent);
  EXPECT_EQ(Http(404), DeliveryResult::kPermanent);
  EXPECT_EQ(Http(410), DeliveryResult::kPermanent);
  EXPECT_EQ(Http(408), DeliveryResult::kRetryable);
  EXPECT_EQ(Http(429), DeliveryResult::kRetryable);
  EXPECT_EQ(Http(500), DeliveryResult::kRetryable);
  EXPECT_EQ(Http(503), DeliveryResult::kRetryable);
}

TEST(ClassifyTransfer, ReasonCarriesAPrintableExcerptOfTheBody) {
  const Verdict v = ClassifyTransfer(Channel::kChat, CURLE_OK, 404, "", "no_service\n\x01more");
  EXPECT_EQ(v.reason, "HTTP 404: no_service  more");
  EXPECT_NE(ClassifyTransfer(Channel::kChat, CURLE_OK, 302, "", "").reason.find("redirect"),
            std::string::npos);
}

TEST(ClassifyTransfer, TransportErrorsAreRetryableUnlessTheRequestIsMalformed) {
  EXPECT_EQ(ClassifyTransfer(Channel::kWebhook, CURLE_OPERATION_TIMEDOUT, 0, "", "").result,
            DeliveryResult::kRetryable);
  EXPECT_EQ(ClassifyTransfer(Channel::kSms, CURLE_COULDNT_CONNECT, 0, "", "").result,
            DeliveryResult::kRetryable);
  EXPECT_EQ(ClassifyTransfer(Channel::kWebhook, CURLE_URL_MALFORMAT, 0, "", "").result,
            DeliveryResult::kPermanent);
  // A body we stopped reading still counts by its status.
  EXPECT_EQ(ClassifyTransfer(Channel::kWebhook, CURLE_WRITE_ERROR, 200, "", "").result,
            DeliveryResult::kDelivered);
}

TEST(ClassifyTransfer, SmtpReplyCodes) {
  EXPECT_EQ(ClassifyTransfer(Channel::kEmail, CURLE_OK, 250, "", "").result,
            DeliveryResult::kDelivered);
  EXPECT_EQ(ClassifyTransfer(Channel::kEmail, CURLE_SEND_ERROR, 550, "RCPT failed: 550", "").result,
            DeliveryResult::kPermanent);
  EXPECT_EQ(ClassifyTransfer(Channel::kEmail, CURLE_SEND_ERROR, 451, "", "").result,
            DeliveryResult::kRetryable);
  EXPECT_EQ(ClassifyTransfer(Channel::kEmail, CURLE_COULDNT_CONNECT, 0, "", "").result,
            DeliveryResult::kRetryable);
  EXPECT_EQ(ClassifyTransfer(Channel::kEmail, CURLE_LOGIN_DENIED, 535, "", "").result,
            DeliveryResult::kPermanent);
}

}  // namespace
}  // namespace phare::notify
