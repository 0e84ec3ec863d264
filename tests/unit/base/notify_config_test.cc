// The [smtp], [sms] and [notify] sections of the configuration file.
#include <gtest/gtest.h>

#include "base/config.h"

namespace phare::base {
namespace {

TEST(NotifyConfig, ReadsTheNotificationSections) {
  Config c;
  auto s = LoadConfigText(R"(
[smtp]
url = "smtp://relay.example.net:587"
from = "status@example.net"
connections = 4
[sms]
url = "https://sms.example.net/send"
headers = ["Authorization: Bearer x"]
max_segments = 2
[notify]
allow_private_targets = true
max_attempts = 3
retry_initial_seconds = 1
subscribe_per_address_per_hour = 2
sender_threads = 2
keep_delivered_days = 0
public_webhooks = "admin_only"
)",
                          "n.toml", c);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(c.smtp.url, "smtp://relay.example.net:587");
  EXPECT_EQ(c.smtp.connections, 4);
  EXPECT_EQ(c.sms.headers, std::vector<std::string>{"Authorization: Bearer x"});
  EXPECT_EQ(c.sms.max_segments, 2);
  EXPECT_TRUE(c.notify.allow_private_targets);
  EXPECT_EQ(c.notify.max_attempts, 3);
  EXPECT_EQ(c.notify.retry_initial_seconds, 1);
  EXPECT_EQ(c.notify.sender_threads, 2);
  EXPECT_EQ(c.notify.keep_delivered_days, 0);
  EXPECT_EQ(c.notify.lease_seconds, NotifyConfig{}.lease_seconds);
  EXPECT_EQ(c.notify.public_webhooks, "admin_only");
  EXPECT_EQ(NotifyConfig{}.public_webhooks, "verify");
}

TEST(NotifyConfig, RejectsTyposAndNonsense) {
  Config c;
  EXPECT_EQ(LoadConfigText("[smtp]\nurls = \"x\"\n", "n", c).field(), "smtp.urls");
  EXPECT_EQ(LoadConfigText("[notify]\nmax_attempts = 0\n", "n", c).field(), "notify.max_attempts");
  EXPECT_EQ(LoadConfigText("[notify]\nretry_initial_seconds = 60\nretry_max_seconds = 10\n", "n", c)
                .field(),
            "notify.retry_max_seconds");
  EXPECT_EQ(LoadConfigText("sms = 3\n", "n", c).field(), "sms");
  EXPECT_EQ(LoadConfigText("[notify]\nsender_threads = 0\n", "n", c).field(),
            "notify.sender_threads");
  EXPECT_EQ(LoadConfigText("[notify]\nkeep_delivered_days = -1\n", "n", c).field(),
            "notify.keep_delivered_days");
  EXPECT_EQ(LoadConfigText("[notify]\npublic_webhooks = \"yes\"\n", "n", c).field(),
            "notify.public_webhooks");
}

}  // namespace
}  // namespace phare::base
