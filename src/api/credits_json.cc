#include "api/credits_json.h"

#include <fmt/format.h>
#include <boost/json/array.hpp>

#include <cmath>

#include "base/time.h"

namespace phare::api {
namespace {

double Seconds(base::Duration d) { return static_cast<double>(d.count()) / 1000.0; }

// Availability to 4 decimals (0.36 s in a 30-day month), without a trailing 99.99999999.
double Rounded(double percent) { return std::floor(percent * 10000.0) / 10000.0; }

boost::json::value Tier(int tier) {
  return tier < 0 ? boost::json::value(nullptr) : boost::json::value(tier + 1);
}

boost::json::object LineJson(const service::CreditLine& l) {
  return {{"id", l.resource_id},
          {"product", l.product},
          {"sla", l.sla},
          {"plan", l.plan.empty() ? boost::json::value(nullptr) : boost::json::value(l.plan)},
          {"downtime_seconds", Seconds(l.credit.downtime)},
          {"availability", Rounded(l.credit.availability)},
          {"tier", Tier(l.credit.tier)},
          {"credit", l.credit.credit}};
}

boost::json::object CustomerJson(const service::CustomerCredits& c) {
  boost::json::array resources;
  for (const auto& l : c.resources) resources.emplace_back(LineJson(l));
  return {{"customer", c.customer_id}, {"credited", c.credited}, {"resources", resources}};
}

boost::json::object Header(const service::CreditReport& r) {
  return {{"month", r.month},
          {"from", base::FormatUtc(r.span.begin)},
          {"until", base::FormatUtc(r.span.end)},
          {"as_of", base::FormatUtc(r.as_of)},
          {"complete", r.complete},
          {"maintenance_windows", r.maintenance_windows}};
}

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

boost::json::object CreditReportJson(const service::CreditReport& report) {
  boost::json::object out = Header(report);
  boost::json::array customers;
  for (const auto& c : report.customers) customers.emplace_back(CustomerJson(c));
  boost::json::array products;
  for (const auto& p : report.products) {
    boost::json::array by_credit;
    for (const auto& [credit, n] : p.by_credit) {
      by_credit.emplace_back(boost::json::object{{"credit", credit}, {"resources", n}});
    }
    products.emplace_back(boost::json::object{{"product", p.product},
                                              {"resources", p.resources},
                                              {"credited", p.credited},
                                              {"downtime_seconds", Seconds(p.downtime)},
                                              {"by_credit", by_credit}});
  }
  out["customers"] = std::move(customers);
  out["products"] = std::move(products);
  return out;
}

boost::json::object CustomerStatementJson(const service::CreditReport& report) {
  boost::json::object out = Header(report);
  if (report.customers.empty()) {
    out["credited"] = 0;
    out["resources"] = boost::json::array();
    return out;
  }
  for (auto& [key, value] : CustomerJson(report.customers.front())) {
    if (key != "customer") out[key] = std::move(value);
  }
  return out;
}

std::string CreditReportCsv(const service::CreditReport& report) {
  std::string out =
      "month,customer,resource,product,sla,plan,downtime_seconds,availability,tier,credit\n";
  for (const auto& c : report.customers) {
    for (const auto& l : c.resources) {
      out += fmt::format(
          "{},{},{},{},{},{},{},{},{},{}\n", report.month, CsvField(c.customer_id),
          CsvField(l.resource_id), CsvField(l.product), CsvField(l.sla), CsvField(l.plan),
          Seconds(l.credit.downtime), Rounded(l.credit.availability),
          l.credit.tier < 0 ? std::string() : std::to_string(l.credit.tier + 1), l.credit.credit);
    }
  }
  return out;
}

}  // namespace phare::api
