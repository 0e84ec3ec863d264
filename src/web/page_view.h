// One reader's view of the state, shared by the page renderers: their Reader (catalog
// and time formatter), the incident data every page shows the same way, and the layout.
// Not thread-safe (holds ICU formatters); one per rendering. Internal to src/web.
#pragma once

#include <optional>
#include <string>

#include "comms/reader.h"
#include "service/public_state.h"
#include "web/pages.h"
#include "web/templates.h"
#include "web/variant.h"

namespace phare::web {

class PageView {
 public:
  // nullopt when the reading names a language that is not shipped or an unknown zone.
  static std::optional<PageView> Create(const service::PublicState& state,
                                        const SiteOptions& options, const Reading& reading);

  const service::PublicState& state;
  comms::Reader reader;
  Reading reading;
  std::string default_language;
  std::string feedback_key;  // SiteOptions::feedback_key

  // The name of a component, group, incident or maintenance in the reader's language,
  // else in the page's default one.
  const std::string& Name(const model::Component& c) const;
  const std::string& Name(const model::Incident& i) const;
  // A time for this reader, relative to the state's now.
  std::string When(base::Time t) const;
  // "November 2017" in the reader's language.
  std::string Month(base::Time t) const;
  // Name, status, impact, affected components, window, estimate, next update and the
  // update timeline (bodies for this reader) of `incident`.
  // `all_updates` false: the latest update only, with a link to the rest (status page).
  Data IncidentData(const model::Incident& incident, bool all_updates = true) const;
  // The whole HTML document around `content`; `path` is where the preferences form
  // returns to.
  std::string Layout(const std::string& title, const std::string& path,
                     const std::string& content) const;

 private:
  PageView(const service::PublicState& s, comms::Reader r, Reading reading_, std::string lang)
      : state(s),
        reader(std::move(r)),
        reading(std::move(reading_)),
        default_language(std::move(lang)) {}
  Data UpdatesData(const model::Incident& incident, size_t max_updates) const;
};

// Feeds of the incident history (Atom and RSS), in the page's default reading.
std::vector<RenderedPage> RenderFeeds(const service::PublicState& state,
                                      const SiteOptions& options);

}  // namespace phare::web
