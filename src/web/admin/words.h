// The console's words, per language: catalogs src/web/admin/catalogs/<lang>.toml (ICU
// MessageFormat, English the fallback), compiled into the binary. The reader's language
// is their own preference when set, else the best match of Accept-Language.
// Immutable; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "comms/catalog.h"

namespace phare::web::admin {

// The console catalogs (loaded once; aborts if the embedded files are invalid, which
// the unit tests rule out).
const comms::Catalogs& ConsoleCatalogs();

class Words {
 public:
  // An unknown language gets the default catalog.
  explicit Words(std::string_view language);

  const std::string& language() const { return catalog_->language(); }
  // The formatted text of `key`; the key itself if no catalog has it.
  std::string operator()(std::string_view key, const comms::MessageArgs& args = {}) const;

 private:
  const comms::Catalog* catalog_;
};

// The language for a reader: `preference` when the console speaks it, else the best
// match of the Accept-Language header, else `fallback`.
std::string ChooseLanguage(std::string_view preference, std::string_view accept_language,
                           std::string_view fallback);

}  // namespace phare::web::admin
