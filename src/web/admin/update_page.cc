// "Write an update" (communicator and up): the bodies per audience and language side by
// side, prefilled with the drafts; the checker's findings (a Check button re-runs it
// without publishing); the current estimate and the operator's own; the next-update
// promise; notify or not. Publishing calls IncidentService::Update with the same input an
// admin API client would send (`body` in the page's default audience and language, plus
// `phare.bodies`), so it produces the very same incident, bodies and notifications.
// Blocking findings stop it on the server whatever the browser does.
#include <algorithm>

#include "comms/catalog.h"
#include "service/feedback.h"
#include "service/users.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

constexpr model::Audience kAudiences[] = {model::Audience::kGeneral, model::Audience::kTechnical};

std::string Named(const std::string& language, const std::string& key) {
  const comms::Catalog* catalog = comms::Catalogs::Builtin().Find(language);
  if (!catalog) catalog = &comms::Catalogs::Builtin().Default();
  auto text = catalog->Format(key);
  return text.ok() ? *text : key;
}

std::string FieldName(model::Audience audience, const std::string& language) {
  std::string out = "body.";
  out += model::ToString(audience);
  out += '.';
  out += language;
  return out;
}

struct Screen {
  std::vector<model::LocalizedBody> bodies;
  std::vector<service::BodyFinding> findings;
  std::vector<std::string> warnings;
  std::string status;
  std::string next_minutes = "30";
  std::string eta_to;
  bool notify = true;
  std::string error;
};

Data BodyFields(const Screen& s, const Words& w) {
  Data list = Data::type::list;
  for (const auto& language : comms::Catalogs::Builtin().Languages()) {
    for (auto audience : kAudiences) {
      Data f;
      const std::string name = FieldName(audience, language);
      f.set("name", name);
      std::string id = "b-";
      id += model::ToString(audience);
      id += '-';
      id += language;
      f.set("id", id);
      f.set("lang", language);
      std::string label = w("update." + std::string(model::ToString(audience)));
      label += " · ";
      label += comms::Catalogs::Builtin().Find(language)->name();
      f.set("label", label);
      for (const auto& b : s.bodies) {
        if (b.audience == audience && b.language == language) f.set("text", b.body);
      }
      Data findings = Data::type::list;
      for (const auto& bf : s.findings) {
        if (bf.audience != audience || bf.language != language) continue;
        Data x;
        x.set("message", bf.finding.message);
        x.set("suggestion", bf.finding.suggestion);
        x.set("blocking", bf.finding.blocking);
        x.set("severity", std::string(comms::ToString(bf.finding.severity)));
        findings.push_back(x);
      }
      f.set("has_findings", !findings.is_empty_list());
      f.set("findings", findings);
      list.push_back(f);
    }
  }
  return list;
}

bool Blocked(const Screen& s) {
  for (const auto& f : s.findings) {
    if (f.finding.blocking) return true;
  }
  return false;
}

// Readers' answers to "Was this clear?" on this incident's updates, and their comments
// (the latest 20): what the API's .../feedback gives, for the one writing the next update.
void AddFeedback(ConsoleDeps& deps, const Words& w, const model::Incident& i, Data& d) {
  auto report = service::ReportFeedback(deps.ctx.store, i.id);
  if (!report.ok() || report->tallies.empty()) return;
  d.set("t_feedback", w("update.feedback"));
  Data tallies = Data::type::list;
  for (const auto& t : report->tallies) {
    Data e;
    e.set("value",
          w("update.feedback_value", {{"audience", std::string(model::ToString(t.audience))},
                                      {"language", t.language},
                                      {"yes", t.yes},
                                      {"no", t.no}}));
    tallies.push_back(e);
  }
  d.set("feedback", tallies);
  Data comments = Data::type::list;
  const auto& all = report->comments;
  for (size_t k = all.size() > 20 ? all.size() - 20 : 0; k < all.size(); ++k) {
    Data e;
    e.set("answer", w(all[k].clear ? "update.feedback_yes" : "update.feedback_no"));
    e.set("comment", all[k].comment);
    comments.push_back(e);
  }
  d.set("feedback_comments", comments);
}

