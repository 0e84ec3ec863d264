// Subscribers as the APIs show them (Statuspage's shape: id, mode, email | phone_number |
// endpoint (with the email of its contact, if any), components, created_at, quarantined_at;
// phare's additions under "phare"),
// and subscription requests read from JSON ({"subscriber": {...}}) or from a form
// (subscriber[email]=... as Statuspage's widget posts, or the page's own form). Unknown
// fields are ignored; known fields of the wrong type or size are errors naming the
// field ("subscriber.phare.language"). Pure functions.
#pragma once

#include <boost/json/object.hpp>

#include <string_view>

#include "base/time.h"
#include "model/subscriber.h"
#include "service/subscribers.h"

namespace phare::api {

// Webhook and chat URLs are secrets (Slack's /services/T.../B.../XXXX): answers other than
// the one creating a subscriber show them redacted.
enum class EndpointView { kFull, kRedacted };

boost::json::object SubscriberJson(const model::Subscriber& s, const base::Zone& zone,
                                   EndpointView view = EndpointView::kRedacted);

// "https://hooks.slack.com/…" for "https://hooks.slack.com/services/T0/B0/XYZ": the scheme,
// host and port, then "…" when anything followed; "…" alone for what is not a URL.
std::string RedactEndpoint(std::string_view url);

// The object under "subscriber". InvalidArgument unless exactly one of email,
// phone_number and endpoint is given, or an endpoint with an email (Statuspage's webhook
// subscriber: the address is told when the endpoint keeps failing; contact_email).
base::Result<service::SubscribeInput> ParseSubscribeInput(const boost::json::object& subscriber);

// application/x-www-form-urlencoded: subscriber[email] (or email), subscriber[phone_number],
// subscriber[phone_country], subscriber[endpoint], subscriber[component_ids][] and the
// phare fields language (or lang), time_zone (or tz), audience.
base::Result<service::SubscribeInput> ParseSubscribeForm(std::string_view form);

}  // namespace phare::api
