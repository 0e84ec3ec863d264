// The transport: sends prepared messages (an RFC 5322 mail for the SMTP relay, a JSON
// body for a webhook, chat or SMS gateway URL) over pooled connections with the libcurl
// multi interface, and reports one Outcome per accepted Request.
//
// Connections are reused: SMTP transactions follow each other on the same connection to
// the relay (MAIL FROM, RCPT TO, DATA, no new EHLO), HTTP/1.1 keep-alive for targets.
// At most `max_in_flight[channel]` transfers run per channel and at most
// `max_per_host` (`smtp_connections` for the relay) per origin, so the number of
// connections to one host is bounded too; the rest wait in FIFO order per origin,
// origins served round-robin.
//
// Threading: a Transport belongs to the thread that calls Submit/Poll (it is not
// thread-safe); only Wakeup may be called from elsewhere. SenderThread (sender_thread.h)
// runs one on its own thread for callers who prefer that.
//
// Errors: every accepted Request yields exactly one Outcome from a later Poll; a request
// that cannot be sent at all (bad URL, refused target, e-mail without a relay) yields a
// kPermanent Outcome. Submit refuses (ResourceExhausted) only when `max_queued` requests
// are already waiting.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "notify/outcome.h"
#include "notify/target.h"

namespace phare::notify {

struct Request {
  uint64_t tag = 0;  // returned in the Outcome: the caller's delivery id
  Channel channel = Channel::kEmail;
  std::string body;  // the whole mail (email.h BuildEmail) or the HTTP body
  // E-mail: envelope addresses (validated, without angle brackets).
  std::string mail_from;
  std::string rcpt_to;
  // HTTP (webhook, chat, SMS): the target URL, checked with ValidateTargetUrl.
  std::string url;
  std::string content_type = "application/json";
  std::vector<std::string> headers;  // extra "Name: value" lines
  // When webhook_id is set, the transfer is signed when it starts (Standard Webhooks:
  // webhook-id, webhook-timestamp = the transport clock's now, webhook-signature) with
  // `webhook_key`, the decoded secret (DecodeWebhookSecret).
  std::string webhook_id;
  std::string webhook_key;
  // HTTP: "GET" sends no body; anything else (the default) is a POST of `body`.
  std::string method;
  // HTTP: keep the whole response body (up to 64 KB) in Outcome::response_body, and the
  // values of these response headers (names in lower case) in Outcome::headers: for APIs
  // whose answer carries what the caller stores (a social network's post id).
  bool keep_response = false;
  std::vector<std::string> response_headers;
};

struct TransportOptions {
  std::optional<SmtpRelay> smtp;  // required for e-mail requests
  // Concurrent transfers per channel (email, webhook, chat, sms).
  std::array<size_t, kChannelCount> max_in_flight = {16, 256, 64, 32};
  size_t max_per_host = 8;      // concurrent transfers (≈ connections) per HTTP origin
  size_t smtp_connections = 8;  // concurrent transactions (≈ connections) to the relay
  base::Duration http_timeout = std::chrono::seconds(30);  // whole transfer
  base::Duration smtp_timeout = std::chrono::seconds(60);
  base::Duration connect_timeout = std::chrono::seconds(10);
  bool allow_private_targets = false;  // see target.h; tests and lab set-ups only
  size_t max_queued = 1'000'000;
  std::string user_agent = "phare-notify/0.1";
  std::string ca_file;  // PEM bundle replacing the system's CAs, if set
};

class Transport {
 public:
  // `clock` dates webhook signatures and must outlive the Transport. InvalidArgument on
  // zero limits; Internal if libcurl cannot be initialized.
  static base::Result<std::unique_ptr<Transport>> Create(TransportOptions options,
                                                         const base::Clock& clock);
  ~Transport();
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Queues `request`; see the header comment for errors.
  base::Status Submit(Request request);

  // Moves transfers forward for at most `max_wait`, appending finished outcomes to
  // `out`. Returns early once some outcome was appended, or when woken up.
  void Poll(base::Duration max_wait, std::vector<Outcome>& out);

  // Polls until nothing is queued or in flight; returns every outcome.
  std::vector<Outcome> Drain();

  size_t queued() const;     // accepted, not yet started
  size_t in_flight() const;  // started, not yet finished

  // Makes a Poll in progress return. The only thread-safe method.
  void Wakeup();

  struct Impl;

 private:
  explicit Transport(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace phare::notify
