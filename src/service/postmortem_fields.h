// The post-mortem fields an incident's create or update carries (Statuspage's
// postmortem_body, postmortem_notify_subscribers, postmortem_notify_twitter, and phare's
// promise of a report by a date), applied inside IncidentService's write transaction.
#pragma once

#include <optional>
#include <string>

#include "base/status.h"
#include "base/time.h"
#include "model/incident.h"
#include "service/policies.h"
#include "store/postmortems.h"

namespace phare::service {

struct PostmortemFields {
  std::optional<std::string> body;  // the page's default audience and language
  std::optional<bool> notify_subscribers;
  std::optional<bool> notify_twitter;
  std::optional<base::Time> promised_by;  // "a report by DATE"

  bool empty() const { return !body && !notify_subscribers && !notify_twitter && !promised_by; }
};

// Creates or updates `incident`'s post-mortem with `fields` (nothing when empty), and
// sets incident.postmortem to it: the body is a draft until published
// (PostmortemService::Publish). InvalidArgument ("incident.postmortem_body") for a body
// over model::kMaxBodyBytes.
base::Status ApplyPostmortemFields(store::PostmortemTx& tx, model::Incident& incident,
                                   const PostmortemFields& fields, const Policies& policies,
                                   base::Time now);

}  // namespace phare::service
