#include "http/response_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

namespace phare::http {
namespace {

std::string ReadAt(int fd, int64_t offset, size_t size) {
  std::string out(size, '\0');
  const ssize_t n = ::pread(fd, out.data(), size, static_cast<off_t>(offset));
  out.resize(n < 0 ? 0 : static_cast<size_t>(n));
  return out;
}

const std::string kHead = "HTTP/1.1 200 OK\r\nContent-Length: 10000";
const std::string kDate = "\r\nDate: Thu, 09 Nov 2017 12:00:00 GMT\r\n";
const std::string kBody(10000, 'x');

TEST(ResponseFile, HoldsTheWholeResponse) {
  ResponseFile file;
  const int64_t offset = file.Offset(1, kHead, 100, kDate, kBody);
  ASSERT_GE(offset, 0);
  const std::string want = kHead + kDate + "\r\n" + kBody;
  EXPECT_EQ(ReadAt(file.fd(), offset, want.size()), want);
}

TEST(ResponseFile, WritesEachResponseOncePerSecond) {
  ResponseFile file;
  const int64_t first = file.Offset(1, kHead, 100, kDate, kBody);
  EXPECT_EQ(file.Offset(1, kHead, 100, kDate, kBody), first);
  const std::string other_body(9000, 'y');
  const int64_t other = file.Offset(1, kHead, 100, kDate, other_body);
  EXPECT_NE(other, first);
  EXPECT_NE(file.Offset(2, kHead, 100, kDate, kBody), first);  // another snapshot

  const std::string next_date = "\r\nDate: Thu, 09 Nov 2017 12:00:01 GMT\r\n";
  const int64_t next = file.Offset(1, kHead, 101, next_date, kBody);
  EXPECT_NE(next, first);
  EXPECT_EQ(ReadAt(file.fd(), next, kHead.size() + next_date.size()), kHead + next_date);
  EXPECT_EQ(ReadAt(file.fd(), first, kHead.size() + kDate.size()), kHead + kDate);
}

TEST(ResponseFile, StartsAFreshFileAfterItsLifetime) {
  ResponseFile file;
  ASSERT_GE(file.Offset(1, kHead, 100, kDate, kBody), 0);
  const int fd = file.fd();
  ASSERT_GE(file.Offset(1, kHead, 100 + ResponseFile::kLifetimeSeconds - 1, kDate, kBody), 0);
  EXPECT_EQ(file.fd(), fd);
  EXPECT_EQ(file.Offset(1, kHead, 100 + ResponseFile::kLifetimeSeconds, kDate, kBody), 0);
  const std::string want = kHead + kDate + "\r\n" + kBody;
  EXPECT_EQ(ReadAt(file.fd(), 0, want.size()), want);
}

TEST(ResponseFile, RefusesToGrowPastItsCap) {
  ResponseFile file;
  const std::string big(ResponseFile::kMaxBytes / 4, 'z');
  int accepted = 0;
  for (uint64_t version = 1; version <= 8; ++version) {
    if (file.Offset(version, kHead, 100, kDate, big) >= 0) ++accepted;
  }
  EXPECT_EQ(accepted, 3);  // a fourth would pass the cap with its head
  EXPECT_EQ(file.Offset(1, kHead, 100 + ResponseFile::kLifetimeSeconds, kDate, big), 0);
}

}  // namespace
}  // namespace phare::http
