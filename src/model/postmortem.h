// A post-mortem: the report an incident gets once service is back. It holds the
// structured facts the operator gives (summary, what it meant for customers, the chain
// of causes, what was done, what will change and by when, the credits policy that
// applies) and the bodies written from them, one per audience and language: a general
// version in plain words and a technical one with the full chain of causes. Bodies are
// drafted from the facts (comms/postmortem_draft.h) and edited by the communicator.
//
// Life: none → draft (facts and bodies saved) → published (published_at set; the
// incident's status becomes `postmortem`) → revised (bodies edited after publishing;
// body_updated_at moves) or reverted (unpublished). An incident resolved with "a report
// by DATE" records `promised_by` before any draft exists. Statuspage's fields:
// postmortem_body (the page's default audience and language), postmortem_body_last_
// updated_at, postmortem_published_at, postmortem_notify_subscribers, postmortem_notify_
// twitter. Plain values.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "model/body.h"

namespace phare::model {

// Text per language ("fr" → "..."), Markdown.
using Texts = std::map<std::string, std::string, std::less<>>;

// One link of the chain of causes, first cause first: what happened, and when if known.
struct PostmortemCause {
  std::optional<base::Time> at;
  Texts what;
};

// One thing that will change, and the date it will be done by.
struct PostmortemChange {
  Texts what;
  std::optional<base::Time> by;
};

struct PostmortemFacts {
  Texts summary;                       // what happened, in plain words
  Texts customer_impact;               // what it meant for customers, in plain words
  Texts root_cause;                    // the cause in plain words (general version)
  std::vector<PostmortemCause> chain;  // the full chain of causes (technical version)
  Texts actions;                       // what was done to restore service
  std::vector<PostmortemChange> changes;
  Texts credits_policy;  // the service credits that apply, as customers should read them
};

struct Postmortem {
  std::string incident_id;
  PostmortemFacts facts;
  std::vector<LocalizedBody> bodies;      // per audience and language
  std::optional<base::Time> promised_by;  // "a report by DATE", from the resolution
  bool notify_subscribers = true;         // tell subscribers when published
  bool notify_twitter = false;            // accepted and shown; phare posts nowhere
  base::Time created_at{};
  std::optional<base::Time> body_updated_at;  // last change of a body
  std::optional<base::Time> published_at;
};

// The body for `audience` in `language`, else in `default_language`, else any body of
// `audience`; nullptr when the post-mortem has no body for that audience.
const LocalizedBody* PostmortemBodyFor(const Postmortem& postmortem, Audience audience,
                                       std::string_view language,
                                       std::string_view default_language);

inline constexpr size_t kMaxPostmortemTextBytes = 8000;
inline constexpr size_t kMaxPostmortemItems = 50;  // links of the chain, changes
inline constexpr size_t kMaxPostmortemBodies = 32;

}  // namespace phare::model
