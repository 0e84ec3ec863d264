#include "api/node_input.h"

#include "base/json.h"
#include "service/inventory.h"

namespace phare::api {
namespace {

constexpr size_t kMaxNodeIdBytes = 128;

base::Status ParseItem(const boost::json::value& item, const std::string& path,
                       model::NodeReport& report) {
  if (item.is_string()) {
    report.node_id = std::string(item.get_string());
    report.condition = model::NodeCondition::kDown;
  } else if (item.is_object()) {
    base::JsonReader r(item.get_object(), path);
    std::optional<std::string> id, state;
    PHARE_RETURN_IF_ERROR(r.String("id", id, kMaxNodeIdBytes));
    PHARE_RETURN_IF_ERROR(r.String("state", state, 16));
    if (!id) return base::InvalidArgument("is required", path + ".id");
    report.node_id = *id;
    const auto condition = model::ParseNodeCondition(state.value_or("down"));
    if (!condition) {
      return base::InvalidArgument("'" + *state + "' is not one of down, degraded, restored",
                                   path + ".state");
    }
    report.condition = *condition;
  } else {
    return base::InvalidArgument("must be a node id or an object with id and state", path);
  }
  if (report.node_id.empty() || report.node_id.size() > kMaxNodeIdBytes) {
    return base::InvalidArgument("must be 1 to 128 bytes", path + ".id");
  }
  return base::Status::Ok();
}

}  // namespace

base::Status ParseNodeReports(const boost::json::value* value, const std::string& field,
                              std::vector<model::NodeReport>& out) {
  if (!value || value->is_null()) return base::Status::Ok();
  if (!value->is_array()) return base::InvalidArgument("must be an array", field);
  const auto& array = value->get_array();
  if (array.size() > service::kMaxNodeReports) {
    return base::InvalidArgument(
        "has more than " + std::to_string(service::kMaxNodeReports) + " nodes", field);
  }
  out.reserve(out.size() + array.size());
  for (size_t i = 0; i < array.size(); ++i) {
    model::NodeReport report;
    PHARE_RETURN_IF_ERROR(ParseItem(array[i], field + "[" + std::to_string(i) + "]", report));
    out.push_back(std::move(report));
  }
  return base::Status::Ok();
}

}  // namespace phare::api
