#include "app/demo.h"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <atomic>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "api/input_parse.h"
#include "api/postmortem_json.h"
#include "app/demo_inventory.h"
#include "app/runtime.h"
#include "base/json.h"
#include "service/postmortems.h"
#include "service/tokens.h"

namespace phare::app {

std::string_view EmbeddedFile(std::string_view name);  // data/demo/*, generated

namespace {

// Simulated time: runs `speed` times faster than the system clock from a start
// instant, and can be pinned to an exact instant while a scripted event is applied
// so that its timestamps are the historical ones. Thread-safe.
class DemoClock final : public base::Clock {
 public:
  base::Time Now() const override {
    std::lock_guard lock(mu_);
    if (pinned_) return *pinned_;
    const auto real = base::SystemClock::Instance().Now() - real_start_;
    return origin_ +
           base::Duration(static_cast<int64_t>(static_cast<double>(real.count()) * speed_));
  }
  void Pin(base::Time t) {
    std::lock_guard lock(mu_);
    pinned_ = t;
  }
  void Run(base::Time from, double speed) {
    std::lock_guard lock(mu_);
    pinned_.reset();
    origin_ = from;
    speed_ = speed;
    real_start_ = base::SystemClock::Instance().Now();
  }
  void Unpin() {
    std::lock_guard lock(mu_);
    if (!pinned_) return;
    // Continue from where time was pinned if it got ahead of the running clock.
    const auto real = base::SystemClock::Instance().Now() - real_start_;
    const base::Time running =
        origin_ + base::Duration(static_cast<int64_t>(static_cast<double>(real.count()) * speed_));
    if (*pinned_ > running) {
      origin_ = *pinned_;
      real_start_ = base::SystemClock::Instance().Now();
    }
    pinned_.reset();
  }
  double speed() const {
    std::lock_guard lock(mu_);
    return speed_;
  }

 private:
  mutable std::mutex mu_;
  std::optional<base::Time> pinned_;
  base::Time origin_{};
  base::Time real_start_{};
  double speed_ = 1;
};

struct Event {
  base::Time t;
  std::string ref;
  boost::json::object incident;  // a create or an update, in the admin API's shape
  std::optional<model::ProgressSample> progress = std::nullopt;  // or a restoration sample
  std::optional<boost::json::object> postmortem = std::nullopt;  // or a post-mortem to save
};

struct Script {
  base::Time start;
  boost::json::array sites, products;
  std::vector<Event> events;
};

base::Result<Script> LoadScript() {
  PHARE_ASSIGN_OR_RETURN(auto root, base::ParseJson(EmbeddedFile("replay.json"), 64));
  Script s;
  const auto& o = root.as_object();
  PHARE_ASSIGN_OR_RETURN(s.start, base::ParseTime(std::string(o.at("start").as_string())));
  s.sites = o.at("sites").as_array();
  s.products = o.at("products").as_array();
  for (const auto& e : o.at("events").as_array()) {
    const auto& eo = e.as_object();
    PHARE_ASSIGN_OR_RETURN(auto t, base::ParseTime(std::string(eo.at("t").as_string())));
    Event event{t, std::string(eo.at("ref").as_string()), {}, std::nullopt};
    if (const auto* progress = eo.if_contains("progress")) {
      PHARE_ASSIGN_OR_RETURN(event.progress, api::ParseProgress(progress->as_object()));
      event.progress->at = t;
    } else if (const auto* postmortem = eo.if_contains("postmortem")) {
      event.postmortem = postmortem->as_object();
    } else {
      event.incident = eo.at("incident").as_object();
    }
    s.events.push_back(std::move(event));
  }
  return s;
}

// The names in other languages under `key` of a site or product of the script.
model::LocalizedNames Names(const boost::json::value& item, std::string_view key) {
  model::LocalizedNames out;
  if (const auto* names = item.as_object().if_contains(key)) {
    for (const auto& [language, text] : names->as_object()) {
      out.push_back({std::string(language), std::string(text.as_string())});
    }
  }
  return out;
}

// "Serveurs dédiés — Strasbourg": the product's name and the site's city per language.
model::LocalizedNames ComponentNames(const boost::json::value& product,
                                     const boost::json::value& site) {
  model::LocalizedNames out;
  const model::LocalizedNames cities = Names(site, "cities");
  const std::string city(site.at("city").as_string());
  for (const auto& n : Names(product, "names")) {
    out.push_back({n.language, n.text + " — " + model::NameIn(cities, n.language, city)});
  }
  return out;
}

class Demo {
 public:
  Demo(Runtime& rt, DemoClock& clock, Script script)
      : rt_(rt), clock_(clock), script_(std::move(script)) {}

