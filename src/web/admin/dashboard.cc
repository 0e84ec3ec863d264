// The dashboard: open incidents with the promised next update (and how late it is), what
// they hit, the current estimate; the last notification's progress; components at a
// glance; upcoming maintenance. console.js re-asks every two seconds with the page's
// ETag and swaps <main> when it changed.
#include <algorithm>

#include "base/crypto.h"
#include "comms/catalog.h"
#include "http/resource.h"
#include "web/admin/handlers.h"
#include "web/admin/page.h"

namespace phare::web::admin {
namespace {

// A name from the page's catalogs ("status.component.major_outage"), in `language`.
std::string Named(const std::string& language, const std::string& key) {
  const comms::Catalog* catalog = comms::Catalogs::Builtin().Find(language);
  if (!catalog) catalog = &comms::Catalogs::Builtin().Default();
  auto text = catalog->Format(key);
  return text.ok() ? *text : key;
}

Data NextUpdate(const ConsoleDeps& deps, const Words& w, const model::Incident& i, base::Time now) {
  Data d;
  if (!i.next_update_at) {
    d.set("text", w("dashboard.no_promise"));
    return d;
  }
  const auto left = std::chrono::duration_cast<std::chrono::minutes>(*i.next_update_at - now);
  const bool overdue = *i.next_update_at < now;
  d.set("overdue", overdue);
  d.set("at", ShowTime(deps, *i.next_update_at));
  d.set("datetime", base::FormatUtc(*i.next_update_at));
  d.set("due_ms", std::to_string(base::ToMillis(*i.next_update_at)));
  d.set("text", overdue ? w("dashboard.overdue", {{"minutes", std::to_string(-left.count())}})
                : left.count() == 0
                    ? w("dashboard.due_now")
                    : w("dashboard.due_in", {{"minutes", std::to_string(left.count())}}));
  d.set("label_in", w("dashboard.due_in", {{"minutes", std::string("{m}")}}));
  d.set("label_over", w("dashboard.overdue", {{"minutes", std::string("{m}")}}));
  d.set("label_now", w("dashboard.due_now"));
  return d;
}

Data IncidentCard(const ConsoleDeps& deps, const Words& w, const model::Incident& i,
                  base::Time now) {
  const std::string& lang = w.language();
  Data d;
  d.set("id", i.id);
  d.set("name", i.name);
  d.set("impact_class", std::string(model::ToString(i.impact)));
  d.set("status", Named(lang, "status.incident." + std::string(model::ToString(i.status))));
  d.set("impact", Named(lang, "impact." + std::string(model::ToString(i.impact))));
  d.set("started", ShowTime(deps, i.started_at));
  d.set("next", NextUpdate(deps, w, i, now));
  auto whole = std::find_if(i.estimates.begin(), i.estimates.end(),
                            [](const model::Estimate& e) { return e.scope.empty(); });
  d.set("estimate", whole == i.estimates.end()
                        ? w("dashboard.no_estimate")
                        : w("dashboard.estimate_value", {{"p10", ShowTime(deps, whole->p10)},
                                                         {"p50", ShowTime(deps, whole->p50)},
                                                         {"p90", ShowTime(deps, whole->p90)}}));
  if (const std::string hit = ImpactLine(w, i); !hit.empty()) d.set("hit", hit);
  return d;
}

Data Notifications(ConsoleDeps& deps, const Words& w) {
  Data d;
  auto stats = deps.subscribers.Stats(1);
  if (!stats.ok() || stats->jobs.empty()) {
    d.set("none", w("dashboard.no_notification"));
    return d;
  }
  const auto& job = stats->jobs.front();
  const int64_t percent = job.finished_at || job.last_subscriber <= 0
                              ? 100
                              : std::clamp<int64_t>(job.cursor * 100 / job.last_subscriber, 0, 100);
  d.set("fanout", w("dashboard.fanout", {{"queued", job.queued}, {"percent", percent}}));
  d.set("percent", std::to_string(percent));
  d.set("at", ShowTime(deps, job.created_at));
  using S = model::DeliveryState;
  d.set("deliveries", w("dashboard.deliveries", {{"delivered", stats->counts.Total(S::kDelivered)},
                                                 {"pending", stats->counts.Total(S::kPending) +
                                                                 stats->counts.Total(S::kLeased)},
                                                 {"dead", stats->counts.Total(S::kDead)}}));
  return d;
}

}  // namespace

std::string ShowTime(const ConsoleDeps& deps, base::Time t) {
  auto zone = base::Zone::Find(deps.time_zone);
  const base::Zone z = zone.ok() ? *zone : base::Zone::Utc();
  return z.Format(t, "%Y-%m-%d %H:%M") + " " + z.Abbreviation(t);
}

std::string ImpactLine(const Words& w, const model::Incident& i) {
  if (i.impact_counts.empty()) return {};
  const auto& t = i.impact_counts.front();
  return w("dashboard.hit_value", {{"affected", t.affected},
                                   {"hit", t.hit},
                                   {"customers", t.customers_affected},
                                   {"restored", t.restored}});
}

http::Response Dashboard(ConsoleDeps& deps, http::Request& req, const Visit& v) {
  const Words& w = v.words;
  const auto now = deps.ctx.clock.Now();
  store::IncidentQuery query;
  query.open_only = true;
  query.limit = 50;
  auto incidents = deps.incidents.List(query);
  auto components = deps.components.List();
  if (!incidents.ok() || !components.ok()) {
    const auto& status = incidents.ok() ? components.status() : incidents.status();
    return FailedPage(w, &v.who, status);
  }
  Data open = Data::type::list, upcoming = Data::type::list, comps = Data::type::list;
  for (const auto& i : *incidents) {
    if (i.status == model::IncidentStatus::kScheduled) {
      Data m;
      m.set("id", i.id);
      m.set("name", i.name);
      m.set("window", w("dashboard.window",
                        {{"from", ShowTime(deps, i.scheduled_for.value_or(i.started_at))},
                         {"until", i.scheduled_until ? ShowTime(deps, *i.scheduled_until) : ""}}));
      upcoming.push_back(m);
    } else {
      Data card = IncidentCard(deps, w, i, now);
      card.set("can_write", v.who.user.Allows(model::Role::kCommunicator));
      card.set("t_write", w("update.write"));
      card.set("can_operate", v.who.user.Allows(model::Role::kOperator));
      card.set("t_progress", w("progress.link"));
      open.push_back(card);
    }
  }
  for (const auto& c : *components) {
    if (c.group) continue;  // groups show through their members
    Data e;
    e.set("name", c.name);
    e.set("status_class", std::string(model::ToString(c.status)));
    e.set("status",
          Named(w.language(), "status.component." + std::string(model::ToString(c.status))));
    comps.push_back(e);
  }
  Data d;
  for (const char* key : {"title", "open_incidents", "none_open", "status", "impact", "started",
                          "next_update", "estimate", "hit", "notifications", "components",
                          "no_components", "maintenance", "no_maintenance", "view"}) {
    d.set(std::string("t_") + key, w(std::string("dashboard.") + key));
  }
  d.set("can_schedule", v.who.user.Allows(model::Role::kOperator));
  d.set("t_manage_maintenance", w("dashboard.manage_maintenance"));
  d.set("live_note", w("ui.live"));
  d.set("zone_note", w("ui.time_zone", {{"zone", deps.time_zone}}));
  d.set("open", open);
  d.set("any_open", !open.is_empty_list());
  d.set("upcoming", upcoming);
  d.set("any_upcoming", !upcoming.is_empty_list());
  d.set("components", comps);
  d.set("any_components", !comps.is_empty_list());
  d.set("notify", Notifications(deps, w));
  Chrome c;
  c.title = w("dashboard.title");
  c.content = RenderPart("dashboard.mustache", d);
  c.who = &v.who;
  c.active = "dashboard";
  c.live = "/admin";
  const std::string etag = "\"" + base::HexEncode(base::Blake2b256(c.content)).substr(0, 32) + "\"";
  c.etag = etag;
  if (http::EtagMatches(req.Header("If-None-Match"), etag)) {
    auto r = HtmlPage(304, "");
    r.Header("ETag", etag);
    return r;
  }
  auto r = HtmlPage(200, RenderLayout(w, c));
  r.Header("ETag", etag);
  return r;
}

}  // namespace phare::web::admin
