// Names in other languages than the page's default. Statuspage's `name` field of a
// component, group, incident or maintenance keeps the page's default language; the other
// languages' names travel beside it under `phare.names` ({"fr": "...", "de": "..."}).
// Readers whose language has no name see the default one. Plain values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace phare::model {

struct LocalizedName {
  std::string language;  // a BCP 47 tag, lower-case primary subtag: "fr", "de", "pt-br"
  std::string text;
};

// At most one name per language, sorted by language (NormalizeNames gives that order).
using LocalizedNames = std::vector<LocalizedName>;

inline constexpr size_t kMaxLocalizedNames = 32;
inline constexpr size_t kMaxNameLanguageBytes = 16;

// True for "fr", "de", "pt-BR", "zh-Hant": 2 or 3 letters, then subtags of 1 to 8 letters or
// digits, at most kMaxNameLanguageBytes in all.
bool IsLanguageTag(std::string_view tag);

// The name in `language`; a regional reader ("fr-CA") also finds the primary tag's ("fr");
// `default_name` when neither is there.
const std::string& NameIn(const LocalizedNames& names, std::string_view language,
                          const std::string& default_name);

// Lower-cases the tags and sorts by them. InvalidArgument naming `field` ("component.phare.
// names.fr") for a bad tag, a duplicate tag, a blank name, a name longer than `max_bytes`,
// or more than kMaxLocalizedNames names.
base::Status NormalizeNames(LocalizedNames& names, std::string_view field, size_t max_bytes);

}  // namespace phare::model
