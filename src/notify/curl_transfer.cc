#include "notify/curl_transfer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstring>

#include "notify/target.h"
#include "notify/webhook.h"

namespace phare::notify {
namespace {

constexpr size_t kKeptResponseBytes = 512;
constexpr size_t kMaxResponseBytes = 64 * 1024;  // past this the body is not read on

long Millis(base::Duration d) { return static_cast<long>(d.count()); }

// The class of the address libcurl is about to connect to.
AddressClass Classify(const sockaddr* address, std::string& text) {
  char buffer[INET6_ADDRSTRLEN] = {};
  if (address->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
    inet_ntop(AF_INET, &v4->sin_addr, buffer, sizeof buffer);
    text = buffer;
    return ClassifyIpv4(ntohl(v4->sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
    inet_ntop(AF_INET6, &v6->sin6_addr, buffer, sizeof buffer);
    text = buffer;
    std::array<uint8_t, 16> bytes{};
    std::memcpy(bytes.data(), &v6->sin6_addr, bytes.size());
    return ClassifyIpv6(bytes);
  }
  text = "a non-IP address";
  return AddressClass::kReserved;
}

}  // namespace

CurlTransfer::CurlTransfer() : easy_(curl_easy_init()) {}

CurlTransfer::~CurlTransfer() {
  Release();
  if (easy_) curl_easy_cleanup(easy_);
}

void CurlTransfer::Release() {
  curl_slist_free_all(headers_);
  curl_slist_free_all(recipients_);
  headers_ = nullptr;
  recipients_ = nullptr;
  request_ = Request();
  response_head_.clear();
  response_body_.clear();
  response_bytes_ = 0;
  read_offset_ = 0;
  refused_.clear();
  error_[0] = '\0';
  host_ = nullptr;
}

base::Status CurlTransfer::Prepare(Request request, const Setup& setup) {
  if (!easy_) return base::Internal("libcurl could not create a handle");
  request_ = std::move(request);
  host_ = setup.host;
  started_ = std::chrono::steady_clock::now();
  // Options that only depend on the channel stay set from the previous request of the
  // same channel: re-setting them all costs a visible share of a loopback SMTP
  // transaction.
  if (configured_ != request_.channel) {
    curl_easy_reset(easy_);
    ConfigureCommon(setup.options);
    if (request_.channel == Channel::kEmail) {
      ConfigureEmail(setup.options);
    } else {
      ConfigureHttp(setup.options);
    }
    configured_ = request_.channel;
  }
  return request_.channel == Channel::kEmail ? PrepareEmail() : PrepareHttp(setup.clock);
}

void CurlTransfer::ConfigureCommon(const TransportOptions& options) {
  curl_easy_setopt(easy_, CURLOPT_PRIVATE, this);
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_);
  curl_easy_setopt(easy_, CURLOPT_PROXY, "");  // never route through an environment proxy
  curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, Millis(options.connect_timeout));
  curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &CurlTransfer::OnWrite);
  curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
  if (!options.ca_file.empty()) curl_easy_setopt(easy_, CURLOPT_CAINFO, options.ca_file.c_str());
}