http::Response Render(ConsoleDeps& deps, const Visit& v, const model::Incident& i, const Screen& s,
                      int status) {
  const Words& w = v.words;
  Data d;
  for (const char* key :
       {"title", "status", "bodies", "estimate", "current", "own_estimate", "next_update", "notify",
        "check", "publish", "blocked", "none", "minutes"}) {
    d.set(std::string("t_") + key, w(std::string("update.") + key));
  }
  d.set("name", i.name);
  d.set("id", i.id);
  d.set("csrf", v.who.session.csrf);
  Data statuses = Data::type::list;
  const bool maintenance = i.kind == model::IncidentKind::kMaintenance;
  for (auto st : {model::IncidentStatus::kInvestigating, model::IncidentStatus::kIdentified,
                  model::IncidentStatus::kMonitoring, model::IncidentStatus::kResolved,
                  model::IncidentStatus::kScheduled, model::IncidentStatus::kInProgress,
                  model::IncidentStatus::kVerifying, model::IncidentStatus::kCompleted}) {
    if ((model::KindOf(st) == model::IncidentKind::kMaintenance) != maintenance) continue;
    Data o;
    const std::string value(model::ToString(st));
    o.set("value", value);
    o.set("label", Named(w.language(), std::string("status.incident.").append(value)));
    o.set("selected",
          value == (s.status.empty() ? std::string(model::ToString(i.status)) : s.status));
    statuses.push_back(o);
  }
  d.set("statuses", statuses);
  d.set("fields", BodyFields(s, w));
  Data nexts = Data::type::list;
  for (const char* m : {"15", "30", "60", "120"}) {
    Data o;
    o.set("value", m);
    o.set("label", w("update.minutes", {{"minutes", std::string(m)}}));
    o.set("selected", s.next_minutes == m);
    nexts.push_back(o);
  }
  d.set("nexts", nexts);
  d.set("eta_to", s.eta_to);
  d.set("notify_checked", s.notify);
  d.set("is_blocked", Blocked(s));
  d.set("zone", deps.time_zone);
  if (!s.error.empty()) d.set("error", s.error);
  Data warnings = Data::type::list;
  for (const auto& text : s.warnings) warnings.push_back(Data(text));
  d.set("warnings", warnings);
  for (const auto& e : i.estimates) {
    if (!e.scope.empty()) continue;
    d.set("estimate_value", w("dashboard.estimate_value", {{"p10", ShowTime(deps, e.p10)},
                                                           {"p50", ShowTime(deps, e.p50)},
                                                           {"p90", ShowTime(deps, e.p90)}}) +
                                " · " + e.source + (e.reason.empty() ? "" : " · " + e.reason));
  }
  AddFeedback(deps, w, i, d);
  Chrome c;
  c.title = w("update.title") + " — " + i.name;
  c.content = RenderPart("update.mustache", d);
  c.who = &v.who;
  return HtmlPage(status, RenderLayout(w, c));
}

// The input an API client would send for what the form holds.
base::Result<service::IncidentInput> InputOf(ConsoleDeps& deps, const Visit& v, Screen& s) {
  service::IncidentInput in;
  const Form& f = v.form;
  s.status = f.Get("status");
  if (auto st = model::ParseIncidentStatus(s.status)) in.status = *st;
  for (const auto& language : comms::Catalogs::Builtin().Languages()) {
    for (auto audience : kAudiences) {
      std::string text = f.Get(FieldName(audience, language));
      if (text.size() > 64 * 1024) return base::InvalidArgument("too long", "body");
      if (text.empty()) continue;
      if (audience == deps.ctx.policies.default_audience &&
          language == deps.ctx.policies.default_language) {
        in.body = text;
      }
      s.bodies.push_back({audience, language, text});
    }
  }
  in.bodies = s.bodies;
  s.next_minutes = f.Get("next_update_minutes");
  const auto now = deps.ctx.clock.Now();
  if (s.next_minutes == "15" || s.next_minutes == "30" || s.next_minutes == "60" ||
      s.next_minutes == "120") {
    in.next_update_at =
        std::optional<base::Time>(now + std::chrono::minutes(std::stoi(s.next_minutes)));
  }
  s.eta_to = f.Get("eta_to");
  if (!s.eta_to.empty()) {
    std::string local = s.eta_to;
    std::replace(local.begin(), local.end(), 'T', ' ');
    PHARE_ASSIGN_OR_RETURN(auto zone, base::Zone::Find(deps.time_zone));
    PHARE_ASSIGN_OR_RETURN(auto to, zone.ParseLocal(local));
    model::OperatorEstimate stated;
    stated.to = to;
    in.operator_estimate = stated;
  }
  s.notify = f.Get("notify") == "1";
  in.deliver_notifications = s.notify;
  return in;
}

}  // namespace

http::Response UpdatePage(ConsoleDeps& deps, const std::string& id, const Visit& v) {
  const Words& w = v.words;
  auto incident = deps.incidents.Get(id);
  if (!incident.ok()) {
    return MessagePage(404, w, &v.who, w("error.not_found_title"), w("error.not_found"));
  }
  Screen s;
  service::PublishReport report;
  auto drafts = deps.incidents.Draft(id, std::nullopt, {}, &report);
  if (drafts.ok()) s.bodies = drafts->bodies;
  s.findings = report.findings;
  s.warnings = report.warnings;
  return Render(deps, v, *incident, s, 200);
}

http::Response UpdateSubmit(ConsoleDeps& deps, const std::string& id, const Visit& v) {
  const Words& w = v.words;
  auto incident = deps.incidents.Get(id);
  if (!incident.ok()) {
    return MessagePage(404, w, &v.who, w("error.not_found_title"), w("error.not_found"));
  }
  Screen s;
  auto in = InputOf(deps, v, s);
  if (!in.ok()) {
    s.error = in.status().field() + ": " + in.status().message();
    return Render(deps, v, *incident, s, 422);
  }
  service::PublishReport report;
  if (v.form.Get("action") != "publish") {
    auto checked = deps.incidents.Check(id, *in);
    if (checked.ok()) report = *checked;
    s.findings = report.findings;
    s.warnings = report.warnings;
    return Render(deps, v, *incident, s, 200);
  }
  auto updated = deps.incidents.Update(service::ActorOf(v.who.user), id, *in, &report);
  if (!updated.ok()) {
    s.findings = report.findings;
    s.warnings = report.warnings;
    s.error = updated.status().message();
    return Render(deps, v, *incident, s, 422);
  }
  return SeeOther("/admin");
}

}  // namespace phare::web::admin
