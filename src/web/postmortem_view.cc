#include "web/postmortem_view.h"

#include "comms/time_tokens.h"

namespace phare::web {

void AddPostmortemData(const PageView& v, const model::Incident& i, Data& d) {
  if (!i.postmortem) return;
  const model::Postmortem& pm = *i.postmortem;
  if (!pm.published_at) {
    if (pm.promised_by && model::IsClosed(i.status)) {
      const std::string date = v.reader.Text(comms::DateToken(*pm.promised_by), std::nullopt);
      d.set("postmortem_promised", v.reader.Say("ui.report.promised", {{"date", date}}));
    }
    return;
  }
  const std::string& language = v.reading.language;
  const auto* general =
      model::PostmortemBodyFor(pm, model::Audience::kGeneral, language, v.default_language);
  const auto* technical =
      model::PostmortemBodyFor(pm, model::Audience::kTechnical, language, v.default_language);
  if (!general) std::swap(general, technical);  // a technical version only: shown openly
  if (!general) return;
  Data p;
  p.set("title", v.reader.Say("ui.report.title"));
  p.set("published", v.reader.Say("ui.report.published", {{"time", v.When(*pm.published_at)}}));
  if (pm.body_updated_at && *pm.body_updated_at > *pm.published_at) {
    p.set("revised", v.reader.Say("ui.report.revised", {{"time", v.When(*pm.body_updated_at)}}));
  }
  p.set("general_html", v.reader.Html(general->body, pm.published_at));
  if (technical) {
    p.set("technical_html", v.reader.Html(technical->body, pm.published_at));
    p.set("technical_label", v.reader.Say("ui.audience_technical"));
  }
  d.set("postmortem", p);
}

}  // namespace phare::web
