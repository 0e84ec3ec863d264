#include "comms/postmortem_draft.h"

#include <fmt/format.h>

#include <chrono>

#include "comms/draft_writer.h"
#include "comms/markdown.h"
#include "comms/time_tokens.h"

namespace phare::comms {
namespace {

using base::InvalidArgument;
using base::Result;
using base::Status;

// What the two bodies share for one language.
struct Context {
  const PostmortemState& state;
  const Catalog& catalog;
  std::string services;
  std::vector<std::string>& notes;
};

// The operator's text in the catalog's language; else, with `fallback`, any language's;
// else "" and a note.
std::string Pick(const model::Texts& texts, const Context& c, std::string_view what,
                 bool fallback) {
  if (auto it = texts.find(c.catalog.language()); it != texts.end()) return it->second;
  if (texts.empty()) return {};
  if (fallback) return texts.begin()->second;
  c.notes.push_back(fmt::format("{} has no {} text: left out of the {} general version", what,
                                c.catalog.language(), c.catalog.language()));
  return {};
}

Status Heading(DraftWriter& w, std::string_view key) {
  PHARE_ASSIGN_OR_RETURN(std::string title, w.catalog().Format(key));
  w.EndParagraph();
  w.Append("### " + title + "\n\n");
  return Status::Ok();
}

// A section with the operator's text, left out when there is none.
Status Section(DraftWriter& w, std::string_view key, const std::string& text) {
  if (text.empty()) return Status::Ok();
  PHARE_RETURN_IF_ERROR(Heading(w, key));
  w.Append(text);
  w.EndParagraph();
  return Status::Ok();
}

// "3 days 11 hours", "2 hours 5 minutes", "40 minutes".
Result<std::string> Duration(const Catalog& catalog, base::Duration d) {
  const int64_t minutes = std::chrono::duration_cast<std::chrono::minutes>(d).count();
  if (minutes < 60) return catalog.Format("pm.duration_m", {{"minutes", minutes}});
  if (minutes < 48 * 60) {
    return catalog.Format("pm.duration_hm", {{"hours", minutes / 60}, {"minutes", minutes % 60}});
  }
  return catalog.Format("pm.duration_dh",
                        {{"days", minutes / (24 * 60)}, {"hours", (minutes / 60) % 24}});
}

const model::ImpactCount* Total(const PostmortemState& s) {
  for (const auto& c : s.impact) {
    if (c.dimension == "total") return &c;
  }
  return nullptr;
}

// Each change with its date, as a list.
Status Changes(DraftWriter& w, const Context& c, bool technical) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < c.state.facts.changes.size(); ++i) {
    const auto& change = c.state.facts.changes[i];
    const std::string what = Pick(change.what, c, fmt::format("change {}", i + 1), technical);
    if (what.empty()) continue;
    PHARE_ASSIGN_OR_RETURN(
        std::string line,
        c.catalog.Format("pm.change", {{"what", what},
                                       {"has_date", std::string(change.by ? "yes" : "no")},
                                       {"date", change.by ? DateToken(*change.by) : ""}}));
    lines.push_back("- " + line + "\n");
  }
  if (lines.empty()) return Status::Ok();
  PHARE_RETURN_IF_ERROR(Heading(w, "pm.heading.changes"));
  for (const auto& line : lines) w.Append(line);
  w.Append("\n");
  return Status::Ok();
}

Result<std::string> GeneralBody(const Context& c) {
  const PostmortemState& s = c.state;
  const model::PostmortemFacts& f = s.facts;
  DraftWriter w(c.catalog);
  PHARE_RETURN_IF_ERROR(w.Say("pm.apology"));
  const std::string summary = Pick(f.summary, c, "the summary", false);
  if (!summary.empty()) w.Append(" " + summary);
  PHARE_RETURN_IF_ERROR(Heading(w, "pm.heading.impact"));
  PHARE_ASSIGN_OR_RETURN(std::string duration, Duration(c.catalog, s.resolved_at - s.started_at));
  PHARE_RETURN_IF_ERROR(w.Say("pm.outage", {{"services", c.services},
                                            {"start", TimeToken(s.started_at)},
                                            {"end", TimeToken(s.resolved_at)},
                                            {"duration", duration}}));
  if (const auto* total = Total(s); total && total->hit > 0) {
    PHARE_RETURN_IF_ERROR(
        w.Say("pm.count", {{"resources", total->hit}, {"customers", s.customers_hit.value_or(0)}}));
  }
  const std::string meant = Pick(f.customer_impact, c, "customer_impact", false);
  if (!meant.empty()) w.Append(" " + meant);
  PHARE_RETURN_IF_ERROR(
      Section(w, "pm.heading.cause", Pick(f.root_cause, c, "the root cause", false)));
  PHARE_RETURN_IF_ERROR(Section(w, "pm.heading.actions", Pick(f.actions, c, "actions", false)));
  PHARE_RETURN_IF_ERROR(Changes(w, c, false));
  PHARE_RETURN_IF_ERROR(
      Section(w, "pm.heading.credits", Pick(f.credits_policy, c, "the credits policy", false)));
  w.EndParagraph();
  PHARE_RETURN_IF_ERROR(w.Say("pm.closing"));
  return w.Finish();
}

