#include "notify/social_account.h"

#include "comms/checker.h"
#include "store/social.h"

namespace phare::notify {

base::Status CheckSocialText(const SocialAccount& account, std::string_view text) {
  if (text.empty()) return base::InvalidArgument("must not be empty", "text");
  if (text.size() > store::kMaxSocialTextBytes) {
    return base::InvalidArgument(
        "must be at most " + std::to_string(store::kMaxSocialTextBytes) + " bytes", "text");
  }
  const size_t length = comms::PostLength(account.network, text);
  if (length > account.limit) {
    return base::InvalidArgument("is " + std::to_string(length) + " long for " +
                                     std::string(comms::ToString(account.network)) +
                                     ", whose limit is " + std::to_string(account.limit),
                                 "text");
  }
  return base::Status::Ok();
}

std::string SocialWarnings(const SocialAccount& account, const model::Incident& incident,
                           const model::IncidentUpdate& update, bool first, std::string_view text) {
  comms::CheckContext context;
  context.kind = incident.kind;
  context.status = update.status;
  context.first_update = first;
  context.zone = account.zone;
  context.reference = update.display_at;
  model::LocalizedBody body;
  body.audience = account.audience;
  body.language = account.language;
  body.body = std::string(text);
  auto findings = comms::Checker::Builtin().Check(body, context);
  if (!findings.ok()) return findings.status().ToString();
  std::string out;
  for (const comms::Finding& f : *findings) {
    if (f.severity == comms::Severity::kInfo) continue;
    out += f.rule + ": " + f.message + "\n";
  }
  return out;
}

}  // namespace phare::notify
