#include "comms/hotline_script.h"

#include <algorithm>
#include <map>
#include <vector>

#include "comms/draft_writer.h"
#include "comms/eta_words.h"
#include "comms/spoken.h"

namespace phare::comms {
namespace {

using base::Result;
using base::Status;

// A component's name without what only readers use: "(SBG)", "[beta]".
std::string SpokenName(std::string name) {
  for (auto [open, close] : {std::pair{'(', ')'}, std::pair{'[', ']'}}) {
    for (size_t at; (at = name.find(open)) != std::string::npos;) {
      const size_t end = name.find(close, at);
      name.erase(at, end == std::string::npos ? std::string::npos : end - at + 1);
    }
  }
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

class ScriptWriter {
 public:
  ScriptWriter(const HotlineFacts& facts, const Catalog& catalog, SpokenWords words)
      : facts_(facts), catalog_(catalog), words_(std::move(words)) {
    for (const auto& c : facts.components) by_id_.emplace(c.id, &c);
  }

  Result<std::string> Write();

 private:
  Status Say(std::string_view key, const MessageArgs& args = {}) {
    PHARE_ASSIGN_OR_RETURN(std::string line, catalog_.Format("hotline." + std::string(key), args));
    out_ += line;
    out_ += '\n';
    return Status::Ok();
  }
  Result<std::string> Services(const model::Incident& incident) const;
  Status SayIncident(const model::Incident& incident);
  Status SayWhen(const model::Incident& incident);

  const HotlineFacts& facts_;
  const Catalog& catalog_;
  SpokenWords words_;
  std::map<std::string, const model::Component*, std::less<>> by_id_;
  std::string out_;
};

// "dedicated servers and virtual private servers in Strasbourg", grouped by place.
Result<std::string> ScriptWriter::Services(const model::Incident& incident) const {
  std::vector<std::string> places;  // in order of first appearance
  std::map<std::string, std::vector<std::string>> names;
  for (const auto& id : incident.component_ids) {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) continue;
    const model::Component& c = *it->second;
    std::string name;
    if (auto product = catalog_.Format("hotline.product." + c.product);
        !c.product.empty() && product.ok()) {
      name = std::move(product).value();
    } else {
      name = SpokenName(model::NameIn(c.names, catalog_.language(), c.name));
    }
    const std::string place = c.product.empty() ? "" : c.location;
    if (!names.count(place)) places.push_back(place);
    auto& list = names[place];
    if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(std::move(name));
  }
  if (places.empty()) return catalog_.Format("hotline.services_unknown");
  std::vector<std::string> groups;
  for (const std::string& place : places) {
    PHARE_ASSIGN_OR_RETURN(std::string list, JoinList(names[place], catalog_.language()));
    if (place.empty()) {
      groups.push_back(std::move(list));
      continue;
    }
    PHARE_ASSIGN_OR_RETURN(
        std::string located,
        catalog_.Format("hotline.services_at", {{"services", list}, {"location", place}}));
    groups.push_back(std::move(located));
  }
  return JoinList(groups, catalog_.language());
}

// When service should be back (never a passed time), then when the next update comes.
Status ScriptWriter::SayWhen(const model::Incident& i) {
  const base::Time now = facts_.now;
  if (!i.estimates.empty()) {
    const model::Estimate& e = i.estimates.front();
    base::Time by = e.expected_by != base::Time{} ? e.expected_by : e.p90;
    if (by <= now) by = e.p90;
    const bool late = IsLate(e, now);
    if (by <= now) {
      PHARE_RETURN_IF_ERROR(Say("later_no_time"));
    } else {
      PHARE_ASSIGN_OR_RETURN(std::string time, words_.When(by));
      PHARE_RETURN_IF_ERROR(Say(late ? "later_by" : "expected_by", {{"time", time}}));
    }
  }
  if (i.next_update_at && *i.next_update_at > now) {
    PHARE_ASSIGN_OR_RETURN(std::string time, words_.When(*i.next_update_at));
    PHARE_RETURN_IF_ERROR(Say("next_update", {{"time", time}}));
  }
  return Status::Ok();
}

Status ScriptWriter::SayIncident(const model::Incident& i) {
  PHARE_ASSIGN_OR_RETURN(std::string services, Services(i));
  PHARE_ASSIGN_OR_RETURN(std::string since, words_.When(i.started_at));
  PHARE_RETURN_IF_ERROR(Say("outage", {{"time", since},
                                       {"impact", std::string(model::ToString(i.impact))},
                                       {"services", services}}));
  if (!i.impact_counts.empty() && i.impact_counts.front().affected > 0) {
    const int64_t affected = i.impact_counts.front().affected;
    PHARE_RETURN_IF_ERROR(Say("count", {{"count", affected}, {"spoken", words_.Number(affected)}}));
  }
  PHARE_RETURN_IF_ERROR(Say("mobilised"));
  PHARE_RETURN_IF_ERROR(Say("progress", {{"status", std::string(model::ToString(i.status))}}));
  return SayWhen(i);
}

Result<std::string> ScriptWriter::Write() {
  PHARE_RETURN_IF_ERROR(Say("intro", {{"page", SpokenName(facts_.page_name)}}));
  std::vector<const model::Incident*> open, works, restored;
  for (const auto& i : facts_.incidents) {
    if (model::IsOpenIncident(i)) {
      open.push_back(&i);
    } else if (model::IsActiveMaintenance(i)) {
      works.push_back(&i);
    } else if (i.kind == model::IncidentKind::kIncident && i.resolved_at &&
               *i.resolved_at <= facts_.now && facts_.now - *i.resolved_at < kRestoredWindow) {
      restored.push_back(&i);
    }
  }
  if (open.empty() && works.empty() && restored.empty()) {
    PHARE_RETURN_IF_ERROR(Say("all_well"));
    PHARE_RETURN_IF_ERROR(Say("goodbye"));
    return std::move(out_);
  }
  PHARE_ASSIGN_OR_RETURN(std::string zone, words_.Zone());
  PHARE_RETURN_IF_ERROR(Say("times_in", {{"zone", zone}}));
  base::Time latest{};
  for (size_t n = 0; n < open.size() && n < kMaxSpokenIncidents; ++n) {
    PHARE_RETURN_IF_ERROR(SayIncident(*open[n]));
    latest = std::max(latest, open[n]->updated_at);
  }
  if (open.size() > kMaxSpokenIncidents) {
    const auto more = static_cast<int64_t>(open.size() - kMaxSpokenIncidents);
    PHARE_RETURN_IF_ERROR(Say("more", {{"count", more}, {"spoken", words_.Number(more)}}));
  }
  for (const auto* m : works) {
    PHARE_ASSIGN_OR_RETURN(std::string services, Services(*m));
    PHARE_ASSIGN_OR_RETURN(std::string end, words_.When(m->scheduled_until.value_or(facts_.now)));
    PHARE_RETURN_IF_ERROR(Say("maintenance", {{"services", services}, {"time", end}}));
    latest = std::max(latest, m->updated_at);
  }
  for (const auto* r : restored) {
    PHARE_ASSIGN_OR_RETURN(std::string services, Services(*r));
    PHARE_ASSIGN_OR_RETURN(std::string at, words_.When(*r->resolved_at));
    PHARE_RETURN_IF_ERROR(Say("restored", {{"services", services}, {"time", at}}));
    latest = std::max(latest, r->updated_at);
  }
  if (!open.empty()) PHARE_RETURN_IF_ERROR(Say("apology"));
  PHARE_ASSIGN_OR_RETURN(std::string updated, words_.When(std::min(latest, facts_.now)));
  PHARE_RETURN_IF_ERROR(Say("updated", {{"time", updated}}));
  PHARE_RETURN_IF_ERROR(Say("goodbye"));
  return std::move(out_);
}

}  // namespace

Result<std::string> WriteHotlineScript(const HotlineFacts& facts, const Catalog& catalog) {
  PHARE_ASSIGN_OR_RETURN(SpokenWords words, SpokenWords::Create(catalog, facts.zone, facts.now));
  ScriptWriter writer(facts, catalog, std::move(words));
  return writer.Write();
}

}  // namespace phare::comms
