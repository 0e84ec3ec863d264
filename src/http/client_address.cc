#include "http/client_address.h"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <charconv>
#include <optional>

namespace phare::http {
namespace {

namespace ip = boost::asio::ip;

// `text` as an IPv6 address (IPv4 mapped); nullopt when it is not an address.
std::optional<ip::address_v6> AsV6(std::string_view text) {
  boost::system::error_code ec;
  const auto address = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (address.is_v4()) return ip::make_address_v6(ip::v4_mapped, address.to_v4());
  return address.to_v6();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The address in a Forwarded `for=` value or an X-Forwarded-For item: quotes, brackets
// and ports removed ("\"[2001:db8::1]:4711\"" gives "2001:db8::1", "192.0.2.1:80" gives
// "192.0.2.1").
std::string_view HopAddress(std::string_view hop) {
  hop = Trim(hop);
  if (hop.size() >= 2 && hop.front() == '"' && hop.back() == '"')
    hop = hop.substr(1, hop.size() - 2);
  if (!hop.empty() && hop.front() == '[') {
    const size_t close = hop.find(']');
    return close == std::string_view::npos ? std::string_view() : hop.substr(1, close - 1);
  }
  if (std::count(hop.begin(), hop.end(), ':') == 1) hop = hop.substr(0, hop.find(':'));
  return hop;
}

std::vector<std::string_view> Split(std::string_view s, char by) {
  std::vector<std::string_view> out;
  while (true) {
    const size_t at = s.find(by);
    out.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

// The hops a Forwarded header lists, nearest the client first.
std::vector<std::string_view> ForwardedHops(std::string_view header) {
  std::vector<std::string_view> hops;
  for (std::string_view element : Split(header, ',')) {
    std::string_view found;
    for (std::string_view pair : Split(element, ';')) {
      pair = Trim(pair);
      if (pair.size() > 4 && (pair.substr(0, 4) == "for=" || pair.substr(0, 4) == "For=" ||
                              pair.substr(0, 4) == "FOR=")) {
        found = pair.substr(4);
      }
    }
    hops.push_back(found);
  }
  return hops;
}

}  // namespace

base::Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& cidrs) {
  TrustedProxies out;
  for (const std::string& entry : cidrs) {
    const size_t slash = entry.find('/');
    const auto address = AsV6(std::string_view(entry).substr(0, slash));
    Network n;
    bool ok = address.has_value();
    if (ok) {
      n.bytes = address->to_bytes();
      const bool v4 = address->is_v4_mapped();
      n.prefix = 128;
      if (slash != std::string::npos) {
        int bits = -1;
        const char* first = entry.data() + slash + 1;
        const char* last = entry.data() + entry.size();
        const auto [end, ec] = std::from_chars(first, last, bits);
        ok = ec == std::errc() && end == last && first != last && bits >= 0 &&
             bits <= (v4 ? 32 : 128);
        n.prefix = v4 ? 96 + bits : bits;
      }
    }
    if (!ok) {
      return base::InvalidArgument("'" + entry + "' is not an address or CIDR such as 10.0.0.0/8",
                                   "trusted_proxies");
    }
    out.networks_.push_back(n);
  }
  return out;
}

bool TrustedProxies::Contains(std::string_view address) const {
  const auto parsed = AsV6(address);
  if (!parsed) return false;
  const auto bytes = parsed->to_bytes();
  return std::any_of(networks_.begin(), networks_.end(), [&](const Network& n) {
    for (int bit = 0; bit < n.prefix; ++bit) {
      const uint8_t mask = static_cast<uint8_t>(0x80 >> (bit % 8));
      if ((bytes[bit / 8] & mask) != (n.bytes[bit / 8] & mask)) return false;
    }
    return true;
  });
}

std::string TrustedProxies::ClientOf(std::string_view peer, std::string_view forwarded,
                                     std::string_view x_forwarded_for) const {
  std::string client(peer);
  if (!Contains(peer)) return client;
  const std::vector<std::string_view> hops = !forwarded.empty() ? ForwardedHops(forwarded)
                                             : !x_forwarded_for.empty()
                                                 ? Split(x_forwarded_for, ',')
                                                 : std::vector<std::string_view>{};
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    const std::string_view address = HopAddress(*it);
    const auto parsed = AsV6(address);
    if (!parsed) return client;  // "unknown", obfuscated or malformed: stop here
    client = parsed->is_v4_mapped() ? ip::make_address_v4(ip::v4_mapped, *parsed).to_string()
                                    : parsed->to_string();
    if (!Contains(address)) return client;
  }
  return client;
}

}  // namespace phare::http
