#include "api/subscriber_json.h"

#include <boost/json/array.hpp>
#include <boost/url/parse.hpp>

#include "base/json.h"

namespace phare::api {
namespace {

using base::JsonReader;
using model::Channel;

constexpr size_t kMaxEmailBytes = 320;
constexpr size_t kMaxPhoneBytes = 64;
constexpr size_t kMaxEndpointBytes = 2048;
constexpr size_t kMaxIdBytes = 64;

// Fields both the JSON and the form may carry, as text.
struct Fields {
  std::optional<std::string> email, phone_number, phone_country, endpoint;
  std::optional<std::string> channel, flavor, language, time_zone, audience, customer_id;
  std::optional<std::vector<std::string>> component_ids;
  std::optional<bool> all_updates, skip_confirmation;
};

base::Result<service::SubscribeInput> Build(const Fields& f) {
  const int given = !!f.email + !!f.phone_number + !!f.endpoint;
  // Statuspage's webhook shape: the endpoint, and the address told when it keeps failing.
  const bool webhook_with_contact = given == 2 && f.endpoint && f.email;
  if (given != 1 && !webhook_with_contact) {
    return base::InvalidArgument(
        "give exactly one of email, phone_number or endpoint (an endpoint may come with the "
        "email to tell when it keeps failing)",
        "subscriber");
  }
  service::SubscribeInput in;
  if (f.endpoint) {
    in.channel = Channel::kWebhook;
    in.endpoint = *f.endpoint;
    in.contact_email = f.email.value_or("");
  } else if (f.email) {
    in.channel = Channel::kEmail;
    in.email = *f.email;
  } else {
    in.channel = Channel::kSms;
    in.phone_number = *f.phone_number;
    in.phone_country = f.phone_country.value_or("");
  }
  if (f.channel) {
    const auto channel = model::ParseChannel(*f.channel);
    const bool fits = channel && (*channel == in.channel ||
                                  (*channel == Channel::kChat && in.channel == Channel::kWebhook));
    if (!fits) {
      return base::InvalidArgument("'" + *f.channel + "' does not fit the address given",
                                   "subscriber.phare.channel");
    }
    in.channel = *channel;
  }
  in.flavor = f.flavor.value_or("");
  in.language = f.language;
  in.time_zone = f.time_zone;
  if (f.audience) {
    in.audience = model::ParseAudience(*f.audience);
    if (!in.audience) {
      return base::InvalidArgument("'" + *f.audience + "' is not one of general, technical",
                                   "subscriber.phare.audience");
    }
  }
  in.component_ids = f.component_ids.value_or(std::vector<std::string>{});
  in.customer_id = f.customer_id.value_or("");
  in.all_updates = f.all_updates;
  in.skip_confirmation = f.skip_confirmation.value_or(false);
  return in;
}

// Limits the form's text values as the JSON reader does.
base::Status Limit(const std::optional<std::string>& value, size_t max, std::string_view field) {
  if (value && value->size() > max) {
    return base::InvalidArgument("is longer than " + std::to_string(max) + " bytes",
                                 std::string(field));
  }
  return base::Status::Ok();
}

}  // namespace

std::string RedactEndpoint(std::string_view url) {
  constexpr std::string_view kEllipsis = "\u2026";
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed || !parsed->has_authority()) return std::string(kEllipsis);
  std::string out = std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_host());
  if (parsed->has_port()) out += ":" + std::string(parsed->port());
  const bool more = !parsed->encoded_path().empty() && parsed->encoded_path() != "/";
  out += "/";
  if (more || parsed->has_query()) out += kEllipsis;
  return out;
}

boost::json::object SubscriberJson(const model::Subscriber& s, const base::Zone& zone,
                                   EndpointView view) {
  boost::json::object o;
  o["id"] = s.id;
  o["mode"] = s.channel == Channel::kChat ? "webhook" : model::ToString(s.channel);
  switch (s.channel) {
    case Channel::kEmail:
      o["email"] = s.address;
      break;
    case Channel::kSms:
      o["phone_number"] = s.address;
      break;
    case Channel::kWebhook:
    case Channel::kChat:
      o["endpoint"] = view == EndpointView::kFull ? s.address : RedactEndpoint(s.address);
      if (!s.contact_email.empty()) o["email"] = s.contact_email;
      break;
  }
  o["created_at"] = zone.FormatRfc3339(s.created_at);
  o["quarantined_at"] = s.quarantined_at ? boost::json::value(zone.FormatRfc3339(*s.quarantined_at))
                                         : boost::json::value(nullptr);
  boost::json::array components;
  for (const auto& id : s.component_ids) components.emplace_back(id);
  o["components"] = std::move(components);
  boost::json::object p;
  p["channel"] = model::ToString(s.channel);
  if (!s.flavor.empty()) p["flavor"] = s.flavor;
  p["state"] = model::ToString(s.state);
  p["language"] = s.language;
  p["time_zone"] = s.time_zone;
  p["audience"] = model::ToString(s.audience);
  p["scope"] = model::ToString(s.scope);
  if (!s.customer_id.empty()) p["customer_id"] = s.customer_id;
  p["all_updates"] = s.all_updates;
  p["confirmed_at"] = s.confirmed_at ? boost::json::value(zone.FormatRfc3339(*s.confirmed_at))
                                     : boost::json::value(nullptr);
  p["dead_letters"] = s.dead_letters;
  p["cursor"] = s.key;  // for ?after= paging
  o["phare"] = std::move(p);
  return o;
}

