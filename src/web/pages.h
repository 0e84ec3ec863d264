// The public HTML pages, server-rendered and readable without JavaScript: the status
// page (/), incident and maintenance pages (/incidents/{id}), the history (/history,
// /history?page=N) and its feeds (/history.atom, /history.rss). Each page exists per
// reading (language and zone, see variant.h): labels come from the reader's catalog,
// times show in their zone, bodies in their language (general audience first, the
// technical body one click away), with time tokens resolved and Markdown made safe.
// Pure functions of the state; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/public_state.h"
#include "web/variant.h"

namespace phare::web {

struct SiteOptions {
  std::string default_language = "en";  // the page's language for readers without a preference
  // Signs the "Was this clear?" forms (service/feedback.h); empty: no forms.
  std::string feedback_key = {};
};

struct RenderedPage {
  std::string key;  // resource key: a path, or a variant key
  std::string content_type;
  std::string body;
};

// How far back the status page lists past incidents, day by day.
inline constexpr int kHistoryDays = 14;
// Incidents per /history page and per feed.
inline constexpr size_t kHistoryPageSize = 25;

// The page's own reading: its default language and zone.
Reading Defaults(const service::PublicState& state, const SiteOptions& options);

// Pages worth rendering for every snapshot: "/" and "/history" in every shipped
// language, the feeds, and (default reading) the pages of open incidents and of those
// updated within kHistoryDays.
std::vector<RenderedPage> RenderPages(const service::PublicState& state,
                                      const SiteOptions& options);

// Any page by key ("/incidents/{id}", "/history?page=N", with or without a reading);
// nullopt when the key names nothing (unknown incident, language or zone).
std::optional<RenderedPage> RenderPage(const service::PublicState& state,
                                       const SiteOptions& options, std::string_view key);

std::string RenderNotFound(const service::PublicState& state, const SiteOptions& options,
                           const Reading& reading);

}  // namespace phare::web
