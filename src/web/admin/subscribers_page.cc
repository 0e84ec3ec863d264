// Subscribers and deliveries (admin only): deliveries counted by channel and state;
// subscribers found by part of their address (and channel, state), each with a remove
// button; dead letters, newest first, each with a retry button, and one to retry them
// all. Through SubscriberService like the admin API (GET /v1/.../subscribers?q=,
// DELETE .../subscribers/{id}, GET .../deliveries/stats and /dead, POST
// .../deliveries/retry and /{id}/retry); audited there.
#include "service/users.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

constexpr model::Channel kChannels[] = {model::Channel::kEmail, model::Channel::kSms,
                                        model::Channel::kWebhook, model::Channel::kChat};
constexpr size_t kShown = 50;  // subscribers found, dead letters listed
constexpr size_t kMaxSearchBytes = 200;

struct Search {
  std::string text, channel, state;
};

struct Outcome {
  std::string notice = {}, error = {};
  int status = 200;
};

Data Counts(const Words& w, const store::DeliveryCounts& counts) {
  Data rows = Data::type::list;
  for (auto channel : kChannels) {
    Data row;
    row.set("channel", w("subscribers.channel_" + std::string(model::ToString(channel))));
    Data cells = Data::type::list;
    for (size_t s = 0; s < model::kDeliveryStateCount; ++s) {
      cells.push_back(Data(std::to_string(counts.by_channel[static_cast<size_t>(channel)][s])));
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  return rows;
}

Data StateHeads(const Words& w) {
  Data list = Data::type::list;
  for (size_t s = 0; s < model::kDeliveryStateCount; ++s) {
    const auto state = static_cast<model::DeliveryState>(s);
    list.push_back(Data(w("subscribers.delivery_" + std::string(model::ToString(state)))));
  }
  return list;
}

Data Options(const Words& w, const std::string& prefix, const std::vector<std::string>& values,
             const std::string& chosen) {
  Data list = Data::type::list;
  for (const auto& value : values) {
    Data o;
    o.set("value", value);
    o.set("label", value.empty() ? w("subscribers.any") : w(prefix + value));
    o.set("selected", value == chosen);
    list.push_back(o);
  }
  return list;
}

base::Result<Data> Found(ConsoleDeps& deps, const Visit& v, const Search& s) {
  store::SubscriberQuery q;
  q.limit = kShown;
  q.address_contains = s.text.substr(0, kMaxSearchBytes);
  q.channel = model::ParseChannel(s.channel);
  q.state = model::ParseSubscriberState(s.state);
  PHARE_ASSIGN_OR_RETURN(auto list, deps.subscribers.List(q));
  Data rows = Data::type::list;
  for (const auto& sub : list) {
    Data row;
    row.set("id", sub.id);
    row.set("address", sub.address);
    row.set("channel", v.words("subscribers.channel_" + std::string(model::ToString(sub.channel))));
    row.set("state", v.words("subscribers.state_" + std::string(model::ToString(sub.state))));
    row.set("created", ShowTime(deps, sub.created_at));
    row.set("csrf", v.who.session.csrf);
    rows.push_back(row);
  }
  return rows;
}

base::Result<Data> Dead(ConsoleDeps& deps, const Visit& v) {
  PHARE_ASSIGN_OR_RETURN(auto list, deps.subscribers.DeadLetters(kShown));
  Data rows = Data::type::list;
  for (const auto& d : list) {
    Data row;
    row.set("id", std::to_string(d.id));
    row.set("at", ShowTime(deps, d.failed_at));
    row.set("channel", v.words("subscribers.channel_" + std::string(model::ToString(d.channel))));
    row.set("address", d.address.empty() ? v.words("subscribers.gone") : d.address);
    row.set("incident", d.incident_id);
    row.set("attempts", std::to_string(d.attempts));
    row.set("error", d.last_error);
    row.set("csrf", v.who.session.csrf);
    rows.push_back(row);
  }
  return rows;
}

http::Response Render(ConsoleDeps& deps, const Visit& v, const Search& s, const Outcome& o) {
  const Words& w = v.words;
  auto stats = deps.subscribers.Stats(1);
  auto found = Found(deps, v, s);
  auto dead = Dead(deps, v);
  if (!stats.ok() || !found.ok() || !dead.ok()) {
    return FailedPage(w, &v.who,
                      !stats.ok()   ? stats.status()
                      : !found.ok() ? found.status()
                                    : dead.status());
  }
  Data d;
  SetWords(d, w, "subscribers",
           {"address_col", "title",    "deliveries", "channel", "search", "address",   "state",
            "find",        "found",    "none_found", "created", "remove", "dead",      "none_dead",
            "at",          "incident", "attempts",   "error",   "retry",  "retry_all", "shown"});
  d.set("counts", Counts(w, stats->counts));
  d.set("state_heads", StateHeads(w));
  d.set("q", s.text);
  d.set("channels",
        Options(w, "subscribers.channel_", {"", "email", "sms", "webhook", "chat"}, s.channel));
  d.set("states",
        Options(w, "subscribers.state_", {"", "pending", "active", "quarantined"}, s.state));
  d.set("rows", *found);
  d.set("any_found", !found->is_empty_list());
  d.set("dead_rows", *dead);
  d.set("any_dead", !dead->is_empty_list());
  d.set("csrf", v.who.session.csrf);
  if (!o.notice.empty()) d.set("notice", o.notice);
  if (!o.error.empty()) d.set("error", o.error);
  return ShowScreen(v, w("subscribers.title"), "subscribers.mustache", d, "subscribers", o.status);
}

}  // namespace

http::Response SubscribersPage(ConsoleDeps& deps, http::Request& req, const Visit& v) {
  Search s{req.Query("q").value_or(""), req.Query("channel").value_or(""),
           req.Query("state").value_or("")};
  const auto done = req.Query("done").value_or("");
  Outcome o;
  if (done == "removed" || done == "retried") o.notice = v.words("subscribers.done_" + done);
  return Render(deps, v, s, o);
}

http::Response SubscriberRemove(ConsoleDeps& deps, const Visit& v) {
  auto removed = deps.subscribers.Delete(service::ActorOf(v.who.user), v.form.Get("id"));
  if (!removed.ok()) {
    return Render(deps, v, {}, {.error = Problem(removed), .status = StatusFor(removed)});
  }
  return SeeOther("/admin/subscribers?done=removed");
}

// `id` names one dead letter; "all" retries every one.
http::Response DeliveryRetry(ConsoleDeps& deps, const Visit& v) {
  const std::string id = v.form.Get("id");
  const auto actor = service::ActorOf(v.who.user);
  base::Status retried;
  if (id == "all") {
    retried = deps.subscribers.RetryDeadLetters(actor, std::nullopt).status();
  } else {
    const auto number = ReadInt(id);
    retried = number ? deps.subscribers.RetryDeadLetter(actor, *number)
                     : base::Status(base::Code::kNotFound, "no such dead letter", "id");
  }
  if (!retried.ok()) {
    return Render(deps, v, {}, {.error = Problem(retried), .status = StatusFor(retried)});
  }
  deps.wake();
  return SeeOther("/admin/subscribers?done=retried");
}

}  // namespace phare::web::admin
