#include "web/admin/words.h"

#include <cstdlib>
#include <iostream>
#include <vector>

#include "base/embedded.h"
#include "comms/negotiate.h"

namespace phare::web::admin {

std::span<const base::DataFile> EmbeddedFiles();  // generated from src/web/admin

const comms::Catalogs& ConsoleCatalogs() {
  static const comms::Catalogs* catalogs = [] {
    auto loaded = comms::Catalogs::Load(EmbeddedFiles());
    if (!loaded.ok()) {
      std::cerr << "phare: embedded console catalogs are invalid: " << loaded.status().ToString()
                << "\n";
      std::abort();
    }
    return new comms::Catalogs(std::move(loaded).value());
  }();
  return *catalogs;
}

Words::Words(std::string_view language) : catalog_(ConsoleCatalogs().Find(language)) {
  if (!catalog_) catalog_ = &ConsoleCatalogs().Default();
}

std::string Words::operator()(std::string_view key, const comms::MessageArgs& args) const {
  auto text = catalog_->Format(key, args);
  return text.ok() ? *text : std::string(key);
}

std::string ChooseLanguage(std::string_view preference, std::string_view accept_language,
                           std::string_view fallback) {
  const auto& catalogs = ConsoleCatalogs();
  if (!preference.empty() && catalogs.Find(preference)) return std::string(preference);
  static const comms::LanguageNegotiator* negotiator = [&catalogs] {
    auto made = comms::LanguageNegotiator::Create(catalogs.Languages(), comms::kDefaultLanguage);
    return made.ok() ? new comms::LanguageNegotiator(std::move(made).value()) : nullptr;
  }();
  if (negotiator && !accept_language.empty()) {
    return negotiator->Choose({"", "", accept_language}).language;
  }
  return catalogs.Find(fallback) ? std::string(fallback) : std::string(comms::kDefaultLanguage);
}

}  // namespace phare::web::admin
