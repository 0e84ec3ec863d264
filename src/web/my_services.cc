#include "web/my_services.h"

#include <fmt/format.h>

#include "comms/eta_words.h"
#include "comms/reader.h"
#include "web/templates.h"
#include "web/view.h"

namespace phare::web {
namespace {

// The page's words and times for one reader.
class Words {
 public:
  const std::string& language() const { return reader_.language(); }
  Words(comms::Reader reader, base::Time now) : reader_(std::move(reader)), now_(now) {}
  std::string Say(std::string_view key, const comms::MessageArgs& args = {}) const {
    return reader_.Say("ui." + std::string(key), args);
  }
  std::string When(base::Time t) const { return web::When(reader_, t, now_); }
  std::string Zone() const { return reader_.times().ZoneLabel(now_); }
  std::string Status(model::IncidentStatus s) const { return StatusLabel(reader_, s); }
  base::Time now() const { return now_; }

 private:
  comms::Reader reader_;
  base::Time now_;
};

// Rendered per request at its time: a passed time is never shown as expected; an
// estimate that replaced a passed promise (or whose promise passed) says it is late.
std::string EstimateText(const Words& words, const model::Estimate& e) {
  const bool late = comms::IsLate(e, words.now());
  if (e.p10 > words.now()) {
    return words.Say(
        late ? "my_later" : "my_expected",
        {{"p10", words.When(e.p10)}, {"p50", words.When(e.p50)}, {"p90", words.When(e.p90)}});
  }
  if (e.p90 > words.now()) {
    return words.Say(late ? "my_later_by" : "my_expected_by", {{"time", words.When(e.p90)}});
  }
  return words.Say("my_later_no_time");
}

std::string StateLabel(const Words& words, const service::MyResource& r) {
  return words.Say("my_state", {{"state", r.restored ? std::string("restored") : r.state}});
}

// The label of `code` for this reader; the code itself when there is none.
const std::string& Label(const std::map<std::string, service::ReaderLabel, std::less<>>& labels,
                         const std::string& code, const std::string& language) {
  const auto it = labels.find(code);
  return it == labels.end() ? code : model::NameIn(it->second.names, language, it->second.text);
}

Data ResourcesData(const service::MyServices& v, const Words& words,
                   const std::vector<service::MyResource>& resources) {
  Data list{Data::type::list};
  for (const auto& r : resources) {
    Data item;
    item.set("id", r.id);
    item.set("product", Label(v.product_labels, r.product, words.language()));
    item.set("site", Label(v.site_labels, r.site, words.language()));
    item.set("state", r.restored ? std::string("up") : r.state);
    item.set("state_label", StateLabel(words, r));
    list.push_back(item);
  }
  return list;
}

Data IncidentData(const service::MyServices& v, const Words& words, const service::MyIncident& i) {
  Data d;
  d.set("id", i.id);
  d.set("name", model::NameIn(i.names, words.language(), i.name));
  d.set("link", v.page.url + "/incidents/" + i.id);
  d.set("status_since", words.Say("my_status_since", {{"status", words.Status(i.status)},
                                                      {"time", words.When(i.started_at)}}));
  d.set("has_estimate", i.estimate.has_value());
  if (i.estimate) d.set("estimate", EstimateText(words, *i.estimate));
  d.set("affected_text",
        words.Say("my_affected", {{"hit", static_cast<int64_t>(i.resources.size())},
                                  {"restored", static_cast<int64_t>(i.restored)}}));
  d.set("resources", ResourcesData(v, words, i.resources));
  return d;
}

std::string Summary(const Words& words, const service::MyServices& v) {
  if (v.incidents.empty()) return words.Say("my_none");
  int64_t down = 0;
  for (const auto& i : v.incidents) {
    for (const auto& r : i.resources) down += !r.restored && r.state != "at_risk";
  }
  if (down == 0) return words.Say("my_recovered");
  return words.Say("my_hit", {{"count", down}});
}

std::string Downtime(base::Duration d) {
  const int64_t minutes = std::chrono::duration_cast<std::chrono::minutes>(d).count();
  return fmt::format("{}h{:02}", minutes / 60, minutes % 60);
}

// The customer's credits statements: one per month, each resource with downtime.
Data CreditsData(const service::MyServices& v, const Words& words) {
  Data months{Data::type::list};
  for (const auto& report : v.credits) {
    Data m;
    const bool any = !report.customers.empty();
    m.set("any", any);
    m.set("heading", words.Say(!any              ? "my_credits_none"
                               : report.complete ? "my_credits_month"
                                                 : "my_credits_so_far",
                               {{"month", report.month}}));
    Data lines{Data::type::list};
    for (const auto& c : report.customers) {
      for (const auto& l : c.resources) {
        Data line;
        line.set("id", l.resource_id);
        line.set("product", Label(v.product_labels, l.product, words.language()));
        line.set("downtime", Downtime(l.credit.downtime));
        line.set("availability", fmt::format("{:.3f} %", l.credit.availability));
        line.set("credit", fmt::format("{:g} %", l.credit.credit));
        lines.push_back(line);
      }
    }
    m.set("lines", lines);
    months.push_back(m);
  }
  return months;
}

// The fixed labels of the page.
Data Labels(const Words& words) {
  Data l;
  for (const char* key :
       {"no_estimate", "all", "empty", "machine", "public", "credits", "credits_intro"}) {
    l.set(key, words.Say(std::string("my_") + key));
  }
  for (const char* column :
       {"yours", "service", "product", "site", "state", "downtime", "availability", "credit"}) {
    l.set(column, words.Say(std::string("my_column_") + column));
  }
  return l;
}

}  // namespace

std::string RenderMyServices(const service::MyServices& v, std::string_view json_path,
                             const Reading& reading) {
  auto zone = base::Zone::Find(reading.zone);
  if (!zone.ok()) zone = base::Zone::Find(v.page.time_zone);
  const base::Zone shown = zone.ok() ? *zone : base::Zone::Utc();
  auto reader = comms::Reader::Create(reading.language, shown);  // the default if not shipped
  if (!reader.ok()) return RenderMyServicesNotFound();  // ICU cannot set up: a broken build
  const std::string language = reader->language();
  const Words words(std::move(reader).value(), v.generated_at);
  Data d;
  d.set("lang", language);
  d.set("title", words.Say("my_title", {{"page", v.page.name}}));
  d.set("private_text", words.Say("my_private", {{"customer", v.customer_id}}));
  d.set("page_url", v.page.url);
  d.set("summary", Summary(words, v));
  d.set("hit", !v.incidents.empty());
  Data incidents{Data::type::list};
  for (const auto& i : v.incidents) incidents.push_back(IncidentData(v, words, i));
  d.set("incidents", incidents);
  d.set("has_resources", !v.resources.empty());
  d.set("resources", ResourcesData(v, words, v.resources));
  d.set("truncated", v.truncated);
  d.set("truncated_text",
        words.Say("my_truncated", {{"shown", static_cast<int64_t>(v.resources.size())},
                                   {"total", static_cast<int64_t>(v.resources_total)}}));
  d.set("footer",
        words.Say("my_footer", {{"zone", words.Zone()}, {"time", words.When(v.generated_at)}}));
  d.set("json_link", std::string(json_path));
  d.set("has_credits", !v.credits.empty());
  d.set("credits", CreditsData(v, words));
  d.set("l", Labels(words));
  return RenderTemplate("my_services.mustache", d);
}

std::string RenderMyServicesNotFound() {
  return RenderTemplate("my_services_not_found.mustache", Data());
}

}  // namespace phare::web
