#include "notify/messages.h"

#include <cstdlib>
#include <iostream>
#include <vector>

namespace phare::notify {

std::string_view EmbeddedFile(std::string_view name);  // generated from the files below

std::string_view NotifyTemplate(std::string_view name) { return EmbeddedFile(name); }

const comms::Catalogs& NotifyCatalogs() {
  static const comms::Catalogs* catalogs = [] {
    // A catalog per page language that has a file; the others fall back to English.
    std::vector<std::string> names;
    for (const auto& language : comms::Catalogs::Builtin().Languages()) {
      names.push_back(language + ".toml");
    }
    std::vector<comms::DataFile> files;
    std::vector<std::string> paths;
    paths.reserve(names.size());
    for (const auto& name : names) {
      const std::string_view text = EmbeddedFile(name);
      if (text.empty()) continue;
      paths.push_back("catalogs/" + name);
      files.push_back({paths.back(), text});
    }
    auto loaded = comms::Catalogs::Load(files);
    if (!loaded.ok()) {
      std::cerr << "phare: embedded notification catalogs are invalid: "
                << loaded.status().ToString() << "\n";
      std::abort();
    }
    return new comms::Catalogs(std::move(loaded).value());
  }();
  return *catalogs;
}

std::string Say(std::string_view language, std::string_view key, const comms::MessageArgs& args) {
  const comms::Catalog* catalog = NotifyCatalogs().Find(language);
  if (!catalog) catalog = &NotifyCatalogs().Default();
  auto text = catalog->Format(key, args);
  return text.ok() ? *text : std::string(key);
}

}  // namespace phare::notify
