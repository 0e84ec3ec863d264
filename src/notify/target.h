// Where notifications may go. Webhook, chat and SMS gateway URLs are checked when a
// subscriber or setting is saved (ValidateTargetUrl) and again, against the address the
// connection actually uses, when sending (transport.h calls ClassifyAddress from its
// socket-open hook, so DNS rebinding cannot smuggle a private address in). Loopback,
// private, link-local, shared (CGNAT), multicast, unspecified and reserved addresses are
// refused unless `allow_private_targets` is set. The SMTP relay is the operator's own
// and is not subject to this policy. Pure functions, thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace phare::notify {

enum class AddressClass {
  kPublic,
  kUnspecified,  // 0.0.0.0/8, ::
  kLoopback,     // 127.0.0.0/8, ::1
  kPrivate,      // 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10
  kLinkLocal,    // 169.254/16, fe80::/10
  kShared,       // 100.64/10 (carrier-grade NAT)
  kMulticast,    // 224/4, ff00::/8
  kReserved,     // 240/4, broadcast, documentation, benchmarking, 192.0.0/24, ...
};
std::string_view ToString(AddressClass c);

// IPv4 address in host byte order.
AddressClass ClassifyIpv4(uint32_t address);
// IPv6 address in network byte order; IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96)
// and 6to4 (2002::/16) addresses are classified by the IPv4 address they carry.
AddressClass ClassifyIpv6(const std::array<uint8_t, 16>& address);
// A numeric address ("10.0.0.1", "::1", "[::1]"); nullopt if `text` is not one.
std::optional<AddressClass> ClassifyAddressText(std::string_view text);

inline constexpr size_t kMaxTargetUrlBytes = 2048;

struct TargetUrl {
  std::string url;     // normalized (scheme and host lower-case)
  std::string origin;  // "https://hooks.example.com:443", the per-host limit key
  std::string host;    // "hooks.example.com", "10.0.0.1" or "::1"
};

// Validates a webhook/chat/gateway URL: http or https only, a host, no user:password,
// at most kMaxTargetUrlBytes, no fragment. A literal address or a "localhost" name
// outside the policy is refused here already. InvalidArgument with field "url".
base::Result<TargetUrl> ValidateTargetUrl(std::string_view url, bool allow_private_targets);

enum class SmtpTls {
  kNone,      // never STARTTLS (a local relay)
  kTry,       // STARTTLS when offered (default without credentials)
  kRequired,  // STARTTLS or fail (default with credentials)
  kImplicit,  // smtps://
};

struct SmtpRelay {
  std::string url;  // for libcurl: "smtp://host:port/helo-name"
  std::string origin;
  std::string username;  // decoded from the URL's userinfo; empty without auth
  std::string password;
  SmtpTls tls = SmtpTls::kTry;
};

// "smtp://[user:pass@]host[:port][/helo-name][?tls=none|try|required]" or
// "smtps://...": the relay phare hands its mail to (`--smtp`, `[smtp] url`). Default
// ports 25 and 465. InvalidArgument with field "smtp.url" otherwise.
base::Result<SmtpRelay> ParseSmtpRelay(std::string_view url);

}  // namespace phare::notify
