#include "notify/address.h"

#include <unicode/uidna.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

namespace phare::notify {
namespace {

using base::InvalidArgument;

constexpr size_t kMaxLocalBytes = 64;
constexpr size_t kMaxDomainBytes = 253;
constexpr size_t kMaxLabelBytes = 63;

bool IsAtext(unsigned char c) {
  return std::isalnum(c) || std::string_view("!#$%&'*+/=?^_`{|}~-").find(static_cast<char>(c)) !=
                                std::string_view::npos;
}

bool IsDotAtom(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == '.' || IsAtext(static_cast<unsigned char>(c)); });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// ASCII (punycode) form of a domain via UTS #46, lower-cased.
base::Result<std::string> DomainToAscii(std::string_view domain) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UIDNA, decltype(&uidna_close)> idna(
      uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI, &status), uidna_close);
  if (U_FAILURE(status)) return base::Internal("ICU IDNA is unavailable");
  std::array<char, 512> out{};
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  const int32_t length =
      uidna_nameToASCII_UTF8(idna.get(), domain.data(), static_cast<int32_t>(domain.size()),
                             out.data(), out.size(), &info, &status);
  if (U_FAILURE(status) || info.errors != 0 || length <= 0) {
    return InvalidArgument("has an invalid domain", "email");
  }
  return std::string(out.data(), static_cast<size_t>(length));
}

bool IsHostname(std::string_view domain) {
  if (domain.empty() || domain.size() > kMaxDomainBytes) return false;
  size_t labels = 0;
  std::string_view last;
  while (!domain.empty()) {
    const size_t dot = domain.find('.');
    const std::string_view label = domain.substr(0, dot);
    if (label.empty() || label.size() > kMaxLabelBytes || label.front() == '-' ||
        label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    }
    ++labels;
    last = label;
    domain = dot == std::string_view::npos ? std::string_view() : domain.substr(dot + 1);
    if (dot != std::string_view::npos && domain.empty()) return false;  // trailing dot
  }
  const bool numeric_tld =
      std::all_of(last.begin(), last.end(), [](char c) { return std::isdigit(c); });
  return labels >= 2 && !numeric_tld;
}

}  // namespace

base::Result<std::string> NormalizeEmailAddress(std::string_view address) {
  address = Trim(address);
  if (address.empty()) return InvalidArgument("is required", "email");
  if (address.size() > 320) return InvalidArgument("is too long", "email");
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos) return InvalidArgument("has no @", "email");
  const std::string_view local = address.substr(0, at);
  if (local.size() > kMaxLocalBytes || !IsDotAtom(local)) {
    return InvalidArgument("has an invalid part before the @", "email");
  }
  PHARE_ASSIGN_OR_RETURN(std::string domain, DomainToAscii(address.substr(at + 1)));
  std::transform(domain.begin(), domain.end(), domain.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!IsHostname(domain)) return InvalidArgument("has an invalid domain", "email");
  std::string out = std::string(local) + "@" + domain;
  if (out.size() > 254) return InvalidArgument("is too long", "email");
  return out;
}

}  // namespace phare::notify
