#include "api/impact_json.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace phare::api {
namespace {

boost::json::object Resources(const model::ImpactCount& c) {
  return {{"total", c.resources},  {"down", c.down},         {"degraded", c.degraded},
          {"at_risk", c.at_risk},  {"affected", c.affected}, {"hit", c.hit},
          {"restored", c.restored}};
}

boost::json::object Customers(const model::ImpactCount& c) {
  return {{"down", c.customers_down},
          {"degraded", c.customers_degraded},
          {"at_risk", c.customers_at_risk},
          {"affected", c.customers_affected}};
}

}  // namespace

boost::json::value ImpactJson(const std::vector<model::ImpactCount>& counts) {
  if (counts.empty()) return nullptr;
  boost::json::object out;
  boost::json::array products, sites;
  for (const auto& c : counts) {
    if (c.dimension == "total") {
      out["resources"] = Resources(c);
      out["customers"] = Customers(c);
    } else if (c.dimension == "product") {
      products.emplace_back(boost::json::object{
          {"product", c.key}, {"resources", Resources(c)}, {"customers", Customers(c)}});
    } else if (c.dimension == "site") {
      sites.emplace_back(boost::json::object{
          {"site", c.key}, {"resources", Resources(c)}, {"customers", Customers(c)}});
    }
  }
  out["by_product"] = std::move(products);
  out["by_site"] = std::move(sites);
  return out;
}

}  // namespace phare::api
