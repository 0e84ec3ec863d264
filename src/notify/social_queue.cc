#include "notify/social_queue.h"

#include <algorithm>
#include <map>

#include <spdlog/spdlog.h>
#include "comms/social_draft.h"

namespace phare::notify {
namespace {

const model::IncidentUpdate* FindUpdate(const model::Incident& incident, std::string_view id) {
  for (const auto& u : incident.updates) {
    if (u.id == id) return &u;
  }
  return nullptr;
}

// The affected components' names in `language`, worst status first.
std::vector<std::string> ServiceNames(store::Tx& tx, const model::Incident& incident,
                                      const model::IncidentUpdate& update,
                                      std::string_view language) {
  std::map<std::string, const model::Component*> by_id;
  auto components = tx.ListComponents();
  if (components.ok()) {
    for (const auto& c : *components) by_id[c.id] = &c;
  }
  std::vector<std::pair<int, std::string>> ranked;
  const auto add = [&](const std::string& id, const std::string& fallback, int rank) {
    auto it = by_id.find(id);
    ranked.emplace_back(rank, it == by_id.end()
                                  ? fallback
                                  : model::NameIn(it->second->names, language, it->second->name));
  };
  if (update.affected_components) {
    for (const auto& a : *update.affected_components) {
      add(a.code, a.name, -static_cast<int>(a.new_status));
    }
  } else {
    for (const auto& id : incident.component_ids) add(id, id, 0);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> names;
  names.reserve(ranked.size());
  for (auto& [rank, name] : ranked) names.push_back(std::move(name));
  if (names.empty()) names.push_back(incident.name);
  return names;
}

comms::SocialFacts FactsOf(const model::Incident& incident, const model::IncidentUpdate& update,
                           std::vector<std::string> services, bool first,
                           std::string_view page_url) {
  comms::SocialFacts f;
  f.kind = incident.kind;
  f.status = update.status;
  f.impact = incident.impact;
  f.at = update.display_at;
  f.started_at = incident.started_at;
  f.scheduled_for = incident.scheduled_for;
  f.scheduled_until = incident.scheduled_until;
  f.services = std::move(services);
  if (update.estimate) f.back_by = update.estimate->expected_by;
  f.next_update_at = update.next_update_at;
  f.first = first;
  f.link = std::string(page_url) + "/incidents/" + incident.id;
  return f;
}

}  // namespace

base::Result<store::SocialPost> DraftSocialPostFor(store::Tx& tx, const store::SocialSource& source,
                                                   const SocialAccount& account,
                                                   std::string_view page_url, base::Time now) {
  PHARE_ASSIGN_OR_RETURN(model::Incident incident, tx.GetIncident(source.incident_id));
  const model::IncidentUpdate* update = FindUpdate(incident, source.update_id);
  if (!update) return base::NotFound("update " + source.update_id + " is gone");
  // The account's first post about the incident (its readers' first message).
  PHARE_ASSIGN_OR_RETURN(auto earlier, tx.ListSocialPosts(source.incident_id, 1000));
  const bool first = std::none_of(earlier.begin(), earlier.end(), [&](const store::SocialPost& p) {
    return p.account == account.name;
  });
  comms::SocialFacts facts = FactsOf(
      incident, *update, ServiceNames(tx, incident, *update, account.language), first, page_url);
  comms::SocialTarget target{account.network, account.limit, account.language, account.audience,
                             account.zone};
  PHARE_ASSIGN_OR_RETURN(std::string text, comms::DraftSocialPost(facts, target));
  store::SocialPost post;
  post.account = account.name;
  post.incident_id = source.incident_id;
  post.update_id = source.update_id;
  post.warnings = SocialWarnings(account, incident, *update, first, text);
  post.text = std::move(text);
  post.created_at = now;
  post.due_at = now + account.hold;
  return post;
}

base::Result<size_t> QueueSocialPosts(store::Tx& tx, std::span<const SocialAccount> accounts,
                                      std::string_view page_url, base::Time now, size_t batch) {
  PHARE_ASSIGN_OR_RETURN(int64_t cursor, tx.SocialCursor());
  PHARE_ASSIGN_OR_RETURN(auto sources, tx.SocialSourcesAfter(cursor, batch));
  size_t queued = 0;
  for (const store::SocialSource& source : sources) {
    for (const SocialAccount& account : accounts) {
      auto post = DraftSocialPostFor(tx, source, account, page_url, now);
      if (!post.ok()) {
        spdlog::warn("social: no post of update {} for account {}: {}", source.update_id,
                     account.name, post.status().ToString());
        continue;
      }
      PHARE_ASSIGN_OR_RETURN(bool inserted, tx.InsertSocialPost(*post));
      if (inserted) ++queued;
    }
    cursor = source.job_id;
  }
  if (!sources.empty()) PHARE_RETURN_IF_ERROR(tx.SetSocialCursor(cursor));
  return queued;
}

}  // namespace phare::notify
