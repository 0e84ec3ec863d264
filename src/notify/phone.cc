// NormalizePhoneNumber (declared in address.h).
#include <algorithm>
#include <array>
#include <cctype>

#include "notify/address.h"

namespace phare::notify {
namespace {

using base::InvalidArgument;

struct CountryPlan {
  std::string_view iso;    // ISO 3166-1 alpha-2
  std::string_view code;   // country calling code
  std::string_view trunk;  // national prefix dropped in international form ("" if none)
  size_t min_digits;       // national significant number length
  size_t max_digits;
};

// National significant number lengths from the ITU-T national numbering plans.
constexpr std::array<CountryPlan, 30> kPlans{{
    {"US", "1", "1", 10, 10},  {"CA", "1", "1", 10, 10},  {"FR", "33", "0", 9, 9},
    {"BE", "32", "0", 8, 9},   {"CH", "41", "0", 9, 9},   {"DE", "49", "0", 6, 13},
    {"GB", "44", "0", 9, 10},  {"IE", "353", "0", 7, 9},  {"ES", "34", "", 9, 9},
    {"IT", "39", "", 6, 11},   {"NL", "31", "0", 9, 9},   {"LU", "352", "", 4, 11},
    {"PT", "351", "", 9, 9},   {"AT", "43", "0", 4, 13},  {"PL", "48", "", 9, 9},
    {"CZ", "420", "", 9, 9},   {"SE", "46", "0", 7, 9},   {"NO", "47", "", 8, 8},
    {"DK", "45", "", 8, 8},    {"FI", "358", "0", 5, 12}, {"AU", "61", "0", 9, 9},
    {"NZ", "64", "0", 8, 10},  {"JP", "81", "0", 9, 10},  {"SG", "65", "", 8, 8},
    {"IN", "91", "0", 10, 10}, {"BR", "55", "0", 10, 11}, {"MA", "212", "0", 9, 9},
    {"TN", "216", "", 8, 8},   {"SN", "221", "", 9, 9},   {"CI", "225", "", 10, 10},
}};

constexpr size_t kMaxE164Digits = 15;

const CountryPlan* FindPlan(std::string_view iso) {
  for (const auto& plan : kPlans) {
    if (plan.iso.size() == iso.size() &&
        std::equal(iso.begin(), iso.end(), plan.iso.begin(), [](char a, char b) {
          return std::toupper(static_cast<unsigned char>(a)) == b;
        })) {
      return &plan;
    }
  }
  return nullptr;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Digits of `number` with separators removed; "+" kept in front. Empty on bad input.
std::string StripSeparators(std::string_view number) {
  std::string out;
  for (size_t i = 0; i < number.size(); ++i) {
    const char c = number[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      out += c;
    } else if (c == '+' && out.empty()) {
      out += c;
    } else if (c == '(' && number.substr(i, 3) == "(0)" && !out.empty()) {
      i += 2;  // "+33 (0)6 ..." : the trunk prefix shown in brackets
    } else if (std::string_view(" .-/()\t").find(c) == std::string_view::npos) {
      return {};
    }
  }
  return out;
}

}  // namespace

base::Result<std::string> NormalizePhoneNumber(std::string_view country, std::string_view number) {
  if (number.size() > 40) return InvalidArgument("is too long", "phone_number");
  const CountryPlan* plan = FindPlan(country);
  std::string digits = StripSeparators(number);
  // A number in international form needs no country; any other needs a valid one.
  const bool needs_country = !country.empty() || digits.empty() || digits[0] != '+';
  if (!plan && needs_country &&
      (country.size() != 2 || !std::isalpha(static_cast<unsigned char>(country[0])) ||
       !std::isalpha(static_cast<unsigned char>(country[1])))) {
    return InvalidArgument("must be an ISO 3166 country code such as FR", "phone_country");
  }
  if (digits.empty()) {
    return InvalidArgument("may hold only digits, spaces and + . - / ( )", "phone_number");
  }
  bool international = false;
  if (digits[0] == '+') {
    digits.erase(0, 1);
    international = true;
  } else if (StartsWith(digits, "00")) {
    digits.erase(0, 2);
    international = true;
  }
  if (international) {
    if (plan && StartsWith(digits, plan->code)) {
      const size_t nsn = digits.size() - plan->code.size();
      if (nsn < plan->min_digits || nsn > plan->max_digits) {
        return InvalidArgument("has the wrong number of digits for " + std::string(plan->iso),
                               "phone_number");
      }
    }
    if (digits.size() < 8 || digits.size() > kMaxE164Digits || digits[0] == '0') {
      return InvalidArgument("is not a valid international number", "phone_number");
    }
    return "+" + digits;
  }
  if (!plan) {
    return InvalidArgument("must be given in international form (+...) for this country",
                           "phone_number");
  }
  if (!plan->trunk.empty() && StartsWith(digits, plan->trunk) &&
      digits.size() - plan->trunk.size() >= plan->min_digits) {
    digits.erase(0, plan->trunk.size());
  }
  if (digits.size() < plan->min_digits || digits.size() > plan->max_digits) {
    return InvalidArgument("has the wrong number of digits for " + std::string(plan->iso),
                           "phone_number");
  }
  if (plan->code == "1" && (digits[0] < '2' || digits[3] < '2')) {
    return InvalidArgument("is not a valid North American number", "phone_number");
  }
  return "+" + std::string(plan->code) + digits;
}

}  // namespace phare::notify
