// /history.atom and /history.rss: the incident history as feeds (Statuspage's paths),
// each entry's content being its updates as HTML, escaped as feeds require.
#include <date/date.h>

#include "base/text.h"

#include "web/page_view.h"
#include "web/view.h"

namespace phare::web {
namespace {

constexpr size_t kFeedEntries = 50;

std::string Rfc822(base::Time t) {
  return date::format("%a, %d %b %Y %H:%M:%S +0000", std::chrono::floor<std::chrono::seconds>(t));
}

std::string Host(const std::string& url) {
  auto start = url.find("://");
  std::string host = start == std::string::npos ? url : url.substr(start + 3);
  return host.substr(0, host.find_first_of("/:"));
}

// The updates of `i`, newest first, as one HTML fragment.
std::string Content(const PageView& v, const model::Incident& i) {
  std::string html;
  for (const auto& u : i.updates) {
    const std::string& body =
        model::BodyFor(u, model::Audience::kGeneral, v.reading.language, v.default_language);
    html += "<p><small>" + v.When(u.display_at) + "</small><br><strong>" +
            StatusLabel(v.reader, u.status) + "</strong></p>" + v.reader.Html(body, u.display_at);
  }
  return html;
}

}  // namespace

std::vector<RenderedPage> RenderFeeds(const service::PublicState& state,
                                      const SiteOptions& options) {
  auto view = PageView::Create(state, options, Defaults(state, options));
  if (!view) return {};
  base::Time updated = state.page.updated_at;
  Data entries{Data::type::list};
  for (size_t k = 0; k < state.incidents.size() && k < kFeedEntries; ++k) {
    const auto& i = state.incidents[k];
    if (i.updated_at > updated) updated = i.updated_at;
    Data e;
    e.set("id", i.id);
    e.set("name", view->Name(i));
    e.set("published", base::FormatUtc(i.created_at));
    e.set("published_rfc822", Rfc822(i.created_at));
    e.set("updated", base::FormatUtc(i.updated_at));
    e.set("content", Content(*view, i));
    entries.push_back(e);
  }
  Data d;
  d.set("lang", view->reader.language());
  d.set("title", view->reader.Say("ui.page_title", {{"page", state.page.name}}));
  d.set("page_url", state.page.url);
  d.set("page_id", state.page.id);
  d.set("host", Host(state.page.url));
  d.set("updated", base::FormatUtc(updated));
  d.set("updated_rfc822", Rfc822(updated));
  d.set("entries", entries);
  // XML 1.0 cannot carry control characters: whatever the input let through, drop them.
  return {{"/history.atom", "application/atom+xml; charset=utf-8",
           base::StripControls(RenderTemplate("history.atom.mustache", d))},
          {"/history.rss", "application/rss+xml; charset=utf-8",
           base::StripControls(RenderTemplate("history.rss.mustache", d))}};
}

}  // namespace phare::web
