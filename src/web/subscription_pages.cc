#include "web/subscription_pages.h"

#include "notify/messages.h"
#include "web/page_view.h"
#include "web/templates.h"

namespace phare::web {
namespace {

struct Words {
  const char* title;
  const char* text;
  const char* button;  // nullptr: no form
};

Words WordsOf(SubscriptionPage page) {
  switch (page) {
    case SubscriptionPage::kCheckInbox:
      return {"web.check_inbox_title", "web.check_inbox_text", nullptr};
    case SubscriptionPage::kConfirm:
      return {"web.confirm_title", "web.confirm_text", "web.confirm_button"};
    case SubscriptionPage::kConfirmed:
      return {"web.confirmed_title", "web.confirmed_text", nullptr};
    case SubscriptionPage::kUnsubscribe:
      return {"web.unsubscribe_title", "web.unsubscribe_text", "web.unsubscribe_button"};
    case SubscriptionPage::kUnsubscribed:
      return {"web.unsubscribed_title", "web.unsubscribed_text", nullptr};
    case SubscriptionPage::kInvalidLink:
      return {"web.invalid_title", "web.invalid_text", nullptr};
    case SubscriptionPage::kInvalidInput:
      return {"web.subscribe_title", "web.invalid_input", nullptr};
    case SubscriptionPage::kBusy:
      return {"web.subscribe_title", "web.busy", nullptr};
  }
  return {"web.invalid_title", "web.invalid_text", nullptr};
}

}  // namespace

std::string RenderSubscribeForm(const PageView& v) {
  const std::string& lang = v.reader.language();
  Data d;
  for (const char* key : {"email_label", "audience_label", "audience_general", "audience_technical",
                          "subscribe_intro"}) {
    d.set(key, notify::Say(lang, std::string("web.") + key));
  }
  d.set("title", notify::Say(lang, "web.subscribe_title"));
  d.set("intro", notify::Say(lang, "web.subscribe_intro"));
  d.set("button", notify::Say(lang, "web.subscribe_button"));
  d.set("lang", v.reading.language);
  d.set("zone", v.reading.zone);
  return RenderTemplate("subscribe_form.mustache", d);
}

std::string RenderSubscriptionPage(const service::PublicState& state, const SiteOptions& options,
                                   const Reading& reading, SubscriptionPage page,
                                   const SubscriptionPageArgs& args) {
  const bool known = PageView::Create(state, options, reading).has_value();
  auto view = PageView::Create(state, options, known ? reading : Defaults(state, options));
  if (!view) return {};
  const std::string& lang = view->reader.language();
  const Words words = WordsOf(page);
  const comms::MessageArgs message_args = {{"page", state.page.name}, {"address", args.address}};
  Data d;
  const std::string title = notify::Say(lang, words.title, message_args);
  d.set("title", title);
  d.set("text", notify::Say(lang, words.text, message_args));
  if (words.button && !args.action.empty()) {
    d.set("action", args.action);
    d.set("button", notify::Say(lang, words.button));
    d.set("one_click", page == SubscriptionPage::kUnsubscribe);
  }
  d.set("back", notify::Say(lang, "web.back"));
  return view->Layout(title + " — " + state.page.name, "/",
                      RenderTemplate("subscription.mustache", d));
}

}  // namespace phare::web
