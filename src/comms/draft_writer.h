// Internal to comms drafting: assembles a Markdown body from catalog messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "comms/catalog.h"
#include "comms/draft.h"

namespace phare::comms {

class DraftWriter {
 public:
  explicit DraftWriter(const Catalog& catalog) : catalog_(catalog) {}

  // Appends message `key` to the current paragraph, after a space.
  base::Status Say(std::string_view key, const MessageArgs& args = {});
  // Appends Markdown as is.
  void Append(std::string_view markdown);
  // Closes the current paragraph (if it has text).
  void EndParagraph();
  std::string Finish();

  const Catalog& catalog() const { return catalog_; }

 private:
  const Catalog& catalog_;
  std::string out_;
  bool open_ = false;  // the current paragraph has text
};

// What the body writers share for one language.
struct DraftContext {
  const IncidentState& state;
  const Catalog& catalog;
  std::string services;  // "dedicated servers and VPS in Strasbourg", Markdown-escaped
  std::vector<std::string>& notes;
};

base::Result<std::string> GeneralBody(const DraftContext& context);
base::Result<std::string> TechnicalBody(const DraftContext& context);

// The operator's text in the catalog's language, or "" (with a note when other languages
// have it and `fallback` is false; with `fallback`, the first language that has it).
std::string PickText(const LocalizedText& text, const DraftContext& context, std::string_view what,
                     bool fallback);

// "dedicated servers, VPS and cloud instances": ICU's list pattern for `language`.
base::Result<std::string> JoinList(const std::vector<std::string>& items,
                                   const std::string& language);
// The affected services in plain words, grouped by place, in the catalog's language
// ("dedicated servers and VPS in Strasbourg"); notes what it had to write as is.
base::Result<std::string> ServicesPhrase(const IncidentState& state, const Catalog& catalog,
                                         std::vector<std::string>& notes);

}  // namespace phare::comms
