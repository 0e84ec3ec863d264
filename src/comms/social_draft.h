// The short form of an update for a social network account: from the structured state
// (what is hit, that the team is on it, the estimate or the next update, a link to the
// incident page), in the account's language, zone and audience, fitted to the network's
// limit (social_text.h) without cutting a word or the link.
//
// General audience, in this order (the first and the link are always there; the others go
// in while they fit): what is hit and since when (an incident) or the window (maintenance);
// "we are sorry" (in the first post and at the resolution); where the work stands; that the
// teams are on it; when service should be back, else when the next update comes. Technical
// audience: the status label first, no apology, no "on it". Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "comms/catalog.h"
#include "comms/social_text.h"
#include "model/incident.h"
#include "model/subscriber.h"

namespace phare::comms {

inline constexpr size_t kMaxSocialServices = 3;  // named; the rest are counted

struct SocialFacts {
  model::IncidentKind kind = model::IncidentKind::kIncident;
  model::IncidentStatus status = model::IncidentStatus::kInvestigating;
  model::Impact impact = model::Impact::kMajor;
  base::Time at{};          // the update's time
  base::Time started_at{};  // incidents
  std::optional<base::Time> scheduled_for;
  std::optional<base::Time> scheduled_until;
  std::vector<std::string> services;  // affected components' names, most important first
  std::optional<base::Time> back_by;  // the estimate the page promises
  std::optional<base::Time> next_update_at;
  bool first = false;  // the incident's first post on this account
  std::string link;    // the incident's page
};

struct SocialTarget {
  Network network = Network::kMastodon;
  size_t limit = 500;
  std::string language = "en";
  model::Audience audience = model::Audience::kGeneral;
  base::Zone zone = base::Zone::Utc();
};

// The post's text. InvalidArgument when the language has no catalog or the post cannot
// fit (a limit shorter than a link and a word); Internal on an ICU failure.
base::Result<std::string> DraftSocialPost(const SocialFacts& facts, const SocialTarget& target,
                                          const Catalogs& catalogs = Catalogs::Builtin());

}  // namespace phare::comms
