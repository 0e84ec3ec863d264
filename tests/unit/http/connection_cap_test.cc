#include <gtest/gtest.h>

#include "http/server.h"

namespace phare::http {
namespace {

TEST(ConnectionCap, KeepsDescriptorsForEverythingElse) {
  EXPECT_EQ(ConnectionCap(50000, 1048576), 50000);
  EXPECT_EQ(ConnectionCap(50000, 20000), 20000 - static_cast<int>(kReservedFiles));
  EXPECT_EQ(ConnectionCap(50000, 300), 150);  // few descriptors: half of them
  EXPECT_EQ(ConnectionCap(100, 20000), 100);
}

}  // namespace
}  // namespace phare::http
