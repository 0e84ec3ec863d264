#include "web/feedback_pages.h"

#include "service/feedback.h"
#include "web/page_view.h"
#include "web/templates.h"

namespace phare::web {
namespace {

void SetWords(Data& d, const PageView& v) {
  for (const char* key : {"question", "yes", "no", "comment", "honeypot", "send"}) {
    d.set(std::string("feedback_") + key, v.reader.Say(std::string("feedback.") + key));
  }
}

void SetFields(Data& d, const PageView& v, const FeedbackPageArgs& a) {
  d.set("incident", a.incident_id);
  d.set("update", a.update_id);
  d.set("audience", a.audience);
  d.set("lang", v.reading.language);
  d.set("token", a.token);
  d.set("max_comment", std::to_string(model::kMaxFeedbackCommentBytes));
}

}  // namespace

std::string RenderFeedbackForm(const PageView& view, const model::Incident& incident,
                               const model::IncidentUpdate& update, model::Audience audience) {
  if (view.feedback_key.empty()) return {};
  const service::FeedbackKey key(view.feedback_key);
  FeedbackPageArgs args{incident.id, update.id, std::string(model::ToString(audience)),
                        key.Sign(incident.id, update.id, audience, view.reading.language), ""};
  Data d;
  SetWords(d, view);
  SetFields(d, view, args);
  return RenderTemplate("feedback_form.mustache", d);
}

std::string RenderFeedbackPage(const service::PublicState& state, const SiteOptions& options,
                               const Reading& reading, FeedbackPage page,
                               const FeedbackPageArgs& args) {
  const bool known = PageView::Create(state, options, reading).has_value();
  auto view = PageView::Create(state, options, known ? reading : Defaults(state, options));
  if (!view) return {};
  const char* title = "feedback.question";
  const char* text = nullptr;
  switch (page) {
    case FeedbackPage::kAsk:
      break;
    case FeedbackPage::kThanks:
      title = "feedback.thanks_title";
      text = "feedback.thanks";
      break;
    case FeedbackPage::kAlready:
      title = "feedback.thanks_title";
      text = "feedback.already";
      break;
    case FeedbackPage::kInvalid:
      text = "feedback.invalid";
      break;
    case FeedbackPage::kBusy:
      text = "feedback.busy";
      break;
  }
  Data d;
  const std::string heading = view->reader.Say(title);
  d.set("title", heading);
  if (text) d.set("text", view->reader.Say(text));
  if (page == FeedbackPage::kAsk) {
    SetWords(d, *view);
    SetFields(d, *view, args);
    d.set("ask", true);
    d.set("yes_checked", args.answer != "no");
    d.set("no_checked", args.answer == "no");
  }
  if (!args.incident_id.empty()) d.set("incident_href", "/incidents/" + args.incident_id);
  d.set("back", view->reader.Say("ui.back_to_status"));
  return view->Layout(heading + " — " + state.page.name, "/",
                      RenderTemplate("feedback.mustache", d));
}

}  // namespace phare::web