// Impact per slice: the total, then products and sites.
Status TechnicalImpact(DraftWriter& w, const Context& c) {
  if (c.state.impact.empty()) return Status::Ok();
  PHARE_RETURN_IF_ERROR(Heading(w, "pm.heading.impact_technical"));
  for (const auto& slice : c.state.impact) {
    const int64_t customers = slice.dimension == "total" && c.state.customers_hit
                                  ? *c.state.customers_hit
                                  : slice.customers_affected;
    PHARE_ASSIGN_OR_RETURN(std::string line,
                           c.catalog.Format("pm.tech.slice", {{"dimension", slice.dimension},
                                                              {"key", EscapeMarkdown(slice.key)},
                                                              {"hit", slice.hit},
                                                              {"resources", slice.resources},
                                                              {"restored", slice.restored},
                                                              {"customers", customers}}));
    w.Append("- " + line + "\n");
  }
  w.Append("\n");
  return Status::Ok();
}

Status Chain(DraftWriter& w, const Context& c) {
  const auto& chain = c.state.facts.chain;
  if (chain.empty()) {
    return Section(w, "pm.heading.chain", Pick(c.state.facts.root_cause, c, "", true));
  }
  PHARE_RETURN_IF_ERROR(Heading(w, "pm.heading.chain"));
  for (size_t i = 0; i < chain.size(); ++i) {
    const std::string what = Pick(chain[i].what, c, "", true);
    std::string line = std::to_string(i + 1) + ". ";
    if (chain[i].at) line += TimeToken(*chain[i].at) + ": ";
    w.Append(line + what + "\n");
  }
  w.Append("\n");
  return Status::Ok();
}

Result<std::string> TimelineLine(const Context& c, const TimelineEntry& e) {
  switch (e.kind) {
    case TimelineEntry::Kind::kStatus: {
      PHARE_ASSIGN_OR_RETURN(
          std::string status,
          c.catalog.Format("status.incident." + std::string(model::ToString(e.status))));
      return c.catalog.Format("pm.tech.at_status", {{"time", TimeToken(e.at)}, {"status", status}});
    }
    case TimelineEntry::Kind::kNode:
      return c.catalog.Format("pm.tech.at_node", {{"time", TimeToken(e.at)},
                                                  {"node", EscapeMarkdown(e.node)},
                                                  {"condition", e.condition}});
    case TimelineEntry::Kind::kProgress:
      return c.catalog.Format(
          "pm.tech.at_progress",
          {{"time", TimeToken(e.at)},
           {"restored", e.restored},
           {"total", e.total},
           {"share",
            e.total > 0 ? static_cast<double>(e.restored) / static_cast<double>(e.total) : 0.0}});
  }
  return std::string();
}

Status Timeline(DraftWriter& w, const Context& c) {
  if (c.state.timeline.empty()) return Status::Ok();
  PHARE_RETURN_IF_ERROR(Heading(w, "pm.heading.timeline"));
  for (const auto& e : c.state.timeline) {
    PHARE_ASSIGN_OR_RETURN(std::string line, TimelineLine(c, e));
    w.Append("- " + line + "\n");
  }
  w.Append("\n");
  return Status::Ok();
}

Result<std::string> TechnicalBody(const Context& c) {
  const PostmortemState& s = c.state;
  DraftWriter w(c.catalog);
  PHARE_ASSIGN_OR_RETURN(std::string duration, Duration(c.catalog, s.resolved_at - s.started_at));
  PHARE_RETURN_IF_ERROR(w.Say("pm.tech.window", {{"start", TimeToken(s.started_at)},
                                                 {"end", TimeToken(s.resolved_at)},
                                                 {"duration", duration}}));
  w.EndParagraph();
  const std::string summary = Pick(s.facts.summary, c, "", true);
  if (!summary.empty()) {
    w.Append(summary);
    w.EndParagraph();
  }
  PHARE_RETURN_IF_ERROR(TechnicalImpact(w, c));
  PHARE_RETURN_IF_ERROR(Chain(w, c));
  PHARE_RETURN_IF_ERROR(Timeline(w, c));
  PHARE_RETURN_IF_ERROR(Section(w, "pm.heading.actions", Pick(s.facts.actions, c, "", true)));
  PHARE_RETURN_IF_ERROR(Changes(w, c, true));
  PHARE_RETURN_IF_ERROR(
      Section(w, "pm.heading.credits", Pick(s.facts.credits_policy, c, "", true)));
  return w.Finish();
}

