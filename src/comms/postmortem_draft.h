// Drafting post-mortems (model/postmortem.h): from the incident's structured facts, a
// general and a technical body in every shipped language, as Markdown the communicator
// edits before publishing.
//
// The general body says, in plain words: sorry; what happened (the summary); what it
// meant for the reader (which services, from when to when, for how long, how many
// services and customers); why, in plain words; what was done; what will change and by
// when; the service credits that apply; thanks. The technical body gives the window,
// the impact per product and per site from the inventory, the full chain of causes in
// order, the timeline (status changes, node reports, restoration progress), what was
// done, the changes with their dates and the credits policy.
//
// An operator's text missing in a language is left out of the general body in that
// language (with a note); the technical body falls back to any language given. Times are
// tokens (time_tokens.h), resolved per reader. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "comms/catalog.h"
#include "comms/draft.h"
#include "model/incident.h"
#include "model/postmortem.h"

namespace phare::comms {

// One line of the technical timeline.
struct TimelineEntry {
  enum class Kind : uint8_t { kStatus, kNode, kProgress };
  Kind kind = Kind::kStatus;
  base::Time at{};
  model::IncidentStatus status = model::IncidentStatus::kInvestigating;  // kStatus
  std::string node;       // kNode: the node's id or name
  std::string condition;  // kNode: "down", "degraded", "up"...
  int64_t restored = 0;   // kProgress
  int64_t total = 0;
};

struct PostmortemState {
  base::Time started_at{};
  base::Time resolved_at{};
  std::vector<AffectedService> services;
  // From the inventory: the total first, then per product and per site (ImpactCount::hit
  // are the resources hit at some point).
  std::vector<model::ImpactCount> impact;
  std::optional<int64_t> customers_hit;
  std::vector<TimelineEntry> timeline;  // oldest first
  model::PostmortemFacts facts;
};

// InvalidArgument naming the field ("postmortem.changes[1].what.xx") for a language not
// shipped, a text over model::kMaxPostmortemTextBytes, more than kMaxPostmortemItems links
// or changes, or a change or link without text.
base::Status ValidatePostmortemFacts(const model::PostmortemFacts& facts, const Catalogs& catalogs);

// The errors of ValidatePostmortemFacts, InvalidArgument when resolved_at is before
// started_at; Internal if a catalog message cannot be formatted.
base::Result<Drafts> DraftPostmortem(const PostmortemState& state,
                                     const Catalogs& catalogs = Catalogs::Builtin());

// What subscribers are sent when the post-mortem is published, for each audience and
// language: where to read it (`url`) and, for general readers, its summary.
base::Result<Drafts> DraftPostmortemNotice(const model::PostmortemFacts& facts,
                                           const std::string& url,
                                           const Catalogs& catalogs = Catalogs::Builtin());

}  // namespace phare::comms
