#include "notify/target.h"

#include <boost/url/ipv4_address.hpp>
#include <boost/url/ipv6_address.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <algorithm>

namespace phare::notify {
namespace {

using base::InvalidArgument;

bool InV4(uint32_t address, uint32_t network, int prefix) {
  const uint32_t mask = prefix == 0 ? 0 : ~uint32_t{0} << (32 - prefix);
  return (address & mask) == network;
}

uint32_t EmbeddedV4(const std::array<uint8_t, 16>& a, size_t offset) {
  return uint32_t{a[offset]} << 24 | uint32_t{a[offset + 1]} << 16 | uint32_t{a[offset + 2]} << 8 |
         uint32_t{a[offset + 3]};
}

bool StartsWith(const std::array<uint8_t, 16>& a, std::initializer_list<uint8_t> prefix) {
  return std::equal(prefix.begin(), prefix.end(), a.begin());
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsLocalhostName(std::string_view host) {
  const std::string h = Lower(host);
  return h == "localhost" || h == "localhost." ||
         (h.size() > 10 && h.compare(h.size() - 10, 10, ".localhost") == 0);
}

}  // namespace

std::string_view ToString(AddressClass c) {
  switch (c) {
    case AddressClass::kPublic:
      return "public";
    case AddressClass::kUnspecified:
      return "unspecified";
    case AddressClass::kLoopback:
      return "loopback";
    case AddressClass::kPrivate:
      return "private";
    case AddressClass::kLinkLocal:
      return "link-local";
    case AddressClass::kShared:
      return "shared (CGNAT)";
    case AddressClass::kMulticast:
      return "multicast";
    case AddressClass::kReserved:
      return "reserved";
  }
  return "reserved";
}

AddressClass ClassifyIpv4(uint32_t a) {
  if (InV4(a, 0x00000000, 8)) return AddressClass::kUnspecified;
  if (InV4(a, 0x7f000000, 8)) return AddressClass::kLoopback;
  if (InV4(a, 0x0a000000, 8) || InV4(a, 0xac100000, 12) || InV4(a, 0xc0a80000, 16)) {
    return AddressClass::kPrivate;
  }
  if (InV4(a, 0xa9fe0000, 16)) return AddressClass::kLinkLocal;
  if (InV4(a, 0x64400000, 10)) return AddressClass::kShared;
  if (InV4(a, 0xe0000000, 4)) return AddressClass::kMulticast;
  if (InV4(a, 0xf0000000, 4) || InV4(a, 0xc0000000, 24) || InV4(a, 0xc0000200, 24) ||
      InV4(a, 0xc6336400, 24) || InV4(a, 0xcb007100, 24) || InV4(a, 0xc6120000, 15)) {
    return AddressClass::kReserved;
  }
  return AddressClass::kPublic;
}

AddressClass ClassifyIpv6(const std::array<uint8_t, 16>& a) {
  const bool first_80_zero = std::all_of(a.begin(), a.begin() + 10, [](uint8_t b) { return !b; });
  if (first_80_zero && a[10] == 0xff && a[11] == 0xff) return ClassifyIpv4(EmbeddedV4(a, 12));
  if (first_80_zero && a[10] == 0 && a[11] == 0) {
    if (std::all_of(a.begin() + 12, a.end() - 1, [](uint8_t b) { return !b; })) {
      if (a[15] == 0) return AddressClass::kUnspecified;
      if (a[15] == 1) return AddressClass::kLoopback;
    }
    return AddressClass::kReserved;  // IPv4-compatible addresses, deprecated
  }
  if (StartsWith(a, {0x00, 0x64, 0xff, 0x9b})) return ClassifyIpv4(EmbeddedV4(a, 12));
  if (StartsWith(a, {0x20, 0x02})) return ClassifyIpv4(EmbeddedV4(a, 2));
  if ((a[0] & 0xfe) == 0xfc) return AddressClass::kPrivate;
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return AddressClass::kLinkLocal;
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0) return AddressClass::kPrivate;
  if (a[0] == 0xff) return AddressClass::kMulticast;
  if (StartsWith(a, {0x20, 0x01, 0x0d, 0xb8}) || StartsWith(a, {0x20, 0x01, 0x00, 0x00}) ||
      StartsWith(a, {0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00})) {
    return AddressClass::kReserved;  // documentation, Teredo, discard-only
  }
  return AddressClass::kPublic;
}

std::optional<AddressClass> ClassifyAddressText(std::string_view text) {
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  if (auto v4 = boost::urls::parse_ipv4_address(text)) return ClassifyIpv4(v4->to_uint());
  if (auto v6 = boost::urls::parse_ipv6_address(text)) return ClassifyIpv6(v6->to_bytes());
  return std::nullopt;
}

base::Result<TargetUrl> ValidateTargetUrl(std::string_view text, bool allow_private_targets) {
  if (text.size() > kMaxTargetUrlBytes) return InvalidArgument("is longer than 2048 bytes", "url");
  auto parsed = boost::urls::parse_absolute_uri(text);
  if (!parsed) return InvalidArgument("is not a valid absolute URL", "url");
  boost::urls::url url(*parsed);
  url.normalize_scheme().normalize_authority();
  const auto scheme = url.scheme_id();
  if (scheme != boost::urls::scheme::http && scheme != boost::urls::scheme::https) {
    return InvalidArgument("must use http or https", "url");
  }
  if (url.has_userinfo()) return InvalidArgument("must not contain user:password@", "url");
  if (url.has_fragment()) return InvalidArgument("must not contain a #fragment", "url");
  std::string host = url.host_address();
  if (host.empty()) return InvalidArgument("has no host", "url");
  if (url.host_type() == boost::urls::host_type::ipvfuture) {
    return InvalidArgument("has an unsupported address", "url");
  }
  if (!allow_private_targets) {
    if (auto cls = ClassifyAddressText(host); cls && *cls != AddressClass::kPublic) {
      return InvalidArgument("points to a " + std::string(ToString(*cls)) + " address", "url");
    }
    if (IsLocalhostName(host)) return InvalidArgument("points to a loopback address", "url");
  }
  const bool https = scheme == boost::urls::scheme::https;
  const uint16_t port = url.has_port() ? url.port_number() : (https ? 443 : 80);
  if (url.has_port() && port == 0) return InvalidArgument("has an invalid port", "url");
  TargetUrl out;
  out.url = std::string(url.buffer());
  if (url.encoded_path().empty())
    out.url.insert(out.url.size() - url.encoded_query().size() - (url.has_query() ? 1 : 0), "/");
  out.origin = std::string(url.scheme()) + "://" + std::string(url.encoded_host_and_port());
  if (!url.has_port()) out.origin += ":" + std::to_string(port);
  out.host = std::move(host);
  return out;
}

base::Result<SmtpRelay> ParseSmtpRelay(std::string_view text) {
  const std::string field = "smtp.url";
  if (text.size() > kMaxTargetUrlBytes) return InvalidArgument("is too long", field);
  auto parsed = boost::urls::parse_absolute_uri(text);
  if (!parsed) return InvalidArgument("is not a valid URL", field);
  boost::urls::url url(*parsed);
  url.normalize_scheme();
  const std::string scheme(url.scheme());
  if (scheme != "smtp" && scheme != "smtps") {
    return InvalidArgument("must start with smtp:// or smtps://", field);
  }
  if (url.host_address().empty()) return InvalidArgument("has no host", field);
  SmtpRelay relay;
  relay.username = url.user();
  relay.password = url.password();
  if (!relay.username.empty() && !url.has_password()) {
    return InvalidArgument("names a user without a password", field);
  }
  if (scheme == "smtps") {
    relay.tls = SmtpTls::kImplicit;
  } else {
    relay.tls = relay.username.empty() ? SmtpTls::kTry : SmtpTls::kRequired;
  }
  for (const auto& param : url.params()) {
    if (param.key != "tls" || scheme == "smtps") {
      return InvalidArgument("accepts only ?tls=none|try|required (smtp://)", field);
    }
    if (param.value == "none") {
      relay.tls = SmtpTls::kNone;
    } else if (param.value == "try") {
      relay.tls = SmtpTls::kTry;
    } else if (param.value == "required") {
      relay.tls = SmtpTls::kRequired;
    } else {
      return InvalidArgument("tls must be none, try or required", field);
    }
  }
  const uint16_t port = url.has_port() ? url.port_number() : (scheme == "smtps" ? 465 : 25);
  std::string helo(url.path());
  if (!helo.empty() && helo.front() == '/') helo.erase(0, 1);
  relay.origin = scheme + "://" + std::string(url.encoded_host()) + ":" + std::to_string(port);
  relay.url = relay.origin + "/" + helo;
  return relay;
}

}  // namespace phare::notify