base::Result<service::SubscribeInput> ParseSubscribeInput(const boost::json::object& obj) {
  Fields f;
  JsonReader r(obj, "subscriber");
  PHARE_RETURN_IF_ERROR(r.String("email", f.email, kMaxEmailBytes));
  PHARE_RETURN_IF_ERROR(r.String("phone_number", f.phone_number, kMaxPhoneBytes));
  PHARE_RETURN_IF_ERROR(r.String("phone_country", f.phone_country, 8));
  PHARE_RETURN_IF_ERROR(r.String("endpoint", f.endpoint, kMaxEndpointBytes));
  PHARE_RETURN_IF_ERROR(r.StringArray("component_ids", f.component_ids,
                                      model::kMaxSubscriberComponents, kMaxIdBytes));
  PHARE_RETURN_IF_ERROR(r.Bool("skip_confirmation_notification", f.skip_confirmation));
  const boost::json::object* phare = nullptr;
  PHARE_RETURN_IF_ERROR(r.Object("phare", phare));
  if (phare) {
    JsonReader p(*phare, "subscriber.phare");
    PHARE_RETURN_IF_ERROR(p.String("channel", f.channel, 16));
    PHARE_RETURN_IF_ERROR(p.String("flavor", f.flavor, 16));
    PHARE_RETURN_IF_ERROR(p.String("language", f.language, model::kMaxLanguageBytes));
    PHARE_RETURN_IF_ERROR(p.String("time_zone", f.time_zone, model::kMaxTimeZoneBytes));
    PHARE_RETURN_IF_ERROR(p.String("audience", f.audience, 16));
    PHARE_RETURN_IF_ERROR(p.String("customer_id", f.customer_id, model::kMaxCustomerIdBytes));
    PHARE_RETURN_IF_ERROR(p.Bool("all_updates", f.all_updates));
  }
  return Build(f);
}

base::Result<service::SubscribeInput> ParseSubscribeForm(std::string_view form) {
  const std::string target = "/?" + std::string(form);
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return base::InvalidArgument("malformed form data", "subscriber");
  Fields f;
  size_t params = 0;
  for (const auto& param : url->params(boost::urls::encoding_opts(true))) {
    if (++params > 2 * model::kMaxSubscriberComponents) {
      return base::InvalidArgument("too many form fields", "subscriber");
    }
    std::string key = param.key;
    if (key.rfind("subscriber[", 0) == 0) {  // subscriber[email] → email
      key = key.substr(11);
      key.erase(std::remove(key.begin(), key.end(), ']'), key.end());
      key.erase(std::remove(key.begin(), key.end(), '['), key.end());
    }
    const std::string value = param.value;
    if (key == "email") f.email = value;
    if (key == "phone_number") f.phone_number = value;
    if (key == "phone_country") f.phone_country = value;
    if (key == "endpoint") f.endpoint = value;
    if (key == "language" || key == "lang") f.language = value;
    if (key == "time_zone" || key == "tz") f.time_zone = value;
    if (key == "audience") f.audience = value;
    if (key == "component_ids" || key == "component_id") {
      if (!f.component_ids) f.component_ids.emplace();
      f.component_ids->push_back(value);
    }
  }
  PHARE_RETURN_IF_ERROR(Limit(f.email, kMaxEmailBytes, "subscriber.email"));
  PHARE_RETURN_IF_ERROR(Limit(f.phone_number, kMaxPhoneBytes, "subscriber.phone_number"));
  PHARE_RETURN_IF_ERROR(Limit(f.phone_country, 8, "subscriber.phone_country"));
  PHARE_RETURN_IF_ERROR(Limit(f.endpoint, kMaxEndpointBytes, "subscriber.endpoint"));
  PHARE_RETURN_IF_ERROR(Limit(f.language, model::kMaxLanguageBytes, "subscriber.phare.language"));
  PHARE_RETURN_IF_ERROR(Limit(f.time_zone, model::kMaxTimeZoneBytes, "subscriber.phare.time_zone"));
  PHARE_RETURN_IF_ERROR(Limit(f.audience, 16, "subscriber.phare.audience"));
  if (f.component_ids) {
    for (const auto& id : *f.component_ids) {
      PHARE_RETURN_IF_ERROR(Limit(id, kMaxIdBytes, "subscriber.component_ids"));
    }
  }
  return Build(f);
}

}  // namespace phare::api
