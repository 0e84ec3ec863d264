#include "base/config.h"

#include <gtest/gtest.h>

namespace phare::base {
namespace {

TEST(Config, ReadsKnownKeysAndKeepsDefaults) {
  Config c;
  ASSERT_TRUE(LoadConfigText(R"(
[page]
name = "Acme Status"
time_zone = "Europe/Paris"
[server]
max_body_bytes = 4096
access_log = true
)",
                             "test.toml", c)
                  .ok());
  EXPECT_EQ(c.page.name, "Acme Status");
  EXPECT_EQ(c.page.time_zone, "Europe/Paris");
  EXPECT_EQ(c.page.url, PageConfig{}.url);
  EXPECT_EQ(c.server.max_body_bytes, 4096u);
  EXPECT_TRUE(c.server.access_log);
  EXPECT_EQ(c.server.read_timeout_seconds, ServerConfig{}.read_timeout_seconds);
}

TEST(Config, RejectsUnknownKeysWithTheirLine) {
  Config c;
  auto s = LoadConfigText("[server]\nlisten = \"127.0.0.1:1\"\nmax_body_byte = 3\n", "x.toml", c);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.field(), "server.max_body_byte");
  EXPECT_NE(s.message().find("x.toml:3"), std::string::npos) << s.message();
}

TEST(Config, RejectsWrongTypesAndRanges) {
  Config c;
  EXPECT_EQ(LoadConfigText("[server]\nthreads = \"two\"\n", "x", c).field(), "server.threads");
  EXPECT_EQ(LoadConfigText("[server]\nmax_body_bytes = 1\n", "x", c).field(),
            "server.max_body_bytes");
  EXPECT_EQ(LoadConfigText("[page]\ntime_zone = \"Nowhere/Land\"\n", "x", c).field(),
            "page.time_zone");
  EXPECT_EQ(LoadConfigText("[nonsense]\n", "x", c).field(), "nonsense");
  EXPECT_FALSE(LoadConfigText("[server\n", "x", c).ok());
  // Found by fuzzing: a float for an integer was converted (undefined behaviour for 1e75).
  const auto huge = LoadConfigText("[cadence]\ninterval_minutes = 1e75\n", "x", c);
  EXPECT_EQ(huge.field(), "cadence.interval_minutes");
  EXPECT_NE(huge.message().find("wrong type"), std::string::npos) << huge.message();
  EXPECT_EQ(LoadConfigText("[server]\nthreads = 2.0\n", "x", c).field(), "server.threads");
}

TEST(Config, InventoryUploadLimit) {
  Config c;
  EXPECT_EQ(c.inventory.max_upload_bytes, uint64_t{512} << 20);
  ASSERT_TRUE(LoadConfigText("[inventory]\nmax_upload_bytes = 2048\n", "x", c).ok());
  EXPECT_EQ(c.inventory.max_upload_bytes, 2048u);
  EXPECT_EQ(LoadConfigText("[inventory]\nmax_upload_bytes = 10\n", "x", c).field(),
            "inventory.max_upload_bytes");
  EXPECT_EQ(LoadConfigText("[inventory]\nmax_upload = 4096\n", "x", c).field(),
            "inventory.max_upload");
}

TEST(Config, MissingFileIsAnIoError) {
  Config c;
  EXPECT_EQ(LoadConfigFile("/nonexistent/phare.toml", c).code(), Code::kIoError);
}

TEST(ParseHostPort, AcceptsV4V6AndRejectsGarbage) {
  auto a = ParseHostPort("127.0.0.1:8080");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8080);
  auto b = ParseHostPort("[::1]:0");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->host, "::1");
  EXPECT_EQ(b->port, 0);
  EXPECT_FALSE(ParseHostPort("localhost").ok());
  EXPECT_FALSE(ParseHostPort("127.0.0.1:99999").ok());
  EXPECT_FALSE(ParseHostPort("127.0.0.1:80x").ok());
}

}  // namespace
}  // namespace phare::base
