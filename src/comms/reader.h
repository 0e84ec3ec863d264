// Everything one reader needs to read bodies and labels: their language's catalog and a
// time formatter in their zone. Bodies come out with their time tokens resolved, as
// Markdown source (JSON, plain text) or safe HTML (pages).
//
// A Reader holds ICU formatters and is not thread-safe: make one per rendering.
// Readers caches one Reader per language for a rendering that mixes languages (the
// v2 JSON's per-language bodies).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "base/time.h"
#include "comms/catalog.h"
#include "comms/time_format.h"

namespace phare::comms {

class Reader {
 public:
  // A reader of `language` (the default catalog when it is not shipped) in `zone`.
  static base::Result<Reader> Create(std::string_view language, base::Zone zone,
                                     const Catalogs& catalogs = Catalogs::Builtin());

  const Catalog& catalog() const { return *catalog_; }
  const TimeFormatter& times() const { return formatter_; }
  const std::string& language() const { return catalog_->language(); }

  // `body` with its time tokens resolved (dates shown when not on `reference`'s day).
  std::string Text(std::string_view body, std::optional<base::Time> reference) const;
  // The same, rendered from Markdown to safe HTML.
  std::string Html(std::string_view body, std::optional<base::Time> reference) const;
  // Catalog message `key`; on a formatting error, the key itself (never fails a page).
  std::string Say(std::string_view key, const MessageArgs& args = {}) const;

 private:
  Reader(const Catalog* catalog, TimeFormatter formatter)
      : catalog_(catalog), formatter_(std::move(formatter)) {}
  const Catalog* catalog_;
  TimeFormatter formatter_;
};

class Readers {
 public:
  explicit Readers(base::Zone zone) : zone_(zone) {}
  // The reader for `language` in this zone (null only if ICU cannot set it up).
  const Reader* For(std::string_view language);

 private:
  base::Zone zone_;
  std::map<std::string, std::unique_ptr<Reader>, std::less<>> readers_;
};

}  // namespace phare::comms
