// A social network account phare posts to, and what is checked of a post's text before
// it goes: the network's length limit (comms/social_text.h) and the checker's findings
// (comms/checker.h). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "base/time.h"
#include "comms/social_text.h"
#include "model/incident.h"
#include "model/subscriber.h"

namespace phare::notify {

struct SocialAccount {
  std::string name;
  comms::Network network = comms::Network::kMastodon;
  std::string url;  // the API's base URL
  std::string language = "en";
  model::Audience audience = model::Audience::kGeneral;
  base::Zone zone = base::Zone::Utc();
  size_t limit = 500;
  std::string handle;  // Bluesky's identifier
  std::string secret;  // access token or app password; never logged
  base::Duration hold{};
};

// Whether `text` fits `account`'s network: InvalidArgument ("text") with the length and
// the limit otherwise, or when it is empty or longer than store::kMaxSocialTextBytes.
base::Status CheckSocialText(const SocialAccount& account, std::string_view text);

// The checker's findings on `text` for `account`, one line each ("rule: message").
std::string SocialWarnings(const SocialAccount& account, const model::Incident& incident,
                           const model::IncidentUpdate& update, bool first, std::string_view text);

}  // namespace phare::notify
