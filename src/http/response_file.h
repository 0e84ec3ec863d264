// Whole responses of the larger ready resources (head, Date line, blank line, body),
// written once a second into a memory file (memfd) per network thread, so that each
// response is one sendfile(2): the kernel then hands out references to the file's
// pages instead of copying the body into every response, and the client side copies
// from pages that stay in cache, as with a static-file server.
//
// The file is replaced every kLifetimeSeconds (pages still queued on sockets stay
// valid: the kernel counts references to them) and stops growing at kMaxBytes until
// then; Offset() returns -1 when it cannot help, and callers write from memory.
//
// Not thread-safe: one per network thread.
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <string_view>
#include <unordered_map>

namespace phare::http {

class ResponseFile {
 public:
  static constexpr size_t kMinBody = 8 << 10;  // smaller bodies are written from memory
  static constexpr std::time_t kLifetimeSeconds = 10;
  static constexpr int64_t kMaxBytes = 16 << 20;

  ResponseFile() = default;
  ~ResponseFile();
  ResponseFile(const ResponseFile&) = delete;
  ResponseFile& operator=(const ResponseFile&) = delete;

  // The offset in fd() of head + date_line + "\r\n" + body, written now unless it was
  // written during `second` already. `version` and `body` identify the response (a
  // snapshot's version and its body's address); `date_line` must be the Date line of
  // `second`. Returns -1 when the file cannot be used (no descriptor, full, I/O error).
  int64_t Offset(uint64_t version, std::string_view head, std::time_t second,
                 std::string_view date_line, std::string_view body);
  int fd() const { return fd_; }

 private:
  struct Key {
    uint64_t version;
    const void* body;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return std::hash<const void*>{}(k.body) ^ (k.version * 0x9e3779b97f4a7c15ULL);
    }
  };

  void StartSecond(std::time_t second);

  int fd_ = -1;
  int64_t size_ = 0;
  std::time_t second_ = 0;   // the second of the regions in offsets_
  std::time_t created_ = 0;  // when fd_ was created
  std::unordered_map<Key, int64_t, KeyHash> offsets_;
};

}  // namespace phare::http
