// Rendering an update for one kind of reader: the channel (and chat flavour), language,
// time zone and audience of a variant key. Each distinct key is rendered once per
// fan-out (fanout.h) and reused for every subscriber who shares it.
//
// Bodies: the update's body for the reader's audience and language, else for their
// audience in the page's default language, else Statuspage's `body`; time tokens are
// resolved in the reader's zone and language (comms::Reader), Markdown becomes plain
// text (e-mail text, SMS, chat) or safe HTML (e-mail). Labels, times and estimates come
// from the comms catalogs, the notification sentences from notify's (messages.h).
// Pure functions of their inputs; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/component.h"
#include "model/incident.h"
#include "model/page.h"
#include "model/rollup.h"
#include "model/subscriber.h"
#include "notify/variant.h"

namespace phare::notify {

struct VariantKey {
  model::Channel channel = model::Channel::kEmail;
  std::string flavor;  // chat only
  std::string language;
  std::string zone;
  model::Audience audience = model::Audience::kGeneral;

  // "email|fr|Europe/Paris|general"; every webhook reader shares "webhook" (the payload
  // carries every language and audience).
  std::string Text() const;
};

// What rendering an update needs, loaded once per fan-out job.
struct UpdateContext {
  model::Page page;
  model::Incident incident;      // as it is now: its name, kind and components
  model::IncidentUpdate update;  // the update being told
  std::vector<model::Component> components;
  model::PageStatus page_status;
  std::string incident_json;  // the incident as /api/v2/incidents.json shows it
  std::string default_language = "en";
  // A component's change (a kComponent job) instead of an incident's update.
  std::optional<ComponentChange> component_change;
  std::string component_json;  // the component as /api/v2/components.json shows it
  // When the variant is rendered (the fan-out's clock; may be minutes after the update).
  // The restoration estimate is worded at the later of it and the update's time, from
  // the incident as it is now: a passed time is never told as expected (docs/eta.md).
  base::Time now{};
  // Signs the "Was this clear? Yes / No" links of e-mails (service/feedback.h); empty:
  // no links.
  std::string feedback_key;
};

// InvalidArgument for an unknown zone; Internal if ICU fails.
base::Result<Variant> RenderUpdate(const UpdateContext& context, const VariantKey& key);

// The confirmation message of a double opt-in (e-mail or SMS), with kConfirmMarker and
// kUnsubscribeMarker where the subscriber's links go.
base::Result<Variant> RenderConfirmation(const model::Page& page, model::Channel channel,
                                         std::string_view language);

// The e-mail telling a webhook or chat subscriber's contact address that deliveries to
// `endpoint` stopped after `failures` dead letters in a row (the subscriber is
// quarantined), in `language` (English when it has no catalog), with kUnsubscribeMarker
// where the subscription's unsubscribe link goes.
Variant RenderFailureNotice(const model::Page& page, std::string_view language,
                            std::string_view endpoint, int failures);

// "status.example.net" from the page URL (for Message-IDs); "localhost" if it has none.
std::string MailDomain(std::string_view page_url);

}  // namespace phare::notify
