// The subscription side of the public site, in the reader's language and the page's
// layout: the e-mail subscription form shown on the status page, and the pages a
// subscriber lands on (check your inbox, confirm, confirmed, unsubscribe, unsubscribed,
// an invalid link, bad input, too many requests). Confirming and unsubscribing pages
// carry a form that POSTs back: a GET (a mail scanner following the link) changes
// nothing. Pure functions of their inputs; thread-safe. Words come from the notify
// catalogs (data/notify).
#pragma once

#include <string>

#include "service/public_state.h"
#include "web/pages.h"
#include "web/variant.h"

namespace phare::web {

class PageView;

// The form's HTML section for `view`'s reader (its language and zone travel with it).
std::string RenderSubscribeForm(const PageView& view);

enum class SubscriptionPage {
  kCheckInbox,
  kConfirm,  // a form: confirm `address`
  kConfirmed,
  kUnsubscribe,  // a form: unsubscribe `address`
  kUnsubscribed,
  kInvalidLink,
  kInvalidInput,
  kBusy,
};

struct SubscriptionPageArgs {
  std::string address;  // shown on confirm/unsubscribe pages
  std::string action;   // the form's target (kConfirm, kUnsubscribe)
};

// The whole HTML document; falls back to the page's default reading for an unknown one.
std::string RenderSubscriptionPage(const service::PublicState& state, const SiteOptions& options,
                                   const Reading& reading, SubscriptionPage page,
                                   const SubscriptionPageArgs& args);

}  // namespace phare::web
