// Which client a request comes from when reverse proxies the operator trusts stand in
// front ([server] trusted_proxies): the peer's address, unless the peer is a trusted
// proxy; then the hops it reports (RFC 7239 `Forwarded: for=`, else `X-Forwarded-For`)
// are walked from the nearest, skipping trusted proxies, and the first other address
// is the client. What a client writes in those headers itself is never believed past
// the first hop that is not a trusted proxy, and a malformed hop ends the walk (the
// last trusted address is used). Immutable once parsed; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace phare::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // CIDRs ("10.0.0.0/8", "fd00::/8") or single addresses; InvalidArgument naming the
  // entry that is neither.
  static base::Result<TrustedProxies> Parse(const std::vector<std::string>& cidrs);

  bool empty() const { return networks_.empty(); }
  bool Contains(std::string_view address) const;
  // The client's address for a request from `peer` with those header values ("" when
  // absent).
  std::string ClientOf(std::string_view peer, std::string_view forwarded,
                       std::string_view x_forwarded_for) const;

 private:
  struct Network {
    std::array<uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
    int prefix = 0;                   // of the 128 bits
  };
  std::vector<Network> networks_;
};

}  // namespace phare::http