void CurlTransfer::ConfigureEmail(const TransportOptions& options) {
  const SmtpRelay& relay = *options.smtp;
  curl_easy_setopt(easy_, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(easy_, CURLOPT_URL, relay.url.c_str());
  curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS, Millis(options.smtp_timeout));
  curl_easy_setopt(easy_, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(easy_, CURLOPT_READFUNCTION, &CurlTransfer::OnRead);
  curl_easy_setopt(easy_, CURLOPT_READDATA, this);
  switch (relay.tls) {
    case SmtpTls::kNone:
    case SmtpTls::kImplicit:
      break;
    case SmtpTls::kTry:
      curl_easy_setopt(easy_, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
      break;
    case SmtpTls::kRequired:
      curl_easy_setopt(easy_, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
      break;
  }
  if (!relay.username.empty()) {
    curl_easy_setopt(easy_, CURLOPT_USERNAME, relay.username.c_str());
    curl_easy_setopt(easy_, CURLOPT_PASSWORD, relay.password.c_str());
  }
}

void CurlTransfer::ConfigureHttp(const TransportOptions& options) {
  curl_easy_setopt(easy_, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy_, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
  curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS, Millis(options.http_timeout));
  curl_easy_setopt(easy_, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy_, CURLOPT_POST, 1L);
  curl_easy_setopt(easy_, CURLOPT_USERAGENT, options.user_agent.c_str());
  if (!options.allow_private_targets) {
    curl_easy_setopt(easy_, CURLOPT_OPENSOCKETFUNCTION, &CurlTransfer::OnOpenSocket);
    curl_easy_setopt(easy_, CURLOPT_OPENSOCKETDATA, this);
  }
}

base::Status CurlTransfer::PrepareEmail() {
  const std::string from = "<" + request_.mail_from + ">";
  curl_easy_setopt(easy_, CURLOPT_MAIL_FROM, from.c_str());
  recipients_ = curl_slist_append(nullptr, ("<" + request_.rcpt_to + ">").c_str());
  curl_easy_setopt(easy_, CURLOPT_MAIL_RCPT, recipients_);
  curl_easy_setopt(easy_, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(request_.body.size()));
  return base::Status::Ok();
}

base::Status CurlTransfer::PrepareHttp(const base::Clock& clock) {
  if (curl_easy_setopt(easy_, CURLOPT_URL, request_.url.c_str()) != CURLE_OK) {
    return base::InvalidArgument("libcurl cannot parse it", "url");
  }
  if (request_.method == "GET") {
    curl_easy_setopt(easy_, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, request_.body.data());
    curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request_.body.size()));
  }
  headers_ = curl_slist_append(headers_, ("Content-Type: " + request_.content_type).c_str());
  headers_ = curl_slist_append(headers_, "Expect:");  // no 100-continue round trip
  for (const auto& header : request_.headers)
    headers_ = curl_slist_append(headers_, header.c_str());
  if (!request_.webhook_id.empty()) {
    const WebhookSignature signature =
        SignWebhook(request_.webhook_key, request_.webhook_id, clock.Now(), request_.body);
    headers_ = curl_slist_append(headers_, ("webhook-id: " + signature.id).c_str());
    headers_ = curl_slist_append(headers_, ("webhook-timestamp: " + signature.timestamp).c_str());
    headers_ = curl_slist_append(headers_, ("webhook-signature: " + signature.signature).c_str());
  }
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_);
  return base::Status::Ok();
}

Outcome CurlTransfer::Conclude(CURLcode code) {
  Outcome out;
  out.tag = request_.tag;
  out.channel = request_.channel;
  out.elapsed =
      std::chrono::duration_cast<base::Duration>(std::chrono::steady_clock::now() - started_);
  long response_code = 0;
  curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &response_code);
  out.code = static_cast<int>(response_code);
  out.response_head = response_head_;
  if (request_.keep_response) KeepResponse(out);
  if (!refused_.empty() && code != CURLE_OK) {
    out.result = DeliveryResult::kPermanent;
    out.reason = refused_;
    return out;
  }
  Verdict verdict = ClassifyTransfer(request_.channel, code, response_code, error_, response_head_);
  out.result = verdict.result;
  out.reason = std::move(verdict.reason);
  curl_off_t retry_after = 0;
  if (curl_easy_getinfo(easy_, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
    out.retry_after = std::chrono::seconds(retry_after);
  }
  return out;
}

void CurlTransfer::KeepResponse(Outcome& out) {
  out.response_body = response_body_;
  for (const std::string& name : request_.response_headers) {
    curl_header* header = nullptr;
    if (curl_easy_header(easy_, name.c_str(), 0, CURLH_HEADER, -1, &header) == CURLHE_OK) {
      out.headers.emplace_back(name, header->value);
    }
  }
}

size_t CurlTransfer::OnRead(char* buffer, size_t size, size_t count, void* self) {
  auto* t = static_cast<CurlTransfer*>(self);
  const size_t n = std::min(size * count, t->request_.body.size() - t->read_offset_);
  // A byte buffer for libcurl, not a C string.
  // NOLINTNEXTLINE(bugprone-not-null-terminated-result)
  std::memcpy(buffer, t->request_.body.data() + t->read_offset_, n);
  t->read_offset_ += n;
  return n;
}

size_t CurlTransfer::OnWrite(char* data, size_t size, size_t count, void* self) {
  auto* t = static_cast<CurlTransfer*>(self);
  const size_t n = size * count;
  if (t->response_head_.size() < kKeptResponseBytes) {
    t->response_head_.append(data, std::min(n, kKeptResponseBytes - t->response_head_.size()));
  }
  if (t->request_.keep_response && t->response_body_.size() < kMaxResponseBytes) {
    t->response_body_.append(data, std::min(n, kMaxResponseBytes - t->response_body_.size()));
  }
  t->response_bytes_ += n;
  return t->response_bytes_ > kMaxResponseBytes ? 0 : n;
}

curl_socket_t CurlTransfer::OnOpenSocket(void* self, curlsocktype purpose, curl_sockaddr* address) {
  auto* t = static_cast<CurlTransfer*>(self);
  std::string text;
  const AddressClass cls = Classify(&address->addr, text);
  if (cls != AddressClass::kPublic) {
    t->refused_ = "refused to connect to " + text + ": a " + std::string(ToString(cls)) +
                  " address (allow_private_targets is off)";
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

}  // namespace phare::notify
