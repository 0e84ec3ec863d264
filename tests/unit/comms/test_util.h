// Helpers shared by the comms unit tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/time.h"
#include "comms/catalog.h"
#include "comms/checker.h"
#include "comms/time_format.h"
#include "comms/time_tokens.h"

namespace phare::comms::testing {

inline base::Time At(const char* text) {
  auto t = base::ParseTime(text);
  EXPECT_TRUE(t.ok()) << text;
  return t.ok() ? *t : base::Time{};
}

inline base::Zone ZoneNamed(const char* name) {
  auto zone = base::Zone::Find(name);
  EXPECT_TRUE(zone.ok()) << name;
  return zone.ok() ? *zone : base::Zone::Utc();
}

inline const Catalog& CatalogFor(const std::string& language) {
  const Catalog* catalog = Catalogs::Builtin().Find(language);
  EXPECT_NE(catalog, nullptr) << language;
  return catalog ? *catalog : Catalogs::Builtin().Default();
}

// A catalog message formatted, for structural checks ("the body says the mobilised
// sentence"), so tests do not copy catalog wording.
inline std::string Message(const std::string& language, const std::string& key,
                           const MessageArgs& args = {}) {
  auto text = CatalogFor(language).Format(key, args);
  EXPECT_TRUE(text.ok()) << key << ": " << text.status().ToString();
  return text.ok() ? *text : std::string();
}

inline std::string Resolve(const std::string& body, const std::string& language, const char* zone,
                           std::optional<base::Time> reference) {
  auto formatter = TimeFormatter::Create(CatalogFor(language), ZoneNamed(zone));
  EXPECT_TRUE(formatter.ok());
  return ResolveTimes(body, *formatter, reference).text();
}

inline std::vector<std::string> Rules(const std::vector<Finding>& findings) {
  std::vector<std::string> rules;
  for (const auto& f : findings) rules.push_back(f.rule);
  return rules;
}

inline bool Has(const std::vector<Finding>& findings, std::string_view rule) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const Finding& f) { return f.rule == rule; });
}

inline std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += f.rule + ": " + f.message + "\n";
  return out;
}

}  // namespace phare::comms::testing
