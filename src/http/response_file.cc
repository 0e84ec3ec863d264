#include "http/response_file.h"

#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>

namespace phare::http {

ResponseFile::~ResponseFile() {
  if (fd_ >= 0) ::close(fd_);
}

void ResponseFile::StartSecond(std::time_t second) {
  second_ = second;
  offsets_.clear();
  if (fd_ >= 0 && (second - created_ >= kLifetimeSeconds || second < created_)) {
    ::close(fd_);  // responses still queued keep their pages
    fd_ = -1;
  }
  if (fd_ < 0) {
    fd_ = memfd_create("phare-responses", MFD_CLOEXEC);
    size_ = 0;
    created_ = second;
  }
}

int64_t ResponseFile::Offset(uint64_t version, std::string_view head, std::time_t second,
                             std::string_view date_line, std::string_view body) {
  if (second != second_) StartSecond(second);
  if (fd_ < 0) return -1;  // out of descriptors: try again next second
  auto [it, inserted] = offsets_.try_emplace(Key{version, body.data()}, -1);
  if (!inserted) return it->second;

  static constexpr char kBlank[] = "\r\n";
  iovec parts[] = {{const_cast<char*>(head.data()), head.size()},
                   {const_cast<char*>(date_line.data()), date_line.size()},
                   {const_cast<char*>(kBlank), 2},
                   {const_cast<char*>(body.data()), body.size()}};
  const int64_t total = static_cast<int64_t>(head.size() + date_line.size() + 2 + body.size());
  if (size_ + total > kMaxBytes) return -1;  // full until the next file
  const int64_t offset = size_;
  size_ += total;  // a failed write leaves a hole that is never sent
  ssize_t n;
  do {
    n = ::pwritev(fd_, parts, 4, static_cast<off_t>(offset));
  } while (n < 0 && errno == EINTR);
  if (n != total) return -1;
  it->second = offset;
  return offset;
}

}  // namespace phare::http