Status CheckTexts(const model::Texts& texts, const Catalogs& catalogs, const std::string& field) {
  for (const auto& [language, text] : texts) {
    std::string name = field;
    name += '.';
    name += language;
    if (!catalogs.Find(language)) {
      return InvalidArgument("'" + language + "' is not a shipped language", name);
    }
    if (text.size() > model::kMaxPostmortemTextBytes) {
      return InvalidArgument(
          "is longer than " + std::to_string(model::kMaxPostmortemTextBytes) + " bytes", name);
    }
  }
  return Status::Ok();
}

}  // namespace

Status ValidatePostmortemFacts(const model::PostmortemFacts& f, const Catalogs& catalogs) {
  const std::string p = "postmortem.";
  for (const auto& [texts, field] :
       {std::pair{&f.summary, "summary"}, std::pair{&f.customer_impact, "customer_impact"},
        std::pair{&f.root_cause, "root_cause"}, std::pair{&f.actions, "actions"},
        std::pair{&f.credits_policy, "credits_policy"}}) {
    PHARE_RETURN_IF_ERROR(CheckTexts(*texts, catalogs, p + field));
  }
  for (const auto& [size, field] :
       {std::pair{f.chain.size(), "chain"}, std::pair{f.changes.size(), "changes"}}) {
    if (size > model::kMaxPostmortemItems) {
      return InvalidArgument(
          "has more than " + std::to_string(model::kMaxPostmortemItems) + " items", p + field);
    }
  }
  for (size_t i = 0; i < f.chain.size(); ++i) {
    const std::string field = fmt::format("{}chain[{}].what", p, i);
    if (f.chain[i].what.empty()) return InvalidArgument("needs a text", field);
    PHARE_RETURN_IF_ERROR(CheckTexts(f.chain[i].what, catalogs, field));
  }
  for (size_t i = 0; i < f.changes.size(); ++i) {
    const std::string field = fmt::format("{}changes[{}].what", p, i);
    if (f.changes[i].what.empty()) return InvalidArgument("needs a text", field);
    PHARE_RETURN_IF_ERROR(CheckTexts(f.changes[i].what, catalogs, field));
  }
  return Status::Ok();
}

Result<Drafts> DraftPostmortem(const PostmortemState& state, const Catalogs& catalogs) {
  PHARE_RETURN_IF_ERROR(ValidatePostmortemFacts(state.facts, catalogs));
  if (state.resolved_at < state.started_at) {
    return InvalidArgument("the incident cannot end before it started", "resolved_at");
  }
  IncidentState services;
  services.services = state.services;
  Drafts drafts;
  for (const std::string& language : catalogs.Languages()) {
    const Catalog& catalog = *catalogs.Find(language);
    PHARE_ASSIGN_OR_RETURN(std::string phrase, ServicesPhrase(services, catalog, drafts.notes));
    const Context c{state, catalog, std::move(phrase), drafts.notes};
    PHARE_ASSIGN_OR_RETURN(std::string general, GeneralBody(c));
    PHARE_ASSIGN_OR_RETURN(std::string technical, TechnicalBody(c));
    drafts.bodies.push_back({model::Audience::kGeneral, language, std::move(general)});
    drafts.bodies.push_back({model::Audience::kTechnical, language, std::move(technical)});
  }
  return drafts;
}

Result<Drafts> DraftPostmortemNotice(const model::PostmortemFacts& facts, const std::string& url,
                                     const Catalogs& catalogs) {
  Drafts drafts;
  for (const std::string& language : catalogs.Languages()) {
    const Catalog& catalog = *catalogs.Find(language);
    DraftWriter general(catalog);
    PHARE_RETURN_IF_ERROR(general.Say("pm.notice.general", {{"url", url}}));
    if (auto it = facts.summary.find(language); it != facts.summary.end()) {
      general.EndParagraph();
      general.Append(it->second);
    }
    DraftWriter technical(catalog);
    PHARE_RETURN_IF_ERROR(technical.Say("pm.notice.technical", {{"url", url}}));
    drafts.bodies.push_back({model::Audience::kGeneral, language, general.Finish()});
    drafts.bodies.push_back({model::Audience::kTechnical, language, technical.Finish()});
  }
  return drafts;
}

}  // namespace phare::comms
