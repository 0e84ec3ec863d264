#include "web/my_services.h"

#include "comms/reader.h"
#include "web/templates.h"
#include "web/view.h"

namespace phare::web {
namespace {

std::string_view StateLabel(const service::MyResource& r) {
  if (r.restored) return "Back in service";
  if (r.state == "down") return "Down";
  if (r.state == "degraded") return "Degraded";
  if (r.state == "at_risk") return "Working, without redundancy";
  return "Working";
}

Data ResourcesData(const std::vector<service::MyResource>& resources) {
  Data list{Data::type::list};
  for (const auto& r : resources) {
    Data item;
    item.set("id", r.id);
    item.set("product", r.product);
    item.set("site", r.site);
    item.set("state", r.restored ? std::string("up") : r.state);
    item.set("state_label", std::string(StateLabel(r)));
    list.push_back(item);
  }
  return list;
}

// Times for the page's readers (the page is in English, like its template).
class Times {
 public:
  Times(const base::Zone& zone, base::Time now) : now_(now) {
    if (auto reader = comms::Reader::Create("en", zone); reader.ok()) {
      reader_.emplace(std::move(reader).value());
    }
  }
  std::string When(base::Time t) const {
    return reader_ ? reader_->times().Format(t, now_) : base::FormatUtc(t);
  }
  std::string Zone() const { return reader_ ? reader_->times().ZoneLabel(now_) : "UTC"; }
  std::string Status(model::IncidentStatus s) const {
    return reader_ ? StatusLabel(*reader_, s) : std::string(model::ToString(s));
  }

 private:
  std::optional<comms::Reader> reader_;
  base::Time now_;
};

Data IncidentData(const service::MyServices& v, const Times& times, const service::MyIncident& i) {
  Data d;
  d.set("id", i.id);
  d.set("name", i.name);
  d.set("link", v.page.url + "/incidents/" + i.id);
  d.set("status_label", times.Status(i.status));
  d.set("started", times.When(i.started_at));
  if (i.estimate) {
    Data e;
    e.set("p10", times.When(i.estimate->p10));
    e.set("p50", times.When(i.estimate->p50));
    e.set("p90", times.When(i.estimate->p90));
    d.set("estimate", e);
  } else {
    d.set("estimate", false);
  }
  const size_t hit = i.resources.size();
  d.set("affected_text", std::to_string(hit) +
                             (hit == 1 ? " of your services is" : " of your services are") +
                             " affected; " + std::to_string(i.restored) + " back in service.");
  d.set("resources", ResourcesData(i.resources));
  return d;
}

std::string Summary(const service::MyServices& v) {
  if (v.incidents.empty()) return "Your services are not affected by any current incident.";
  size_t down = 0;
  for (const auto& i : v.incidents) {
    for (const auto& r : i.resources) down += !r.restored && r.state != "at_risk";
  }
  if (down == 0) return "An incident touched your services; they are working again.";
  return std::to_string(down) + (down == 1 ? " of your services is" : " of your services are") +
         " affected by a current incident. We are on it.";
}

}  // namespace

std::string RenderMyServices(const service::MyServices& v, std::string_view json_path) {
  auto found = base::Zone::Find(v.page.time_zone);
  const Times times(found.ok() ? *found : base::Zone::Utc(), v.generated_at);
  Data d;
  d.set("title", v.page.name + ": your services");
  d.set("page_name", v.page.name);
  d.set("page_url", v.page.url);
  d.set("customer", v.customer_id);
  d.set("summary", Summary(v));
  d.set("hit", !v.incidents.empty());
  Data incidents{Data::type::list};
  for (const auto& i : v.incidents) incidents.push_back(IncidentData(v, times, i));
  d.set("incidents", incidents);
  d.set("has_resources", !v.resources.empty());
  d.set("resources", ResourcesData(v.resources));
  d.set("truncated", v.truncated);
  d.set("shown", std::to_string(v.resources.size()));
  d.set("total", std::to_string(v.resources_total));
  d.set("zone_name", times.Zone());
  d.set("generated_at", times.When(v.generated_at));
  d.set("json_link", std::string(json_path));
  return RenderTemplate("my_services.mustache", d);
}

std::string RenderMyServicesNotFound() {
  return RenderTemplate("my_services_not_found.mustache", Data());
}

}  // namespace phare::web
