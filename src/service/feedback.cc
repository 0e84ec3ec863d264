#include "service/feedback.h"

#include <map>
#include <tuple>

#include "base/crypto.h"
#include "model/names.h"

namespace phare::service {
namespace {

constexpr std::string_view kKeyName = "feedback";
constexpr size_t kKeyBytes = 32;

}  // namespace

base::Result<FeedbackKey> FeedbackKey::Load(store::Store& store, base::Random& random) {
  std::string key;
  PHARE_RETURN_IF_ERROR(store.Write([&](store::Tx& tx) {
    std::string fresh(kKeyBytes, '\0');
    random.Fill(fresh.data(), fresh.size());
    PHARE_ASSIGN_OR_RETURN(key, tx.NotifySecret(kKeyName, fresh));
    return base::Status::Ok();
  }));
  if (key.size() < 16) return base::Internal("the feedback key is too short");
  return FeedbackKey(std::move(key));
}

std::string FeedbackKey::Sign(std::string_view incident_id, std::string_view update_id,
                              model::Audience audience, std::string_view language) const {
  std::string message = "feedback\n";
  for (std::string_view part : {incident_id, update_id, model::ToString(audience), language}) {
    message += part;
    message += '\n';
  }
  return base::Base64UrlEncode(base::HmacSha256(key_, message));
}

bool FeedbackKey::Verify(std::string_view token, std::string_view incident_id,
                         std::string_view update_id, model::Audience audience,
                         std::string_view language) const {
  return base::ConstantTimeEqual(token, Sign(incident_id, update_id, audience, language));
}

base::Result<model::FeedbackVote> RecordFeedback(Context& ctx, const FeedbackKey& key,
                                                 const FeedbackForm& form) {
  if (!form.honeypot.empty()) return base::Status(base::Code::kPermissionDenied, "not counted");
  model::FeedbackVote vote;
  auto audience = model::ParseAudience(form.audience);
  if (!audience) return base::InvalidArgument("must be general or technical", "audience");
  vote.audience = *audience;
  if (form.answer != "yes" && form.answer != "no") {
    return base::InvalidArgument("must be yes or no", "answer");
  }
  vote.clear = form.answer == "yes";
  if (!model::IsLanguageTag(form.language)) {
    return base::InvalidArgument("is not a language tag", "language");
  }
  if (form.comment.size() > model::kMaxFeedbackCommentBytes) {
    return base::InvalidArgument(
        "longer than " + std::to_string(model::kMaxFeedbackCommentBytes) + " bytes", "comment");
  }
  if (form.incident_id.size() > 64 || form.update_id.size() > 64 ||
      !key.Verify(form.token, form.incident_id, form.update_id, vote.audience, form.language)) {
    return base::Status(base::Code::kPermissionDenied, "this form was not issued by this page");
  }
  vote.incident_id = form.incident_id;
  vote.update_id = form.update_id;
  vote.language = form.language;
  vote.comment = form.comment;
  vote.at = ctx.clock.Now();
  PHARE_RETURN_IF_ERROR(ctx.store.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto incident, tx.GetIncident(vote.incident_id));
    bool known = false;
    for (const auto& u : incident.updates) known |= u.id == vote.update_id;
    if (!known) return base::NotFound("no such update");
    return tx.InsertFeedback(vote);
  }));
  return vote;
}

base::Result<FeedbackReport> ReportFeedback(store::Store& store, std::string_view incident_id) {
  FeedbackReport report;
  PHARE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto incident, tx.GetIncident(incident_id));
    PHARE_ASSIGN_OR_RETURN(auto votes, tx.ListFeedback(incident_id, kMaxFeedbackListed));
    // Counts by update (in the incident's order), then audience and language.
    std::map<std::tuple<std::string, model::Audience, std::string>, model::FeedbackTally> counts;
    for (auto& v : votes) {
      auto& t = counts[{v.update_id, v.audience, v.language}];
      t.incident_id = v.incident_id;
      t.update_id = v.update_id;
      t.audience = v.audience;
      t.language = v.language;
      (v.clear ? t.yes : t.no) += 1;
      if (!v.comment.empty()) report.comments.push_back(std::move(v));
    }
    for (const auto& u : incident.updates) {
      for (auto& [k, t] : counts) {
        if (std::get<0>(k) == u.id) report.tallies.push_back(t);
      }
    }
    return base::Status::Ok();
  }));
  return report;
}

bool IsUnclear(const model::FeedbackTally& t, int64_t min_votes, double share) {
  const int64_t votes = t.yes + t.no;
  if (t.audience != model::Audience::kGeneral || votes < min_votes || votes == 0) return false;
  return static_cast<double>(t.no) / static_cast<double>(votes) > share;
}

}  // namespace phare::service
