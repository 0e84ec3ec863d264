// The public site as files, for a web server or CDN that needs nothing of phare: the
// pages in every shipped language (each in the page's zone), the v2 JSON, feeds,
// badges, calendars and widget, with .gz twins, a manifest and a server snippet.
//
// Layout under the export root:
//   index.html, history/index.html, history/page/N/index.html, incidents/{id}/index.html
//       the page's own reading (its default language);
//   _lang/{language}/...   the same pages in each shipped language;
//   api/v2/*.json, history.atom, history.rss, badge.svg, maintenance.ics, widget.js;
//   manifest.json          every file with its size, type and BLAKE2b-256 digest;
//   _phare/nginx.conf      to include in an nginx `server {}`: picks the language from
//                          ?lang=, the phare_lang cookie, then Accept-Language's first
//                          language, as phare does for simple requests.
//
// `out` is a symbolic link to the current version (`out.versions/N`): each export is
// written completely beside the current one, then the link is swapped with one
// rename, so a server reading `out` never sees a half-written site. The previous
// version stays (requests under way may still read it); older ones are removed.
// Not thread-safe: one export at a time per `out`.
#pragma once

#include <cstddef>
#include <string>

#include "base/status.h"
#include "http/resource.h"
#include "service/public_state.h"
#include "web/pages.h"

namespace phare::app {

struct ExportStats {
  size_t files = 0;  // documents, not counting .gz twins
  size_t bytes = 0;  // uncompressed
};

// Exports `state` and the eager resources of `snapshot` (the JSON, feeds and embeds it
// was built with) to `out`. Fails when `out` exists and is neither a link made by an
// earlier export nor an empty directory, or on any I/O error (the current version is
// then left in place).
base::Result<ExportStats> ExportSite(const service::PublicState& state,
                                     const http::ResourceSet& snapshot,
                                     const web::SiteOptions& options, const std::string& out);

}  // namespace phare::app
