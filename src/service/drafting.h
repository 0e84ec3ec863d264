// The communication side of publishing an update: drafting plain-language bodies
// (src/comms) from the incident's structured state, and checking every body before it
// goes out. Internal to the service layer.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "comms/checker.h"
#include "comms/draft.h"
#include "model/component.h"
#include "model/incident.h"
#include "service/policies.h"

namespace phare::service {

// Facts an operator may add for the drafts (the API's `phare.draft` object).
struct DraftFacts {
  std::optional<int64_t> resources_affected;
  std::optional<int64_t> customers_affected;
  comms::LocalizedText workaround;  // "what you can do meanwhile", per language
  comms::LocalizedText root_cause;
  bool postmortem_planned = false;
  std::optional<base::Time> postmortem_by;
  bool credits_apply = false;
};

// One checker finding and the body it is about.
struct BodyFinding {
  model::Audience audience = model::Audience::kGeneral;
  std::string language;
  comms::Finding finding;
};

// Who has heard about an incident before its next update. The apology goes into the first
// message each audience gets in each language, whichever update carries it: an incident
// declared with technical bodies only has told general readers nothing yet.
struct EarlierMessages {
  bool none = true;  // no update yet: the next one is every reader's first
  // Languages in which an earlier update had a general body.
  std::set<std::string, std::less<>> general_languages;

  // The next update's body for `audience` in `language` is its readers' first message.
  bool FirstFor(model::Audience audience, std::string_view language) const;
};

// What `updates` (the incident's earlier ones) told. Statuspage's `body` speaks to the
// page's default audience in its default language.
EarlierMessages EarlierMessagesOf(const std::vector<model::IncidentUpdate>& updates,
                                  const Policies& policies);

// The drafting state of `incident` as of its update at `at` with status
// `incident.status`; `components` is the page's, for names, products and places.
comms::IncidentState DraftState(const model::Incident& incident,
                                const std::vector<model::Component>& components,
                                const DraftFacts& facts, base::Time at,
                                const EarlierMessages& earlier);

// Adds the drafted bodies that `bodies` lacks (the operator's own always win).
void MergeDrafts(const comms::Drafts& drafts, std::vector<model::LocalizedBody>& bodies);

// Every finding for `bodies` plus the default `body` (as the page's default audience and
// language), for an update of `incident`.
base::Result<std::vector<BodyFinding>> CheckBodies(const model::Incident& incident,
                                                   const std::vector<model::Component>& components,
                                                   const std::string& body,
                                                   const std::vector<model::LocalizedBody>& bodies,
                                                   const EarlierMessages& earlier, base::Time at,
                                                   const Policies& policies,
                                                   const base::Zone& zone);

}  // namespace phare::service
