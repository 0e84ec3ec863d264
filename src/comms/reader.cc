#include "comms/reader.h"

#include "comms/markdown.h"
#include "comms/time_tokens.h"

namespace phare::comms {

base::Result<Reader> Reader::Create(std::string_view language, base::Zone zone,
                                    const Catalogs& catalogs) {
  const Catalog* catalog = catalogs.Find(language);
  if (!catalog) catalog = &catalogs.Default();
  PHARE_ASSIGN_OR_RETURN(auto formatter, TimeFormatter::Create(*catalog, zone));
  return Reader(catalog, std::move(formatter));
}

std::string Reader::Text(std::string_view body, std::optional<base::Time> reference) const {
  if (body.find('{') == std::string_view::npos) return std::string(body);
  return ResolveTimes(body, formatter_, reference).text();
}

std::string Reader::Html(std::string_view body, std::optional<base::Time> reference) const {
  auto html = MarkdownToHtml(Text(body, reference));
  // Only bodies over model::kMaxBodyBytes fail, and the service refuses those.
  return html.ok() ? *html : std::string();
}

std::string Reader::Say(std::string_view key, const MessageArgs& args) const {
  auto text = catalog_->Format(key, args);
  return text.ok() ? *text : std::string(key);
}

const Reader* Readers::For(std::string_view language) {
  if (auto it = readers_.find(language); it != readers_.end()) return it->second.get();
  auto reader = Reader::Create(language, zone_);
  if (!reader.ok()) return nullptr;
  auto [it, inserted] =
      readers_.emplace(std::string(language), std::make_unique<Reader>(std::move(reader).value()));
  return it->second.get();
}

}  // namespace phare::comms
