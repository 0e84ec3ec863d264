// Message catalogs: every sentence and UI string phare writes for readers, per language,
// as ICU MessageFormat patterns (plurals, select, numbers formatted for the locale).
//
// A catalog is a TOML file data/comms/catalogs/<lang>.toml: a [meta] table (language,
// name) and nested tables of strings, flattened to dotted keys ("status.component.
// major_outage", "ui.next_update_by"). The files are embedded at build time; adding a
// language is adding a file (docs/communication.md). English is the default language and
// the fallback for keys another catalog lacks.
//
// Catalogs are immutable once loaded and safe to share between threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/status.h"
#include "comms/embedded_data.h"

namespace phare::comms {

// A named argument of a message: text, or a number (integers drive plural rules).
using MessageArg = std::variant<std::string, int64_t, double>;
using MessageArgs = std::vector<std::pair<std::string, MessageArg>>;

inline constexpr std::string_view kDefaultLanguage = "en";
inline constexpr size_t kMaxCatalogs = 64;
inline constexpr size_t kMaxCatalogKeys = 2000;
inline constexpr size_t kMaxPatternBytes = 2000;

class Catalog {
 public:
  Catalog(std::string language, std::string name, std::map<std::string, std::string> patterns,
          const Catalog* fallback);

  const std::string& language() const { return language_; }  // BCP 47 tag: "fr"
  const std::string& name() const { return name_; }          // its own name: "Français"

  // True if this catalog (not its fallback) defines `key`.
  bool Has(std::string_view key) const;
  std::vector<std::string> Keys() const;

  // Formats `key` with named `args` for this language. A key this catalog lacks is taken
  // from the fallback (English). NotFound if no catalog has the key; Internal if ICU
  // fails. An argument the pattern names but `args` lacks is left as "{name}".
  base::Result<std::string> Format(std::string_view key, const MessageArgs& args = {}) const;

 private:
  std::string language_;
  std::string name_;
  std::map<std::string, std::string, std::less<>> patterns_;
  const Catalog* fallback_;  // not owned; null for the default language
};

class Catalogs {
 public:
  // Parses the catalog files among `files` (names "catalogs/<lang>.toml"; others are
  // ignored). Every pattern is compiled once to validate it. InvalidArgument naming the
  // file and key for bad TOML, a non-string value, a bad pattern, a language tag that
  // does not match the file name, a duplicate language, or no English catalog.
  static base::Result<Catalogs> Load(std::span<const DataFile> files);
  // The catalogs embedded in the binary (loaded once; aborts if they are invalid, which
  // the unit tests rule out).
  static const Catalogs& Builtin();

  // Language tags, default first, then sorted.
  const std::vector<std::string>& Languages() const { return languages_; }
  // The catalog for `language` ("fr"), or nullptr.
  const Catalog* Find(std::string_view language) const;
  const Catalog& Default() const { return *Find(kDefaultLanguage); }

 private:
  std::vector<std::string> languages_;
  std::vector<std::unique_ptr<Catalog>> catalogs_;  // stable addresses for fallbacks
};

}  // namespace phare::comms
