#include "comms/social_draft.h"

#include <algorithm>

#include "comms/time_format.h"

namespace phare::comms {
namespace {

// The names of the first kMaxSocialServices services, the rest counted.
base::Result<std::string> ServicesText(const Catalog& catalog, const SocialFacts& facts) {
  std::string names;
  const size_t shown = std::min(facts.services.size(), kMaxSocialServices);
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) names += ", ";
    names += facts.services[i];
  }
  if (shown == facts.services.size()) return names;
  const auto more = static_cast<int64_t>(facts.services.size() - shown);
  return catalog.Format("social.services_more", {{"services", names}, {"count", more}});
}

class PostWriter {
 public:
  PostWriter(const Catalog& catalog, const TimeFormatter& times, const SocialFacts& facts)
      : catalog_(catalog), times_(times), facts_(facts) {}

  base::Status Add(std::string_view key, const MessageArgs& args, bool required = false) {
    PHARE_ASSIGN_OR_RETURN(std::string text, catalog_.Format(key, args));
    parts_.push_back({std::move(text), required});
    return base::Status::Ok();
  }
  std::string Time(base::Time t) const { return times_.Format(t, facts_.at); }
  std::vector<PostPart>& parts() { return parts_; }

 private:
  const Catalog& catalog_;
  const TimeFormatter& times_;
  const SocialFacts& facts_;
  std::vector<PostPart> parts_;
};

bool IsMaintenance(const SocialFacts& f) { return f.kind == model::IncidentKind::kMaintenance; }

// The first sentence: what is hit, the window, or that it is over.
base::Status AddHeadline(PostWriter& w, const SocialFacts& f, const std::string& services) {
  using S = model::IncidentStatus;
  if (f.status == S::kResolved || f.status == S::kPostmortem) {
    const auto count = static_cast<int64_t>(std::max<size_t>(1, f.services.size()));
    return w.Add("social.resolved",
                 {{"services", services}, {"count", count}, {"time", w.Time(f.at)}}, true);
  }
  if (f.status == S::kCompleted) return w.Add("social.completed", {{"services", services}}, true);
  if (IsMaintenance(f)) {
    const std::string to = w.Time(f.scheduled_until.value_or(f.at));
    if (f.status == S::kScheduled) {
      return w.Add(
          "social.maintenance",
          {{"services", services}, {"from", w.Time(f.scheduled_for.value_or(f.at))}, {"to", to}},
          true);
    }
    return w.Add("social.maintenance_started", {{"services", services}, {"to", to}}, true);
  }
  return w.Add("social.hit",
               {{"impact", std::string(model::ToString(f.impact))},
                {"start", w.Time(f.started_at)},
                {"services", services}},
               true);
}

}  // namespace

base::Result<std::string> DraftSocialPost(const SocialFacts& facts, const SocialTarget& target,
                                          const Catalogs& catalogs) {
  const Catalog* catalog = catalogs.Find(target.language);
  if (!catalog)
    return base::InvalidArgument("no catalog for '" + target.language + "'", "language");
  PHARE_ASSIGN_OR_RETURN(TimeFormatter times, TimeFormatter::Create(*catalog, target.zone));
  PHARE_ASSIGN_OR_RETURN(std::string services, ServicesText(*catalog, facts));
  PostWriter w(*catalog, times, facts);
  const bool general = target.audience == model::Audience::kGeneral;
  const bool closed = model::IsClosed(facts.status);
  if (!general && !closed) {  // a closed one says so in its first words
    PHARE_RETURN_IF_ERROR(
        w.Add("status.incident." + std::string(model::ToString(facts.status)), {}, true));
    w.parts().back().text = "[" + w.parts().back().text + "]";
  }
  PHARE_RETURN_IF_ERROR(AddHeadline(w, facts, services));
  const bool incident = !IsMaintenance(facts);
  if (general && incident && (facts.first || closed))
    PHARE_RETURN_IF_ERROR(w.Add("social.sorry", {}));
  if (!closed) {
    if (incident) {
      PHARE_RETURN_IF_ERROR(
          w.Add("social.progress", {{"status", std::string(model::ToString(facts.status))}}));
      if (general) PHARE_RETURN_IF_ERROR(w.Add("social.on_it", {}));
    }
    if (facts.back_by && incident) {
      PHARE_RETURN_IF_ERROR(w.Add("social.back", {{"time", w.Time(*facts.back_by)}}));
    } else if (facts.next_update_at) {
      PHARE_RETURN_IF_ERROR(w.Add("social.next_update", {{"time", w.Time(*facts.next_update_at)}}));
    }
  }
  return FitPost(target.network, target.limit, w.parts(), facts.link);
}

}  // namespace phare::comms
