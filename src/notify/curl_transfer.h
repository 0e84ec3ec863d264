// One libcurl easy handle and the request it carries (internal to transport.cc).
// A CurlTransfer is reused for many requests so its handle and buffers are kept;
// libcurl's multi handle owns the connections, so reuse across transfers happens there.
// Not thread-safe: owned by one Transport.
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <optional>
#include <string>

#include "base/clock.h"
#include "base/status.h"
#include "notify/outcome.h"
#include "notify/transport.h"

namespace phare::notify {

class CurlTransfer {
 public:
  struct Setup {
    const TransportOptions& options;
    const base::Clock& clock;
    void* host;  // the transport's queue for this origin, handed back by host()
  };

  CurlTransfer();
  ~CurlTransfer();
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;

  // Configures the easy handle for `request`. InvalidArgument if libcurl rejects an
  // option (e.g. a URL it cannot parse).
  base::Status Prepare(Request request, const Setup& setup);
  // The outcome once libcurl reports the transfer done with `code`.
  Outcome Conclude(CURLcode code);
  // Frees per-request state; the handle stays for the next Prepare.
  void Release();

  CURL* easy() const { return easy_; }
  const Request& request() const { return request_; }
  void* host() const { return host_; }

 private:
  static size_t OnRead(char* buffer, size_t size, size_t count, void* self);
  static size_t OnWrite(char* data, size_t size, size_t count, void* self);
  static curl_socket_t OnOpenSocket(void* self, curlsocktype purpose, curl_sockaddr* address);

  void ConfigureCommon(const TransportOptions& options);
  void ConfigureEmail(const TransportOptions& options);
  void ConfigureHttp(const TransportOptions& options);
  base::Status PrepareEmail();
  base::Status PrepareHttp(const base::Clock& clock);
  void KeepResponse(Outcome& out);

  CURL* easy_ = nullptr;
  std::optional<Channel> configured_;  // the channel the handle's options are set for
  Request request_;
  void* host_ = nullptr;
  curl_slist* headers_ = nullptr;
  curl_slist* recipients_ = nullptr;
  size_t read_offset_ = 0;
  std::string response_head_;  // first bytes of the response body, for reasons
  std::string response_body_;  // the whole body, with Request::keep_response
  size_t response_bytes_ = 0;
  std::string refused_;  // why the open-socket hook refused an address, if it did
  char error_[CURL_ERROR_SIZE] = {};
  std::chrono::steady_clock::time_point started_;
};

}  // namespace phare::notify
