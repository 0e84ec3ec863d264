#include "notify/sms.h"

#include <unicode/utf8.h>

#include <algorithm>

namespace phare::notify {
namespace {

constexpr size_t kSingleGsm = 160;
constexpr size_t kMultiGsm = 153;
constexpr size_t kSingleUcs2 = 70;
constexpr size_t kMultiUcs2 = 67;

// GSM 03.38 basic table outside printable ASCII, and ASCII characters it lacks.
constexpr std::u32string_view kGsmBasicExtra = U"£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà\n\r";
constexpr std::u32string_view kGsmExtension = U"\f^{}\\[~]|€";

// Septets of one code point in GSM-7, 0 if it has none.
size_t GsmSeptets(char32_t c) {
  if (kGsmExtension.find(c) != std::u32string_view::npos) return 2;
  if (c >= 0x20 && c < 0x7f && c != '`') return 1;
  return kGsmBasicExtra.find(c) != std::u32string_view::npos ? 1 : 0;
}

base::Result<std::u32string> Decode(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) return base::InvalidArgument("is not valid UTF-8", "text");
    out += static_cast<char32_t>(c);
  }
  return out;
}

// Segments needed for characters costing `costs` units each, never splitting one.
size_t CountSegments(const std::vector<size_t>& costs, size_t single, size_t multi) {
  size_t total = 0;
  for (size_t cost : costs) total += cost;
  if (total == 0) return 0;
  if (total <= single) return 1;
  size_t segments = 1;
  size_t used = 0;
  for (size_t cost : costs) {
    if (used + cost > multi) {
      ++segments;
      used = 0;
    }
    used += cost;
  }
  return segments;
}

SmsLength Measure(std::u32string_view text) {
  std::vector<size_t> costs;
  costs.reserve(text.size());
  bool gsm = true;
  for (char32_t c : text) {
    const size_t septets = GsmSeptets(c);
    if (septets == 0) {
      gsm = false;
      break;
    }
    costs.push_back(septets);
  }
  SmsLength out;
  if (!gsm) {
    costs.clear();
    for (char32_t c : text) costs.push_back(c > 0xffff ? 2 : 1);
    out.encoding = SmsEncoding::kUcs2;
  }
  for (size_t cost : costs) out.units += cost;
  out.segments = gsm ? CountSegments(costs, kSingleGsm, kMultiGsm)
                     : CountSegments(costs, kSingleUcs2, kMultiUcs2);
  return out;
}

std::string Encode(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char32_t c : text) {
    uint8_t buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, static_cast<UChar32>(c), error);
    if (error) continue;  // cannot happen: the code points came from U8_NEXT
    out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(length));
  }
  return out;
}

}  // namespace

std::string_view ToString(SmsEncoding encoding) {
  return encoding == SmsEncoding::kGsm7 ? "gsm7" : "ucs2";
}

base::Result<SmsLength> MeasureSms(std::string_view utf8) {
  PHARE_ASSIGN_OR_RETURN(std::u32string text, Decode(utf8));
  return Measure(text);
}

base::Result<std::string> FitSms(std::string_view utf8, size_t max_segments) {
  if (max_segments == 0) return base::InvalidArgument("must be at least 1", "max_segments");
  PHARE_ASSIGN_OR_RETURN(std::u32string text, Decode(utf8));
  const SmsLength whole = Measure(text);
  if (whole.segments <= max_segments) return std::string(utf8);
  const std::u32string ellipsis = whole.encoding == SmsEncoding::kGsm7 ? U"..." : U"…";
  // The longest prefix that fits with the ellipsis (fitting is monotonic in length).
  size_t low = 0;
  size_t high = text.size();
  while (low < high) {
    const size_t mid = (low + high + 1) / 2;
    std::u32string candidate = text.substr(0, mid) + ellipsis;
    if (Measure(candidate).segments <= max_segments) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  size_t cut = low;
  const size_t space = text.rfind(U' ', cut);
  if (space != std::u32string::npos && space > 0 && cut - space <= 15) cut = space;
  std::u32string_view kept(text.data(), cut);
  while (!kept.empty() && kept.back() == U' ') kept.remove_suffix(1);
  return Encode(std::u32string(kept) + ellipsis);
}

}  // namespace phare::notify
