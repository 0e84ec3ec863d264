// The general and technical bodies, sentence by sentence from the catalog.
#include <chrono>

#include "comms/draft_writer.h"
#include "comms/eta_words.h"
#include "comms/markdown.h"
#include "comms/time_tokens.h"

namespace phare::comms {
namespace {

using base::Result;
using base::Status;
using model::IncidentStatus;

std::string Str(std::string_view s) { return std::string(s); }

// When service should be back, then when the next update comes.
Status SayWhen(const DraftContext& c, DraftWriter& w) {
  const IncidentState& s = c.state;
  bool said = false;
  if (s.estimate && s.estimate->p90 <= s.at) {
    c.notes.push_back("the estimate ends before this update: left out");
  } else if (s.estimate) {
    // No passed time as expected; a late estimate says so (docs/eta.md).
    const auto& e = *s.estimate;
    const std::string prefix = IsLate(e, s.at) ? "draft.eta_later_" : "draft.eta_";
    if (e.p10 <= s.at) {
      PHARE_RETURN_IF_ERROR(w.Say(prefix + "by", {{"time", TimeToken(e.p90)}}));
    } else if (e.p90 - e.p10 < std::chrono::minutes(1)) {
      PHARE_RETURN_IF_ERROR(w.Say(prefix + "around", {{"time", TimeToken(e.p50)}}));
    } else {
      PHARE_RETURN_IF_ERROR(
          w.Say(prefix + "between", {{"from", TimeToken(e.p10)}, {"to", TimeToken(e.p90)}}));
    }
    said = true;
  }
  if (s.next_update_at && *s.next_update_at <= s.at) {
    c.notes.push_back("the next update time is not after this update: left out");
  } else if (s.next_update_at) {
    PHARE_RETURN_IF_ERROR(w.Say("draft.next_update", {{"time", TimeToken(*s.next_update_at)}}));
    said = true;
  }
  if (!said) {
    c.notes.push_back(
        "no restoration estimate and no next update time: say when readers will "
        "hear from you (the checker flags it)");
  }
  return Status::Ok();
}

Status SayWorkaround(const DraftContext& c, DraftWriter& w) {
  const std::string text = PickText(c.state.workaround, c, "the workaround", false);
  if (text.empty()) return Status::Ok();
  w.EndParagraph();
  PHARE_RETURN_IF_ERROR(w.Say("draft.workaround_title"));
  w.Append(" " + text);
  return Status::Ok();
}

// What comes after a resolution: the report, the credits.
Status SayWhatNext(const DraftContext& c, DraftWriter& w) {
  const IncidentState& s = c.state;
  w.EndParagraph();
  if (s.status == IncidentStatus::kPostmortem) {
    PHARE_RETURN_IF_ERROR(w.Say("draft.postmortem_published"));
  } else if (s.postmortem_planned) {
    PHARE_RETURN_IF_ERROR(
        w.Say("draft.postmortem_planned",
              {{"has_date", Str(s.postmortem_by ? "yes" : "no")},
               {"date", s.postmortem_by ? DateToken(*s.postmortem_by) : std::string()}}));
  }
  if (s.credits_apply) PHARE_RETURN_IF_ERROR(w.Say("draft.credits"));
  return Status::Ok();
}

Result<std::string> IncidentBody(const DraftContext& c) {
  const IncidentState& s = c.state;
  DraftWriter w(c.catalog);
  const MessageArgs services{{"services", c.services}};
  // The first message these readers get says sorry, whichever update carries it.
  const bool first = s.first_update || s.first_general_languages.count(c.catalog.language());
  if (s.resolution || s.status == IncidentStatus::kPostmortem) {
    const base::Time end = s.resolved_at.value_or(s.at);
    PHARE_RETURN_IF_ERROR(
        w.Say("draft.resolved", {{"services", c.services}, {"time", TimeToken(end)}}));
    if (s.resolution || first) PHARE_RETURN_IF_ERROR(w.Say("draft.apology_resolved"));
    PHARE_RETURN_IF_ERROR(w.Say("draft.thanks"));
    PHARE_RETURN_IF_ERROR(SayWhatNext(c, w));
    return w.Finish();
  }
  if (first) PHARE_RETURN_IF_ERROR(w.Say("draft.apology"));
  PHARE_RETURN_IF_ERROR(w.Say("draft.affected", {{"services", c.services},
                                                 {"impact", Str(model::ToString(s.impact))},
                                                 {"start", TimeToken(s.started_at)}}));
  if (s.resources_affected > 0) {
    PHARE_RETURN_IF_ERROR(w.Say("draft.count_resources", {{"count", *s.resources_affected}}));
  }
  if (s.customers_affected > 0) {
    PHARE_RETURN_IF_ERROR(w.Say("draft.count_customers", {{"count", *s.customers_affected}}));
  }
  w.EndParagraph();
  PHARE_RETURN_IF_ERROR(w.Say("draft.mobilised"));
  PHARE_RETURN_IF_ERROR(w.Say("draft.progress", {{"status", Str(model::ToString(s.status))}}));
  w.EndParagraph();
  PHARE_RETURN_IF_ERROR(SayWhen(c, w));
  PHARE_RETURN_IF_ERROR(SayWorkaround(c, w));
  return w.Finish();
}

Result<std::string> MaintenanceBody(const DraftContext& c) {
  const IncidentState& s = c.state;
  DraftWriter w(c.catalog);
  MessageArgs args{{"services", c.services},
                   {"from", s.scheduled_for ? TimeToken(*s.scheduled_for) : std::string()},
                   {"to", s.scheduled_until ? TimeToken(*s.scheduled_until) : std::string()}};
  const std::string key = "draft.maintenance." + Str(model::ToString(s.status));
  PHARE_RETURN_IF_ERROR(w.Say(key, args));
  if (s.status == IncidentStatus::kScheduled) {
    PHARE_RETURN_IF_ERROR(
        w.Say("draft.maintenance.impact", {{"impact", Str(model::ToString(s.impact))}}));
  }
  if (!model::IsClosed(s.status) && s.next_update_at && *s.next_update_at > s.at) {
    PHARE_RETURN_IF_ERROR(w.Say("draft.next_update", {{"time", TimeToken(*s.next_update_at)}}));
  }
  PHARE_RETURN_IF_ERROR(SayWorkaround(c, w));
  return w.Finish();
}

// Status, impact, and when it started (or the maintenance window) and ended.
Status SayTechnicalHeader(const DraftContext& c, DraftWriter& w) {
  const IncidentState& s = c.state;
  PHARE_ASSIGN_OR_RETURN(std::string status,
                         c.catalog.Format("status.incident." + Str(model::ToString(s.status))));
  PHARE_ASSIGN_OR_RETURN(std::string impact,
                         c.catalog.Format("impact." + Str(model::ToString(s.impact))));
  PHARE_RETURN_IF_ERROR(w.Say("tech.status_line", {{"status", status}, {"impact", impact}}));
  w.EndParagraph();
  if (s.kind == model::IncidentKind::kMaintenance && s.scheduled_for && s.scheduled_until) {
    PHARE_RETURN_IF_ERROR(w.Say("tech.window", {{"from", TimeToken(*s.scheduled_for)},
                                                {"to", TimeToken(*s.scheduled_until)}}));
  } else {
    PHARE_RETURN_IF_ERROR(w.Say("tech.started", {{"time", TimeToken(s.started_at)}}));
  }
  w.EndParagraph();
  if (model::IsClosed(s.status)) {
    PHARE_RETURN_IF_ERROR(
        w.Say("tech.resolved", {{"time", TimeToken(s.resolved_at.value_or(s.at))}}));
    w.EndParagraph();
  }
  return Status::Ok();
}

// "- SBG grid feed A: Major outage (upstream breaker tripped)", one line each.
Status ListComponents(const DraftContext& c, DraftWriter& w) {
  if (c.state.components.empty()) return Status::Ok();
  PHARE_RETURN_IF_ERROR(w.Say("tech.components"));
  w.EndParagraph();
  for (const TechnicalComponent& component : c.state.components) {
    const auto named = component.names.find(c.catalog.language());
    const std::string& name = named != component.names.end() ? named->second : component.name;
    PHARE_ASSIGN_OR_RETURN(
        std::string status,
        c.catalog.Format("status.component." + Str(model::ToString(component.status))));
    PHARE_ASSIGN_OR_RETURN(
        std::string line,
        c.catalog.Format("tech.component_line",
                         {{"name", EscapeMarkdown(name)},
                          {"status", status},
                          {"detail", EscapeMarkdown(component.detail)},
                          {"has_detail", Str(component.detail.empty() ? "no" : "yes")}}));
    w.Append("- " + line + "\n");
  }
  w.Append("\n");
  return Status::Ok();
}

// The quantiles still ahead of the update (p90 always is: DraftState drops the rest),
// after a line saying the previous estimate passed when it did.
Status SayTechnicalEstimate(const model::Estimate& e, base::Time at, DraftWriter& w) {
  if (IsLate(e, at)) {
    PHARE_RETURN_IF_ERROR(w.Say("tech.estimate_late"));
    w.EndParagraph();
  }
  MessageArgs args{{"p10", TimeToken(e.p10)},
                   {"p50", TimeToken(e.p50)},
                   {"p90", TimeToken(e.p90)},
                   {"has_p50", Str(e.p50 > at ? "yes" : "no")},
                   {"source", EscapeMarkdown(e.source)},
                   {"scope", EscapeMarkdown(e.scope)},
                   {"has_scope", Str(e.scope.empty() ? "no" : "yes")}};
  PHARE_RETURN_IF_ERROR(w.Say(e.p10 > at ? "tech.estimate" : "tech.estimate_ahead", args));
  w.EndParagraph();
  return Status::Ok();
}

// Counts, cause, estimate quantiles and the next update, each on its own line.
Status SayTechnicalFacts(const DraftContext& c, DraftWriter& w) {
  const IncidentState& s = c.state;
  if (s.resources_affected) {
    PHARE_RETURN_IF_ERROR(w.Say("tech.resources", {{"count", *s.resources_affected}}));
    w.EndParagraph();
  }
  if (s.customers_affected) {
    PHARE_RETURN_IF_ERROR(w.Say("tech.customers", {{"count", *s.customers_affected}}));
    w.EndParagraph();
  }
  const std::string root_cause = PickText(s.root_cause, c, "the root cause", true);
  if (!s.cause.empty() || !root_cause.empty()) {
    PHARE_RETURN_IF_ERROR(
        w.Say("tech.cause", {{"category", EscapeMarkdown(s.cause)},
                             {"has_category", Str(s.cause.empty() ? "no" : "yes")},
                             {"text", root_cause}}));
    w.EndParagraph();
  }
  if (model::IsClosed(s.status)) return Status::Ok();
  if (s.estimate) PHARE_RETURN_IF_ERROR(SayTechnicalEstimate(*s.estimate, s.at, w));
  if (s.next_update_at) {
    PHARE_RETURN_IF_ERROR(w.Say("tech.next_update", {{"time", TimeToken(*s.next_update_at)}}));
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> GeneralBody(const DraftContext& context) {
  return context.state.kind == model::IncidentKind::kMaintenance ? MaintenanceBody(context)
                                                                 : IncidentBody(context);
}

Result<std::string> TechnicalBody(const DraftContext& c) {
  DraftWriter w(c.catalog);
  PHARE_RETURN_IF_ERROR(SayTechnicalHeader(c, w));
  PHARE_RETURN_IF_ERROR(ListComponents(c, w));
  PHARE_RETURN_IF_ERROR(SayTechnicalFacts(c, w));
  return w.Finish();
}

}  // namespace phare::comms
