// Readers' feedback on updates: "Was this clear? Yes / No", with an optional comment, per
// update × audience × language (docs/channels.md). Public and anonymous: the form carries
// a token signed with the installation's feedback key over (incident, update, audience,
// language), so only forms phare rendered count, and nothing about the reader is stored.
// Rate limits and the one-vote cookie are the HTTP side's (app/feedback_site.h).
//
// FeedbackKey is immutable and thread-safe once loaded; the functions are as thread-safe
// as the store.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/feedback.h"
#include "service/context.h"

namespace phare::service {

class FeedbackKey {
 public:
  // The key from the store, created from `random` on first use.
  static base::Result<FeedbackKey> Load(store::Store& store, base::Random& random);
  explicit FeedbackKey(std::string key) : key_(std::move(key)) {}
  // The raw key, for renderers that sign forms (web::SiteOptions::feedback_key).
  const std::string& bytes() const { return key_; }

  // 43 characters of base64url.
  std::string Sign(std::string_view incident_id, std::string_view update_id,
                   model::Audience audience, std::string_view language) const;
  bool Verify(std::string_view token, std::string_view incident_id, std::string_view update_id,
              model::Audience audience, std::string_view language) const;

 private:
  std::string key_;
};

// A vote as the form sends it: fields as text, not yet trusted.
struct FeedbackForm {
  std::string incident_id;
  std::string update_id;
  std::string audience;  // general | technical
  std::string language;
  std::string answer;  // yes | no
  std::string comment;
  std::string token;
  std::string honeypot;  // a field people never see; bots fill it
};

// Validates `form` and stores its vote. InvalidArgument naming the field (unknown
// audience or answer, a comment over kMaxFeedbackCommentBytes, a language that is not a
// tag); PermissionDenied for a bad token or a filled honeypot; NotFound when the update
// is not one of the incident's.
base::Result<model::FeedbackVote> RecordFeedback(Context& ctx, const FeedbackKey& key,
                                                 const FeedbackForm& form);

// What operators see for one incident: counts per update × audience × language (in the
// incident's update order, newest first) and the comments, oldest first.
struct FeedbackReport {
  std::vector<model::FeedbackTally> tallies;
  std::vector<model::FeedbackVote> comments;  // only votes with a comment
};
inline constexpr size_t kMaxFeedbackListed = 10000;

// NotFound for an unknown incident.
base::Result<FeedbackReport> ReportFeedback(store::Store& store, std::string_view incident_id);

// True when a general-audience tally has at least `min_votes` votes and a "no" share
// above `share`.
bool IsUnclear(const model::FeedbackTally& tally, int64_t min_votes, double share);

}  // namespace phare::service
