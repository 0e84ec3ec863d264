// "Was this clear? Yes / No" on the public site (docs/channels.md): the form under each
// update's text, per audience, and the pages a reader lands on after answering, or from
// an e-mail's Yes/No link (a page whose form POSTs: following a link never counts a vote,
// so mail scanners and bots vote nothing). Forms work without JavaScript; their token is
// signed per incident × update × audience × language (service/feedback.h). Words come
// from the comms catalogs (ui.feedback_*). Pure functions; thread-safe.
#pragma once

#include <string>

#include "model/incident.h"
#include "service/public_state.h"
#include "web/pages.h"
#include "web/variant.h"

namespace phare::web {

class PageView;

// The form for `audience` under `update` of `incident`; "" when the site has no
// feedback key (SiteOptions::feedback_key, kept by the view).
std::string RenderFeedbackForm(const PageView& view, const model::Incident& incident,
                               const model::IncidentUpdate& update, model::Audience audience);

enum class FeedbackPage {
  kAsk,      // a form (from an e-mail link): the answer chosen, a comment, a button
  kThanks,   // counted
  kAlready,  // this browser answered this update already
  kInvalid,  // bad or expired form
  kBusy,     // rate-limited
};

struct FeedbackPageArgs {
  std::string incident_id;
  std::string update_id;
  std::string audience;
  std::string token;
  std::string answer;  // kAsk: yes | no
};

// The whole HTML document in `reading` (the page's default one when unknown).
std::string RenderFeedbackPage(const service::PublicState& state, const SiteOptions& options,
                               const Reading& reading, FeedbackPage page,
                               const FeedbackPageArgs& args = {});

}  // namespace phare::web
