// /v1/pages/{page}/subscribers and /deliveries: subscribers and the outbox for operators.
#include <boost/json/array.hpp>

#include <charconv>

#include "api/admin_call.h"
#include "api/input_parse.h"
#include "api/subscriber_json.h"
#include "api/subscribers_api.h"
#include "http/problem.h"

namespace phare::api {

void RegisterPublicSubscriberRoutes(http::Router& router, AdminDeps& admin,
                                    SubscriberApiDeps& deps);

namespace {

using http::Method;
using model::Scope;

std::optional<model::Channel> ChannelParam(const http::Request& req, std::string_view name,
                                           bool& bad) {
  auto text = req.Query(name);
  if (!text) return std::nullopt;
  auto channel = model::ParseChannel(*text);
  bad = !channel;
  return channel;
}

boost::json::object Created(AdminCall& call, const service::SubscribeResult& r) {
  auto json = SubscriberJson(r.subscriber, call.zone, EndpointView::kFull);
  auto& phare = json["phare"].as_object();
  if (!r.secret.empty()) phare["secret"] = r.secret;
  phare["unsubscribe_url"] = call.page.url + "/unsubscribe/" + r.unsubscribe_token;
  phare["confirmation_sent"] = r.confirmation_queued;
  return json;
}

boost::json::object StatsJson(AdminCall& call, const service::DeliveryStats& stats) {
  boost::json::object channels;
  boost::json::object totals;
  for (size_t c = 0; c < stats.counts.by_channel.size(); ++c) {
    boost::json::object states;
    for (size_t s = 0; s < model::kDeliveryStateCount; ++s) {
      const auto state = static_cast<model::DeliveryState>(s);
      states[model::ToString(state)] = stats.counts.by_channel[c][s];
    }
    channels[model::ToString(static_cast<model::Channel>(c))] = std::move(states);
  }
  for (size_t s = 0; s < model::kDeliveryStateCount; ++s) {
    const auto state = static_cast<model::DeliveryState>(s);
    totals[model::ToString(state)] = stats.counts.Total(state);
  }
  boost::json::array jobs;
  for (const auto& j : stats.jobs) {
    boost::json::object o{{"id", j.id},
                          {"incident_id", j.incident_id},
                          {"incident_update_id", j.update_id},
                          {"event", store::ToString(j.event)},
                          {"created_at", call.zone.FormatRfc3339(j.created_at)},
                          {"queued", j.queued},
                          {"coalesced", j.coalesced},
                          {"subscribers_done", j.cursor},
                          {"subscribers_total", j.last_subscriber}};
    o["finished_at"] = j.finished_at ? boost::json::value(call.zone.FormatRfc3339(*j.finished_at))
                                     : boost::json::value(nullptr);
    jobs.push_back(std::move(o));
  }
  return {{"deliveries", std::move(channels)},
          {"totals", std::move(totals)},
          {"fanouts", std::move(jobs)}};
}

void RegisterAdmin(http::Router& router, AdminDeps& admin, SubscriberApiDeps& deps) {
  const std::string base = "/v1/pages/{}/subscribers";
  // Subscribers are personal data (addresses) and secrets (endpoint URLs): admin scope
  // to read them too.
  router.Add(Method::kGet, base,
             Admin(admin, Scope::kAdmin, Body::kNone,
                   [&deps](AdminCall& call) {
                     store::SubscriberQuery q;
                     q.limit = static_cast<size_t>(QueryInt(call.req, "limit", 100, 1, 1000));
                     q.after_key = QueryInt(call.req, "after", 0, 0, INT64_MAX);
                     q.address_contains = call.req.Query("q").value_or("").substr(0, 200);
                     bool bad = false;
                     q.channel = ChannelParam(call.req, "type", bad);
                     if (bad) {
                       return http::Problem(422, "invalid-field",
                                            "type must be email, sms, webhook or chat", "type");
                     }
                     if (auto state = call.req.Query("state")) {
                       q.state = model::ParseSubscriberState(*state);
                       if (!q.state) {
                         return http::Problem(422, "invalid-field",
                                              "state must be pending, active or quarantined",
                                              "state");
                       }
                     }
                     auto list = deps.subscribers.List(q);
                     if (!list.ok()) return http::ProblemFromStatus(list.status());
                     boost::json::array out;
                     for (const auto& s : *list) out.push_back(SubscriberJson(s, call.zone));
                     return Json(200, out);
                   }),
             {true, base});
  router.Add(Method::kPost, base,
             Admin(admin, Scope::kAdmin, Body::kJson,
                   [&deps](AdminCall& call) {
                     auto obj = Wrapped(call.body, "subscriber");
                     if (!obj.ok()) return http::ProblemFromStatus(obj.status());
                     auto in = ParseSubscribeInput(**obj);
                     if (!in.ok()) return http::ProblemFromStatus(in.status());
                     auto r = deps.subscribers.Subscribe(call.actor, *in,
                                                         service::SubscribeOrigin::kAdmin);
                     if (!r.ok()) return http::ProblemFromStatus(r.status());
                     deps.wake();
                     return Json(201, Created(call, *r));
                   }),
             {true, base});
  const std::string one = base + "/{}";
  router.Add(Method::kGet, one,
             Admin(admin, Scope::kAdmin, Body::kNone,
                   [&deps](AdminCall& call) {
                     auto s = deps.subscribers.Get(call.req.params[1]);
                     if (!s.ok()) return http::ProblemFromStatus(s.status());
                     return Json(200, SubscriberJson(*s, call.zone));
                   }),
             {true, one});
  router.Add(Method::kDelete, one,
             Admin(admin, Scope::kAdmin, Body::kNone,
                   [&deps](AdminCall& call) {
                     auto s = deps.subscribers.Get(call.req.params[1]);
                     if (!s.ok()) return http::ProblemFromStatus(s.status());
                     auto status = deps.subscribers.Delete(call.actor, s->id);
                     if (!status.ok()) return http::ProblemFromStatus(status);
                     return Json(200, SubscriberJson(*s, call.zone));
                   }),
             {true, one});
  const std::string stats = "/v1/pages/{}/deliveries/stats";
  router.Add(Method::kGet, stats,
             Admin(admin, Scope::kRead, Body::kNone,
                   [&deps](AdminCall& call) {
                     auto s = deps.subscribers.Stats(
                         static_cast<size_t>(QueryInt(call.req, "fanouts", 10, 1, 100)));
                     if (!s.ok()) return http::ProblemFromStatus(s.status());
                     return Json(200, StatsJson(call, *s));
                   }),
             {true, stats});
  const std::string retry = "/v1/pages/{}/deliveries/retry";
  router.Add(Method::kPost, retry,
             Admin(admin, Scope::kAdmin, Body::kOptionalJson,
                   [&deps](AdminCall& call) {
                     std::optional<model::Channel> channel;
                     if (call.body.is_object()) {
                       if (const auto* c = call.body.as_object().if_contains("channel");
                           c && !c->is_null()) {
                         channel =
                             c->is_string() ? model::ParseChannel(c->get_string()) : std::nullopt;
                         if (!channel) {
                           return http::Problem(422, "invalid-field",
                                                "must be email, sms, webhook or chat", "channel");
                         }
                       }
                     }
                     auto retried = deps.subscribers.RetryDeadLetters(call.actor, channel);
                     if (!retried.ok()) return http::ProblemFromStatus(retried.status());
                     deps.wake();
                     return Json(200, boost::json::object{{"retried", *retried}});
                   }),
             {true, retry});
}

// A delivery id of a path: digits only, else 0.
int64_t DeliveryId(std::string_view text) {
  int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  return error == std::errc() && end == text.data() + text.size() ? id : 0;
}

boost::json::object DeadLetterJson(AdminCall& call, const store::DeadLetter& d) {
  return {{"id", d.id},
          {"channel", model::ToString(d.channel)},
          {"subscriber_id", d.subscriber_id},
          // Webhook and chat URLs are secrets: listed redacted, as subscribers are.
          {"address", d.channel == model::Channel::kWebhook || d.channel == model::Channel::kChat
                          ? RedactEndpoint(d.address)
                          : d.address},
          {"incident_id", d.incident_id},
          {"attempts", d.attempts},
          {"failed_at", call.zone.FormatRfc3339(d.failed_at)},
          {"last_error", d.last_error}};
}

// GET .../deliveries/dead (newest first) and POST .../deliveries/{id}/retry.
void RegisterDeadLetters(http::Router& router, AdminDeps& admin, SubscriberApiDeps& deps) {
  const std::string dead = "/v1/pages/{}/deliveries/dead";
  // Dead letters name their subscribers (personal data): admin scope, as subscribers.
  router.Add(Method::kGet, dead,
             Admin(admin, Scope::kAdmin, Body::kNone,
                   [&deps](AdminCall& call) {
                     auto list = deps.subscribers.DeadLetters(
                         static_cast<size_t>(QueryInt(call.req, "limit", 100, 1, 1000)));
                     if (!list.ok()) return http::ProblemFromStatus(list.status());
                     boost::json::array out;
                     for (const auto& d : *list) out.push_back(DeadLetterJson(call, d));
                     return Json(200, out);
                   }),
             {true, dead});
  const std::string retry_one = "/v1/pages/{}/deliveries/{}/retry";
  router.Add(Method::kPost, retry_one,
             Admin(admin, Scope::kAdmin, Body::kNone,
                   [&deps](AdminCall& call) {
                     const int64_t id = DeliveryId(call.req.params[1]);
                     auto status = id > 0 ? deps.subscribers.RetryDeadLetter(call.actor, id)
                                          : base::NotFound("no such delivery");
                     if (!status.ok()) return http::ProblemFromStatus(status);
                     deps.wake();
                     return Json(200, boost::json::object{{"retried", id}});
                   }),
             {true, retry_one});
}

}  // namespace

void RegisterSubscriberRoutes(http::Router& router, AdminDeps& admin, SubscriberApiDeps& deps) {
  RegisterPublicSubscriberRoutes(router, admin, deps);
  RegisterAdmin(router, admin, deps);
  RegisterDeadLetters(router, admin, deps);
}

}  // namespace phare::api