  base::Status Seed();
  base::Status Apply(const Event& e);
  base::Status ApplyPostmortem(const Event& e);
  void Replay(size_t from, const std::atomic<bool>& stop);
  const Script& script() const { return script_; }
  const std::string& example_link() const { return inventory_.example_link; }

 private:
  base::Result<std::vector<std::string>> Resolve(std::string_view ref) const;
  base::Status Translate(boost::json::object& incident) const;

  Runtime& rt_;
  DemoClock& clock_;
  Script script_;
  std::map<std::string, std::string> components_;  // "sbg/vps" -> id
  std::map<std::string, std::string> incidents_;   // ref -> id
  DemoInventorySetup inventory_;                   // the infrastructure and its node reports
  model::Actor actor_{"demo"};
};

base::Status Demo::Seed() {
  auto existing = rt_.components().List();
  if (!existing.ok()) return existing.status();
  if (!existing->empty()) {
    return {base::Code::kFailedPrecondition,
            "the demo needs a fresh database, and '" + rt_.config().db_path +
                "' already has components; remove it or choose another --db"};
  }
  for (const auto& site : script_.sites) {
    service::GroupInput group;
    group.name = std::string(site.at("name").as_string());
    group.names = Names(site, "names");
    PHARE_ASSIGN_OR_RETURN(auto g, rt_.components().CreateGroup(actor_, group));
    std::vector<std::string> children;
    for (const auto& product : script_.products) {
      service::ComponentInput in;
      in.name = std::string(product.at("name").as_string()) + " — " +
                std::string(site.at("city").as_string());
      in.names = ComponentNames(product, site);
      in.description =
          std::optional<std::string>(std::string(product.at("description").as_string()));
      in.descriptions = Names(product, "descriptions");
      in.group_id = std::optional<std::string>(g.id);
      in.product = std::string(product.at("code").as_string());
      in.location = std::string(site.at("city").as_string());
      PHARE_ASSIGN_OR_RETURN(auto c, rt_.components().Create(actor_, in));
      components_[std::string(site.at("key").as_string()) + "/" +
                  std::string(product.at("key").as_string())] = c.id;
    }
  }
  PHARE_ASSIGN_OR_RETURN(inventory_, SetUpDemoInventory(rt_, components_));
  MergeNodeUpdates(inventory_.updates, script_.events);
  return base::Status::Ok();
}

base::Result<std::vector<std::string>> Demo::Resolve(std::string_view ref) const {
  std::vector<std::string> ids;
  const auto slash = ref.find('/');
  const std::string site(ref.substr(0, slash));
  if (slash != std::string_view::npos && ref.substr(slash + 1) == "*") {
    for (const auto& [key, id] : components_) {
      if (key.rfind(site + "/", 0) == 0) ids.push_back(id);
    }
  } else if (auto it = components_.find(std::string(ref)); it != components_.end()) {
    ids.push_back(it->second);
  }
  if (ids.empty())
    return base::Internal("demo script names unknown component '" + std::string(ref) + "'");
  return ids;
}

// Replaces "site/product" references with component ids.
base::Status Demo::Translate(boost::json::object& incident) const {
  if (auto* map = incident.if_contains("components")) {
    boost::json::object ids;
    for (const auto& [ref, status] : map->as_object()) {
      PHARE_ASSIGN_OR_RETURN(auto resolved, Resolve(ref));
      for (const auto& id : resolved) ids[id] = status;
    }
    *map = std::move(ids);
  }
  if (auto* list = incident.if_contains("component_ids")) {
    boost::json::array ids;
    for (const auto& ref : list->as_array()) {
      PHARE_ASSIGN_OR_RETURN(auto resolved, Resolve(ref.as_string()));
      for (const auto& id : resolved) ids.emplace_back(id);
    }
    *list = std::move(ids);
  }
  return base::Status::Ok();
}

// Saves the post-mortem the event describes (drafting its bodies) and publishes it when
// the event says so.
base::Status Demo::ApplyPostmortem(const Event& e) {
  auto it = incidents_.find(e.ref);
  if (it == incidents_.end()) return base::Internal("demo post-mortem before its incident");
  PHARE_ASSIGN_OR_RETURN(auto in, api::ParsePostmortemInput(*e.postmortem));
  service::PostmortemService postmortems(rt_.ctx(), rt_.incidents(), &rt_.inventory());
  clock_.Pin(e.t);
  auto saved = postmortems.Save(actor_, it->second, in);
  const auto* publish = e.postmortem->if_contains("publish");
  if (saved.ok() && publish && publish->is_bool() && publish->get_bool()) {
    saved = postmortems.Publish(actor_, it->second);
  }
  clock_.Unpin();
  if (!saved.ok()) return saved.status();
  spdlog::info("demo: {} post-mortem of {} {}", base::FormatUtc(e.t), e.ref,
               saved->published_at ? "published" : "saved");
  return base::Status::Ok();
}

base::Status Demo::Apply(const Event& e) {
  if (e.postmortem) return ApplyPostmortem(e);
  if (e.progress) {
    auto it = incidents_.find(e.ref);
    if (it == incidents_.end()) return base::Internal("demo progress before its incident");
    clock_.Pin(e.t);
    auto result = rt_.incidents().AddProgress(actor_, it->second, *e.progress);
    clock_.Unpin();
    if (!result.ok()) return result.status();
    spdlog::info("demo: {} {}: {} of {} restored", base::FormatUtc(e.t), result->name,
                 e.progress->restored, e.progress->total);
    return base::Status::Ok();
  }
  boost::json::object incident = e.incident;
  PHARE_RETURN_IF_ERROR(Translate(incident));
  PHARE_ASSIGN_OR_RETURN(auto in, api::ParseIncidentInput(incident));
  clock_.Pin(e.t);
  auto it = incidents_.find(e.ref);
  base::Result<model::Incident> result = it == incidents_.end()
                                             ? rt_.incidents().Create(actor_, in)
                                             : rt_.incidents().Update(actor_, it->second, in);
  clock_.Unpin();
  if (!result.ok()) return result.status();
  incidents_[e.ref] = result->id;
  spdlog::info("demo: {} {} ({})", base::FormatUtc(e.t), result->name,
               model::ToString(result->status));
  return base::Status::Ok();
}

void Demo::Replay(size_t from, const std::atomic<bool>& stop) {
  for (size_t i = from; i < script_.events.size() && !stop; ++i) {
    const Event& e = script_.events[i];
    while (!stop && clock_.Now() < e.t) {
      const auto wait_sim = e.t - clock_.Now();
      const auto wait_real = std::chrono::milliseconds(
          static_cast<int64_t>(static_cast<double>(wait_sim.count()) / clock_.speed()));
      std::this_thread::sleep_for(
          std::clamp(wait_real, std::chrono::milliseconds(1), std::chrono::milliseconds(200)));
    }
    if (stop) break;
    if (auto status = Apply(e); !status.ok()) {
      spdlog::error("demo: event at {} failed: {}", base::FormatUtc(e.t), status.ToString());
    }
  }
  if (!stop) spdlog::info("demo: replay complete; the page keeps serving");
}

}  // namespace

base::Status RunDemo(const base::Config& config, const DemoOptions& options) {
  PHARE_ASSIGN_OR_RETURN(auto script, LoadScript());
  base::Time start = script.start;
  if (!options.start.empty()) {
    PHARE_ASSIGN_OR_RETURN(start, base::ParseTime(options.start));
  }
  DemoClock clock;
  clock.Pin(script.events.front().t - std::chrono::hours(24 * 7));
  PHARE_ASSIGN_OR_RETURN(auto rt, Runtime::Open(config, clock));
  Demo demo(*rt, clock, std::move(script));
  PHARE_RETURN_IF_ERROR(demo.Seed());
  PHARE_ASSIGN_OR_RETURN(auto token, service::CreateToken(rt->ctx(), model::Actor{"demo"}, "demo",
                                                          {model::Scope::kAdmin}));
  size_t next = 0;
  const auto& events = demo.script().events;
  while (next < events.size() && events[next].t <= start) {
    PHARE_RETURN_IF_ERROR(demo.Apply(events[next++]));
  }
  clock.Run(start, options.speed);

  std::atomic<bool> stop{false};
  std::thread replay;
  auto status = rt->Serve([&](uint16_t port) {
    std::cout << "phare demo: serving " << rt->page().url << "/ (port " << port << ")\n"
              << "phare demo: replaying from " << base::FormatUtc(start) << " at " << options.speed
              << "x; admin API token: " << token.secret << "\n"
              << "phare demo: one customer's own view: " << demo.example_link() << "\n"
              << std::flush;
    replay = std::thread([&demo, &stop, next] { demo.Replay(next, stop); });
  });
  stop = true;
  if (replay.joinable()) replay.join();
  return status;
}

}  // namespace phare::app
