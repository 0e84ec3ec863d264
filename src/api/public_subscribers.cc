// POST /api/v2/subscribers.json, DELETE /api/v2/subscribers/{token}.json and their
// CORS preflights.
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>

#include "api/admin_call.h"
#include "api/input_parse.h"
#include "api/subscriber_json.h"
#include "api/subscribers_api.h"
#include "base/json.h"
#include "http/problem.h"
#include "service/page.h"
#include "service/tokens.h"

namespace phare::api {
namespace {

using http::Method;

http::Response& Cors(http::Response& r) {
  r.Header("Access-Control-Allow-Origin", "*");
  r.Header("Cache-Control", "no-store");
  return r;
}

http::Response Answer(http::Response r) {
  Cors(r);
  return r;
}

http::Response Preflight(http::Request&) {
  http::Response r;
  r.status = 204;
  r.Header("Access-Control-Allow-Origin", "*")
      .Header("Access-Control-Allow-Methods", "POST, DELETE, OPTIONS")
      .Header("Access-Control-Allow-Headers", "Content-Type, Authorization")
      .Header("Access-Control-Max-Age", "86400");
  return r;
}

std::string_view MediaType(std::string_view content_type) {
  auto media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  return media;
}

base::Result<service::SubscribeInput> ReadInput(const http::Request& req) {
  const std::string_view media = MediaType(req.Header("Content-Type"));
  if (media == "application/x-www-form-urlencoded") return ParseSubscribeForm(req.body);
  if (!media.empty() && media != "application/json") {
    return base::Status(base::Code::kFailedPrecondition,
                        "send JSON ({\"subscriber\": {...}}) or form data");
  }
  PHARE_ASSIGN_OR_RETURN(auto body, base::ParseJson(req.body));
  PHARE_ASSIGN_OR_RETURN(const boost::json::object* subscriber, Wrapped(body, "subscriber"));
  return ParseSubscribeInput(*subscriber);
}

base::Zone PageZone(store::Store& store) {
  auto page = service::GetPage(store);
  if (!page.ok()) return base::Zone::Utc();
  auto zone = base::Zone::Find(page->time_zone);
  return zone.ok() ? *zone : base::Zone::Utc();
}

// E-mail and SMS: checked, queued, and answered the same way whatever the address's
// state (the queue decides; service/subscription_queue.h).
http::Response QueueSubscription(SubscriberApiDeps& deps, const model::Actor& actor,
                                 service::SubscribeInput in) {
  auto address = deps.subscribers.CheckPublic(in);
  if (!address.ok()) return Answer(http::ProblemFromStatus(address.status()));
  const bool email = in.channel == model::Channel::kEmail;
  auto queued = deps.queue.Push(actor, std::move(in));
  if (!queued.ok()) return Answer(http::ProblemFromStatus(queued));
  boost::json::object s{{"mode", email ? "email" : "sms"},
                        {email ? "email" : "phone_number", *address},
                        {"confirmation", "sent"}};
  return Answer(Json(
      202, boost::json::object{{"subscriber", std::move(s)},
                               {"message",
                                "If this address is not subscribed yet, it will receive a link to "
                                "confirm; nothing else is sent before it is used."}}));
}

http::Response Subscribe(AdminDeps& admin, SubscriberApiDeps& deps, http::Request& req) {
  if (auto wait = deps.per_client.Take(req.remote_address); wait.count() > 0) {
    return Answer(RateLimited(wait));
  }
  auto in = ReadInput(req);
  if (!in.ok()) {
    if (in.status().code() == base::Code::kFailedPrecondition) {
      return Answer(http::Problem(415, "unsupported-media-type", in.status().message()));
    }
    return Answer(http::ProblemFromStatus(in.status()));
  }
  const bool confirmed_channel =
      in->channel == model::Channel::kEmail || in->channel == model::Channel::kSms;
  if (confirmed_channel) {
    // Look-alike spellings of one address share its limit.
    auto key = deps.subscribers.RecipientKey(*in);
    if (!key.ok()) return Answer(http::ProblemFromStatus(key.status()));
    if (auto wait = deps.per_address.Take(*key); wait.count() > 0) {
      return Answer(RateLimited(wait));
    }
  }
  in->skip_confirmation = false;
  const model::Actor actor{"public:" + std::string(req.remote_address)};
  if (confirmed_channel) return QueueSubscription(deps, actor, std::move(*in));
  auto r = deps.subscribers.Subscribe(actor, *in, service::SubscribeOrigin::kPublic);
  if (!r.ok()) return Answer(http::ProblemFromStatus(r.status()));
  deps.wake();
  auto json = SubscriberJson(r->subscriber, PageZone(admin.ctx.store), EndpointView::kFull);
  auto& phare = json["phare"].as_object();
  if (!r->secret.empty()) phare["secret"] = r->secret;
  phare["unsubscribe_token"] = r->unsubscribe_token;
  auto page = service::GetPage(admin.ctx.store);
  if (page.ok()) phare["unsubscribe_url"] = page->url + "/unsubscribe/" + r->unsubscribe_token;
  return Answer(Json(201, boost::json::object{{"subscriber", std::move(json)}}));
}

std::string_view BearerToken(std::string_view header) {
  for (std::string_view scheme : {"Bearer ", "OAuth ", "Token "}) {
    if (header.size() > scheme.size() &&
        std::equal(scheme.begin(), scheme.end(), header.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      return header.substr(scheme.size());
    }
  }
  return {};
}

http::Response Unsubscribe(AdminDeps& admin, SubscriberApiDeps& deps, http::Request& req) {
  if (auto wait = deps.per_client.Take(req.remote_address); wait.count() > 0) {
    return Answer(RateLimited(wait));
  }
  const std::string& key = req.params[0];
  if (service::SubscriberTokens::LooksLikeToken(key)) {
    auto gone = deps.subscribers.Unsubscribe(key);
    if (!gone.ok()) return Answer(http::ProblemFromStatus(gone.status()));
    return Answer(Json(
        200, boost::json::object{
                 {"subscriber", boost::json::object{{"id", gone->id}, {"unsubscribed", true}}}}));
  }
  // A subscriber id names someone else's subscription: only operators may use it.
  const std::string_view token = BearerToken(req.Header("Authorization"));
  if (token.empty()) {
    return Answer(http::Problem(
        401, "unauthenticated",
        "unsubscribe with the token of your unsubscribe link; a subscriber id needs an admin "
        "API token"));
  }
  auto found = service::Authenticate(admin.ctx.store, token);
  if (!found.ok()) return Answer(http::ProblemFromStatus(found.status()));
  if (!found->Allows(model::Scope::kAdmin)) {
    return Answer(http::Problem(403, "forbidden", "this token lacks the 'admin' scope"));
  }
  auto status = deps.subscribers.Delete(model::Actor{"token:" + found->name}, key);
  if (!status.ok()) return Answer(http::ProblemFromStatus(status));
  return Answer(
      Json(200, boost::json::object{
                    {"subscriber", boost::json::object{{"id", key}, {"unsubscribed", true}}}}));
}

}  // namespace

http::Response RateLimited(base::Duration wait) {
  const auto seconds = std::max<int64_t>(
      1, std::chrono::duration_cast<std::chrono::seconds>(wait + std::chrono::milliseconds(999))
             .count());
  auto r = http::Problem(429, "rate-limited",
                         "too many requests; try again in " + std::to_string(seconds) + " s");
  r.Header("Retry-After", std::to_string(seconds));
  return r;
}

void RegisterPublicSubscriberRoutes(http::Router& router, AdminDeps& admin,
                                    SubscriberApiDeps& deps) {
  const std::string all = "/api/v2/subscribers.json";
  const std::string one = "/api/v2/subscribers/{}.json";
  router.Add(Method::kPost, all,
             [&admin, &deps](http::Request& req) { return Subscribe(admin, deps, req); },
             {true, all});
  router.Add(Method::kDelete, one,
             [&admin, &deps](http::Request& req) { return Unsubscribe(admin, deps, req); },
             {true, one});
  router.Add(Method::kOptions, all, Preflight, {false, all});
  router.Add(Method::kOptions, one, Preflight, {false, one});
}

}  // namespace phare::api
