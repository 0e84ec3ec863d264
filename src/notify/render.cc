#include "notify/render.h"

#include <boost/url/parse.hpp>
#include <kainjow/mustache.hpp>

#include <memory>
#include <unordered_map>

#include "comms/catalog.h"
#include "comms/eta_words.h"
#include "comms/markdown.h"
#include "comms/reader.h"
#include "notify/chat_message.h"
#include "notify/messages.h"
#include "service/feedback.h"

namespace phare::notify {
namespace {

using Data = kainjow::mustache::data;
constexpr int kTextWidth = 72;

std::string RenderTemplate(std::string_view name, const Data& data) {
  // kainjow's renderer is not re-entrant: one parsed copy per thread.
  thread_local std::unordered_map<std::string, std::unique_ptr<kainjow::mustache::mustache>> cache;
  auto it = cache.find(std::string(name));
  if (it == cache.end()) {
    auto parsed = std::make_unique<kainjow::mustache::mustache>(std::string(NotifyTemplate(name)));
    it = cache.emplace(std::string(name), std::move(parsed)).first;
  }
  return it->second->render(data);
}

// "Unsubscribe: https://..." with the language's punctuation.
std::string Link(const std::string& lang, const std::string& label, const std::string& url) {
  return Say(lang, "mail.link", {{"label", label}, {"url", url}});
}

std::string_view ImpactClass(const model::Incident& i) {
  if (i.kind == model::IncidentKind::kMaintenance && !i.impact_override) return "maintenance";
  return model::ToString(i.impact);
}

// What every channel says about the update, in the reader's words.
struct Words {
  std::string language;
  std::string incident_name;  // in `language` where it has one
  std::string status;
  std::string impact;
  std::string body_markdown;  // time tokens resolved
  std::string body_text;
  std::vector<std::string> facts;
  std::string estimate_fact;  // also among `facts`; empty without an estimate
  std::string url;
};

// The estimate to tell with an open update: the incident's current one (refreshed before
// its promise passes), else the one published with the update.
std::optional<model::Estimate> EstimateNow(const UpdateContext& c) {
  if (model::IsClosed(c.update.status)) return std::nullopt;
  if (!model::IsClosed(c.incident.status) && !c.incident.estimates.empty()) {
    return c.incident.estimates.front();
  }
  return c.update.estimate;
}

// "Service expected back by ..." at the time of rendering; empty without an estimate.
std::string EstimateFact(const comms::Reader& reader, const UpdateContext& c) {
  const auto e = EstimateNow(c);
  if (!e) return "";
  const base::Time at = c.update.display_at;
  return comms::ExpectedBackLine(
      reader, *e, std::max(c.now, at), [&](base::Time t) { return reader.times().Format(t, at); },
      /*interval=*/false);
}

std::vector<std::string> Facts(const comms::Reader& reader, const UpdateContext& c) {
  std::vector<std::string> facts;
  const auto& u = c.update;
  const base::Time at = u.display_at;
  std::string names;
  if (u.affected_components) {
    for (const auto& a : *u.affected_components) {
      if (!names.empty()) names += ", ";
      names += a.name + " (" +
               reader.Say("status.component." + std::string(model::ToString(a.new_status))) + ")";
    }
  }
  if (!names.empty()) facts.push_back(reader.Say("ui.affected", {{"components", names}}));
  const auto& i = c.incident;
  if (i.kind == model::IncidentKind::kMaintenance && i.scheduled_for && i.scheduled_until) {
    facts.push_back(
        reader.Say("ui.scheduled_window", {{"from", reader.times().Format(*i.scheduled_for, at)},
                                           {"to", reader.times().Format(*i.scheduled_until, at)}}));
  }
  if (std::string fact = EstimateFact(reader, c); !fact.empty()) facts.push_back(fact);
  if (!model::IsClosed(u.status) && u.next_update_at && *u.next_update_at > at) {
    facts.push_back(
        reader.Say("ui.next_update_by", {{"time", reader.times().Format(*u.next_update_at, at)}}));
  }
  return facts;
}

base::Result<Words> WordsFor(const UpdateContext& c, const VariantKey& key) {
  PHARE_ASSIGN_OR_RETURN(auto zone, base::Zone::Find(key.zone));
  PHARE_ASSIGN_OR_RETURN(auto reader, comms::Reader::Create(key.language, zone));
  Words w;
  w.language = reader.language();
  w.incident_name = model::NameIn(c.incident.names, w.language, c.incident.name);
  w.status = reader.Say("status.incident." + std::string(model::ToString(c.update.status)));
  w.impact = reader.Say("ui.impact_label", {{"impact", std::string(ImpactClass(c.incident))}});
  const std::string& body = model::BodyFor(c.update, key.audience, w.language, c.default_language);
  w.body_markdown = reader.Text(body, c.update.display_at);
  auto text = comms::MarkdownToText(w.body_markdown, kTextWidth);
  w.body_text = text.ok() ? *text : w.body_markdown;
  while (!w.body_text.empty() && (w.body_text.back() == '\n' || w.body_text.back() == ' ')) {
    w.body_text.pop_back();
  }
  w.facts = Facts(reader, c);
  w.estimate_fact = EstimateFact(reader, c);
  w.url = c.page.url + "/incidents/" + c.incident.id;
  return w;
}

// "Was this clear?" with a Yes and a No link to the page's feedback form (GET shows a
// form; only its POST counts).
void SetFeedbackLinks(const UpdateContext& c, model::Audience audience, const std::string& lang,
                      Data& data) {
  const comms::Catalog* catalog = comms::Catalogs::Builtin().Find(lang);
  if (c.feedback_key.empty() || c.component_change || catalog == nullptr) return;
  const service::FeedbackKey key(c.feedback_key);
  const std::string base = c.page.url + "/feedback?incident=" + c.incident.id +
                           "&update=" + c.update.id +
                           "&audience=" + std::string(model::ToString(audience)) + "&lang=" + lang +
                           "&token=" + key.Sign(c.incident.id, c.update.id, audience, lang);
  for (const char* word : {"question", "yes", "no"}) {
    auto text = catalog->Format(std::string("feedback.") + word);
    data.set(std::string("feedback_") + word, text.ok() ? *text : std::string());
  }
  data.set("feedback_yes_url", base + "&answer=yes");
  data.set("feedback_no_url", base + "&answer=no");
}

Variant Email(const UpdateContext& c, const Words& w, model::Audience audience) {
  const std::string& lang = w.language;
  Variant v;
  v.channel = model::Channel::kEmail;
  v.subject = Say(lang, "mail.subject",
                  {{"page", c.page.name}, {"incident", w.incident_name}, {"status", w.status}});
  Data data;
  data.set("lang", lang);
  data.set("subject", v.subject);
  data.set("page_name", c.page.name);
  data.set("incident_name", w.incident_name);
  data.set("color", std::string(ColorForIndicator(ImpactClass(c.incident))));
  data.set("status_line",
           Say(lang, "mail.status_line", {{"status", w.status}, {"impact", w.impact}}));
  auto html = comms::MarkdownToHtml(w.body_markdown);
  data.set("body_html", html.ok() ? *html : std::string());
  data.set("body_text", w.body_text);
  Data facts{Data::type::list};
  for (const auto& f : w.facts) facts.push_back(Data(f));
  data.set("facts", facts);
  data.set("incident_url", w.url);
  data.set("view_online", Say(lang, "mail.view_online"));
  data.set("why", Say(lang, "mail.why", {{"page", c.page.name}}));
  data.set("unsubscribe", Say(lang, "mail.unsubscribe"));
  data.set("unsubscribe_url", std::string(kUnsubscribeMarker));
  data.set("view_online_line", Link(lang, Say(lang, "mail.view_online"), w.url));
  data.set("unsubscribe_line",
           Link(lang, Say(lang, "mail.unsubscribe"), std::string(kUnsubscribeMarker)));
  SetFeedbackLinks(c, audience, lang, data);
  v.text = RenderTemplate("email_update.txt.mustache", data);
  v.html = RenderTemplate("email_update.html.mustache", data);
  v.thread_id = "<incident-" + c.incident.id + "@" + MailDomain(c.page.url) + ">";
  return v;
}

Variant Sms(const UpdateContext& c, const Words& w) {
  Variant v;
  v.channel = model::Channel::kSms;
  // The link before the body: a text too long for its segments is cut at the end.
  v.text = Say(w.language, "sms.update",
               {{"page", c.page.name}, {"incident", w.incident_name}, {"status", w.status}}) +
           " " + w.url;
  std::string body = w.body_text;
  for (char& ch : body) {
    if (ch == '\n') ch = ' ';
  }
  if (!body.empty()) v.text += " " + body;
  // The body may promise a time that passed before this is sent: say so after it.
  const auto& told = c.update.estimate;
  if (told && !w.estimate_fact.empty() &&
      comms::IsLate(*told, std::max(c.now, c.update.display_at))) {
    v.text += " " + w.estimate_fact;
  }
  return v;
}

Variant Chat(const UpdateContext& c, const Words& w, const std::string& flavor) {
  Variant v;
  v.channel = model::Channel::kChat;
  v.flavor = flavor;
  v.headline =
      Say(w.language, "chat.headline", {{"incident", w.incident_name}, {"status", w.status}});
  v.title = w.incident_name;
  v.link = w.url;
  v.text = w.body_text;
  v.color = std::string(ColorForIndicator(ImpactClass(c.incident)));
  v.fields = {{Say(w.language, "chat.status"), w.status},
              {Say(w.language, "chat.impact"), w.impact}};
  for (const auto& fact : w.facts) v.text += "\n" + fact;
  v.footer = Say(w.language, "chat.footer",
                 {{"page", c.page.name}, {"url", std::string(kUnsubscribeMarker)}});
  return v;
}

Variant Webhook(const UpdateContext& c) {
  Variant v;
  v.channel = model::Channel::kWebhook;
  v.page = {c.page.id, std::string(model::ToString(c.page_status.indicator)),
            std::string(c.page_status.description)};
  v.incident_json = c.incident_json;
  if (c.component_change) {
    v.component_json = c.component_json;
    v.component_change = *c.component_change;
  }
  return v;
}

}  // namespace

std::string VariantKey::Text() const {
  if (channel == model::Channel::kWebhook) return "webhook";
  std::string out(model::ToString(channel));
  if (channel == model::Channel::kChat) out += "|" + flavor;
  out += "|" + language + "|" + zone + "|" + std::string(model::ToString(audience));
  return out;
}

base::Result<Variant> RenderUpdate(const UpdateContext& c, const VariantKey& key) {
  if (key.channel == model::Channel::kWebhook) return Webhook(c);
  if (c.component_change) {
    return base::InvalidArgument("a component's change goes to webhooks only");
  }
  PHARE_ASSIGN_OR_RETURN(auto words, WordsFor(c, key));
  switch (key.channel) {
    case model::Channel::kEmail:
      return Email(c, words, key.audience);
    case model::Channel::kSms:
      return Sms(c, words);
    case model::Channel::kChat:
      return Chat(c, words, key.flavor);
    case model::Channel::kWebhook:
      break;
  }
  return Webhook(c);
}

base::Result<Variant> RenderConfirmation(const model::Page& page, model::Channel channel,
                                         std::string_view language) {
  const std::string lang(NotifyCatalogs().Find(language) ? language : comms::kDefaultLanguage);
  Variant v;
  v.channel = channel;
  if (channel == model::Channel::kSms) {
    v.text = Say(lang, "confirm.sms", {{"page", page.name}, {"url", std::string(kConfirmMarker)}});
    return v;
  }
  if (channel != model::Channel::kEmail) {
    return base::InvalidArgument("only e-mail and SMS subscriptions are confirmed");
  }
  v.subject = Say(lang, "confirm.subject", {{"page", page.name}});
  Data data;
  data.set("lang", lang);
  data.set("subject", v.subject);
  data.set("page_name", page.name);
  data.set("intro", Say(lang, "confirm.intro", {{"page", page.name}}));
  data.set("action", Say(lang, "confirm.action"));
  data.set("ignore", Say(lang, "confirm.ignore"));
  data.set("confirm_url", std::string(kConfirmMarker));
  data.set("unsubscribe", Say(lang, "mail.unsubscribe"));
  data.set("unsubscribe_url", std::string(kUnsubscribeMarker));
  data.set("action_line", Link(lang, Say(lang, "confirm.action"), std::string(kConfirmMarker)));
  data.set("unsubscribe_line",
           Link(lang, Say(lang, "mail.unsubscribe"), std::string(kUnsubscribeMarker)));
  v.text = RenderTemplate("email_confirm.txt.mustache", data);
  v.html = RenderTemplate("email_confirm.html.mustache", data);
  return v;
}

Variant RenderFailureNotice(const model::Page& page, std::string_view language,
                            std::string_view endpoint, int failures) {
  const std::string lang(NotifyCatalogs().Find(language) ? language : comms::kDefaultLanguage);
  const comms::MessageArgs about{
      {"page", page.name}, {"endpoint", std::string(endpoint)}, {"count", int64_t{failures}}};
  Variant v;
  v.channel = model::Channel::kEmail;
  v.subject = Say(lang, "failing.subject", about);
  Data data;
  data.set("lang", lang);
  data.set("subject", v.subject);
  data.set("intro", Say(lang, "failing.intro", about));
  data.set("paused", Say(lang, "failing.paused", about));
  data.set("why", Say(lang, "failing.why", about));
  data.set("page_name", page.name);
  data.set("page_url", page.url);
  data.set("status_page", Say(lang, "failing.status_page"));
  data.set("status_line", Link(lang, Say(lang, "failing.status_page"), page.url));
  data.set("unsubscribe", Say(lang, "failing.unsubscribe"));
  data.set("unsubscribe_url", std::string(kUnsubscribeMarker));
  data.set("unsubscribe_line",
           Link(lang, Say(lang, "failing.unsubscribe"), std::string(kUnsubscribeMarker)));
  v.text = RenderTemplate("email_failing.txt.mustache", data);
  v.html = RenderTemplate("email_failing.html.mustache", data);
  return v;
}

std::string MailDomain(std::string_view page_url) {
  auto url = boost::urls::parse_uri(page_url);
  if (!url || url->host().empty()) return "localhost";
  return std::string(url->host());
}

}  // namespace phare::notify
