#include "comms/catalog.h"

#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/parseerr.h>

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "comms/icu_util.h"

namespace phare::comms {
namespace {

using base::InvalidArgument;
using base::Result;
using base::Status;

struct ParsedCatalog {
  std::string language;
  std::string name;
  std::map<std::string, std::string> patterns;
};

Status CheckPattern(std::string_view file, const std::string& key, const std::string& pattern,
                    const icu::Locale& locale) {
  if (pattern.size() > kMaxPatternBytes) {
    return InvalidArgument(std::string(file) + ": message '" + key + "' is too long", key);
  }
  UErrorCode ec = U_ZERO_ERROR;
  UParseError where{};
  icu::MessageFormat format(ToUnicode(pattern), locale, where, ec);
  if (U_FAILURE(ec)) {
    return InvalidArgument(std::string(file) + ": message '" + key +
                               "' is not a valid ICU MessageFormat pattern (" + u_errorName(ec) +
                               " at offset " + std::to_string(where.offset) + ")",
                           key);
  }
  return Status::Ok();
}

// Flattens nested tables of strings into dotted keys.
Status Flatten(const toml::table& table, const std::string& prefix, std::string_view file,
               std::map<std::string, std::string>& out) {
  for (const auto& [k, node] : table) {
    const std::string key =
        prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (const toml::table* sub = node.as_table()) {
      PHARE_RETURN_IF_ERROR(Flatten(*sub, key, file, out));
    } else if (const auto* text = node.as_string()) {
      if (out.size() >= kMaxCatalogKeys) {
        return InvalidArgument(std::string(file) + ": more than " +
                               std::to_string(kMaxCatalogKeys) + " messages");
      }
      out.emplace(key, text->get());
    } else {
      return InvalidArgument(std::string(file) + ":" + std::to_string(node.source().begin.line) +
                                 ": message '" + key + "' must be a string",
                             key);
    }
  }
  return Status::Ok();
}

Result<ParsedCatalog> ParseCatalog(const DataFile& file) {
  const std::string name(file.name);
  toml::table root;
  try {
    root = toml::parse(file.text, name);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(name + ":" + std::to_string(e.source().begin.line) + ": " +
                           std::string(e.description()));
  }
  ParsedCatalog parsed;
  const toml::table* meta = root["meta"].as_table();
  if (!meta || !(*meta)["language"].is_string() || !(*meta)["name"].is_string()) {
    return InvalidArgument(name + ": needs [meta] with string keys 'language' and 'name'");
  }
  parsed.language = (*meta)["language"].value_or(std::string());
  parsed.name = (*meta)["name"].value_or(std::string());
  const std::string expected = "catalogs/" + parsed.language + ".toml";
  if (name != expected) {
    return InvalidArgument(name + ": declares language '" + parsed.language +
                           "' but a catalog for it must be named " + expected);
  }
  root.erase("meta");
  PHARE_RETURN_IF_ERROR(Flatten(root, "", name, parsed.patterns));
  const icu::Locale locale(parsed.language.c_str());
  for (const auto& [key, pattern] : parsed.patterns) {
    PHARE_RETURN_IF_ERROR(CheckPattern(name, key, pattern, locale));
  }
  return parsed;
}

icu::Formattable ToFormattable(const MessageArg& arg) {
  if (const auto* s = std::get_if<std::string>(&arg)) return icu::Formattable(ToUnicode(*s));
  if (const auto* i = std::get_if<int64_t>(&arg)) return icu::Formattable(*i);
  return icu::Formattable(std::get<double>(arg));
}

}  // namespace

Catalog::Catalog(std::string language, std::string name,
                 std::map<std::string, std::string> patterns, const Catalog* fallback)
    : language_(std::move(language)),
      name_(std::move(name)),
      patterns_(patterns.begin(), patterns.end()),
      fallback_(fallback) {}

bool Catalog::Has(std::string_view key) const { return patterns_.find(key) != patterns_.end(); }

std::vector<std::string> Catalog::Keys() const {
  std::vector<std::string> keys;
  keys.reserve(patterns_.size());
  for (const auto& [key, pattern] : patterns_) keys.push_back(key);
  return keys;
}

Result<std::string> Catalog::Format(std::string_view key, const MessageArgs& args) const {
  const auto it = patterns_.find(key);
  if (it == patterns_.end()) {
    if (fallback_) return fallback_->Format(key, args);
    return base::NotFound("no message '" + std::string(key) + "' in the catalogs");
  }
  // A MessageFormat is not safe to share between threads; building one per call keeps
  // Catalog immutable (a few microseconds, see bench/comms_bench.cc).
  UErrorCode ec = U_ZERO_ERROR;
  icu::MessageFormat format(ToUnicode(it->second), icu::Locale(language_.c_str()), ec);
  if (U_FAILURE(ec)) return IcuError("message '" + std::string(key) + "'", ec);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const auto& [name, value] : args) {
    names.push_back(ToUnicode(name));
    values.push_back(ToFormattable(value));
  }
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, ec);
  if (U_FAILURE(ec)) return IcuError("formatting message '" + std::string(key) + "'", ec);
  return ToUtf8(out);
}

Result<Catalogs> Catalogs::Load(std::span<const DataFile> files) {
  std::vector<ParsedCatalog> parsed;
  for (const DataFile& file : files) {
    if (!file.name.starts_with("catalogs/")) continue;
    if (parsed.size() >= kMaxCatalogs) return InvalidArgument("too many catalogs");
    PHARE_ASSIGN_OR_RETURN(ParsedCatalog catalog, ParseCatalog(file));
    for (const auto& other : parsed) {
      if (other.language == catalog.language) {
        return InvalidArgument("two catalogs for language '" + catalog.language + "'");
      }
    }
    parsed.push_back(std::move(catalog));
  }
  // The default language first: the others fall back to it.
  std::stable_partition(parsed.begin(), parsed.end(),
                        [](const ParsedCatalog& c) { return c.language == kDefaultLanguage; });
  if (parsed.empty() || parsed.front().language != kDefaultLanguage) {
    return InvalidArgument("no catalog for the default language '" + std::string(kDefaultLanguage) +
                           "' (catalogs/en.toml)");
  }
  std::sort(parsed.begin() + 1, parsed.end(),
            [](const auto& a, const auto& b) { return a.language < b.language; });
  Catalogs catalogs;
  for (auto& p : parsed) {
    const Catalog* fallback = catalogs.catalogs_.empty() ? nullptr : catalogs.catalogs_[0].get();
    catalogs.languages_.push_back(p.language);
    catalogs.catalogs_.push_back(std::make_unique<Catalog>(std::move(p.language), std::move(p.name),
                                                           std::move(p.patterns), fallback));
  }
  return catalogs;
}

const Catalogs& Catalogs::Builtin() {
  static const Catalogs* builtin = [] {
    auto loaded = Load(EmbeddedFiles());
    if (!loaded.ok()) {
      std::cerr << "phare: embedded catalogs are invalid: " << loaded.status().ToString() << "\n";
      std::abort();
    }
    return new Catalogs(std::move(loaded).value());
  }();
  return *builtin;
}

const Catalog* Catalogs::Find(std::string_view language) const {
  for (size_t i = 0; i < languages_.size(); ++i) {
    if (languages_[i] == language) return catalogs_[i].get();
  }
  return nullptr;
}

}  // namespace phare::comms
