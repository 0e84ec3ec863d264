#include "service/drafting.h"

#include <algorithm>

namespace phare::service {
namespace {

const model::Component* Find(const std::vector<model::Component>& all, const std::string& id) {
  for (const auto& c : all) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace

bool EarlierMessages::FirstFor(model::Audience audience, std::string_view language) const {
  if (none) return true;
  return audience == model::Audience::kGeneral && !general_languages.count(language);
}

EarlierMessages EarlierMessagesOf(const std::vector<model::IncidentUpdate>& updates,
                                  const Policies& policies) {
  EarlierMessages out;
  out.none = updates.empty();
  for (const auto& u : updates) {
    for (const auto& b : u.bodies) {
      if (b.audience == model::Audience::kGeneral && !b.body.empty()) {
        out.general_languages.insert(b.language);
      }
    }
    if (policies.default_audience == model::Audience::kGeneral && !u.body.empty()) {
      out.general_languages.insert(policies.default_language);
    }
  }
  return out;
}

comms::IncidentState DraftState(const model::Incident& i,
                                const std::vector<model::Component>& components,
                                const DraftFacts& facts, base::Time at,
                                const EarlierMessages& earlier) {
  comms::IncidentState s;
  s.kind = i.kind;
  s.status = i.status;
  s.impact = i.impact;
  s.at = at;
  s.started_at = std::min(i.started_at, at);
  if (model::IsClosed(i.status)) s.resolved_at = i.resolved_at.value_or(at);
  s.scheduled_for = i.scheduled_for;
  s.scheduled_until = i.scheduled_until;
  for (const auto& id : i.component_ids) {
    const model::Component* c = Find(components, id);
    if (!c) continue;
    comms::AffectedService service;
    service.product = c->product;
    service.location = c->location;
    // Names in other languages (and, without a catalog product, its own name).
    comms::LocalizedText names;
    for (const auto& n : c->names) names[n.language] = n.text;
    if (c->product.empty()) {
      service.names = names;
      service.names.emplace("en", c->name);
    }
    const bool seen = std::any_of(s.services.begin(), s.services.end(), [&](const auto& o) {
      return o.product == service.product && o.location == service.location &&
             o.names == service.names;
    });
    if (!seen && s.services.size() < comms::kMaxServices) s.services.push_back(std::move(service));
    s.components.push_back({c->name, c->status, "", std::move(names)});
  }
  s.resources_affected = facts.resources_affected;
  s.customers_affected = facts.customers_affected;
  if (!i.estimates.empty() && i.estimates.front().p90 > at) s.estimate = i.estimates.front();
  if (i.next_update_at && *i.next_update_at > at) s.next_update_at = i.next_update_at;
  s.workaround = facts.workaround;
  s.cause = i.cause;
  s.root_cause = facts.root_cause;
  if (i.kind == model::IncidentKind::kIncident) {
    s.first_update = earlier.none;
    for (const std::string& language : comms::Catalogs::Builtin().Languages()) {
      if (!earlier.none && earlier.FirstFor(model::Audience::kGeneral, language)) {
        s.first_general_languages.insert(language);
      }
    }
  }
  // A post-mortem follows the resolution; it is not one itself.
  s.resolution =
      i.status == model::IncidentStatus::kResolved || i.status == model::IncidentStatus::kCompleted;
  s.postmortem_planned = facts.postmortem_planned;
  s.postmortem_by = facts.postmortem_by;
  s.credits_apply = facts.credits_apply;
  return s;
}

void MergeDrafts(const comms::Drafts& drafts, std::vector<model::LocalizedBody>& bodies) {
  for (const auto& draft : drafts.bodies) {
    const bool given = std::any_of(bodies.begin(), bodies.end(), [&](const auto& b) {
      return b.audience == draft.audience && b.language == draft.language;
    });
    if (!given) bodies.push_back(draft);
  }
}

base::Result<std::vector<BodyFinding>> CheckBodies(const model::Incident& i,
                                                   const std::vector<model::Component>& components,
                                                   const std::string& body,
                                                   const std::vector<model::LocalizedBody>& bodies,
                                                   const EarlierMessages& earlier, base::Time at,
                                                   const Policies& policies,
                                                   const base::Zone& zone) {
  comms::CheckContext ctx;
  ctx.kind = i.kind;
  ctx.status = i.status;
  ctx.zone = zone;
  ctx.reference = at;
  std::vector<model::LocalizedBody> all = bodies;
  const bool default_given = std::any_of(all.begin(), all.end(), [&](const auto& b) {
    return b.audience == policies.default_audience && b.language == policies.default_language;
  });
  if (!body.empty() && !default_given) {
    all.push_back({policies.default_audience, policies.default_language, body});
  }
  std::vector<BodyFinding> out;
  for (const auto& b : all) {
    if (b.body.empty()) continue;
    ctx.first_update =
        i.kind == model::IncidentKind::kIncident && earlier.FirstFor(b.audience, b.language);
    ctx.components.clear();  // a technical body names components in its own language
    for (const auto& id : i.component_ids) {
      if (const model::Component* c = Find(components, id)) {
        ctx.components.push_back(model::NameIn(c->names, b.language, c->name));
      }
    }
    PHARE_ASSIGN_OR_RETURN(auto findings,
                           comms::Checker::Builtin().Check(b, ctx, policies.checker));
    for (auto& f : findings) out.push_back({b.audience, b.language, std::move(f)});
  }
  return out;
}

}  // namespace phare::service
