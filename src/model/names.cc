#include "model/names.h"

#include <algorithm>
#include <cctype>

namespace phare::model {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsAlpha(c) || (c >= '0' && c <= '9'); }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool IsLanguageTag(std::string_view tag) {
  if (tag.size() > kMaxNameLanguageBytes) return false;
  size_t start = 0;
  for (bool first = true;; first = false) {
    const size_t dash = tag.find('-', start);
    const std::string_view part = tag.substr(start, dash - start);
    const bool ok =
        first ? (part.size() == 2 || part.size() == 3) &&
                    std::all_of(part.begin(), part.end(), IsAlpha)
              : !part.empty() && part.size() <= 8 && std::all_of(part.begin(), part.end(), IsAlnum);
    if (!ok) return false;
    if (dash == std::string_view::npos) return true;
    start = dash + 1;
  }
}

const std::string& NameIn(const LocalizedNames& names, std::string_view language,
                          const std::string& default_name) {
  const std::string wanted = Lower(language);
  const std::string primary = wanted.substr(0, wanted.find('-'));
  const std::string* fallback = &default_name;
  for (const auto& n : names) {
    if (n.language == wanted) return n.text;
    if (n.language == primary) fallback = &n.text;
  }
  return *fallback;
}

base::Status NormalizeNames(LocalizedNames& names, std::string_view field, size_t max_bytes) {
  const std::string path(field);
  if (names.size() > kMaxLocalizedNames) {
    return base::InvalidArgument(
        "has more than " + std::to_string(kMaxLocalizedNames) + " languages", path);
  }
  for (auto& n : names) {
    if (!IsLanguageTag(n.language)) {
      return base::InvalidArgument("'" + n.language + "' is not a language tag such as fr or de",
                                   path);
    }
    n.language = Lower(n.language);
    const std::string item = path + "." + n.language;
    if (n.text.empty() || n.text.size() > max_bytes ||
        n.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      return base::InvalidArgument("must be 1 to " + std::to_string(max_bytes) + " bytes of text",
                                   item);
    }
    if (n.text.find_first_of("\r\n") != std::string::npos) {
      return base::InvalidArgument("must be one line", item);
    }
  }
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return a.language < b.language; });
  for (size_t i = 1; i < names.size(); ++i) {
    if (names[i].language == names[i - 1].language) {
      return base::InvalidArgument("gives a name for '" + names[i].language + "' twice", path);
    }
  }
  return base::Status::Ok();
}

}  // namespace phare::model
