// Fuzz target: the bodies of the admin and subscription APIs. The bytes are parsed as the
// server parses a request body (base::ParseJson, with its depth limit), then handed to
// every body parser of src/api under the key its route unwraps ({"incident": {...}},
// {"component": {...}}...) and as the object itself; the same bytes also go through the
// public subscription form parser (application/x-www-form-urlencoded).
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "api/input_parse.h"
#include "api/node_input.h"
#include "api/subscriber_json.h"
#include "base/json.h"

namespace {

namespace api = phare::api;

void ParseObject(const boost::json::object& o) {
  (void)api::ParseComponentInput(o);
  (void)api::ParseGroupInput(o);
  (void)api::ParseIncidentInput(o);
  (void)api::ParseUpdateEdit(o);
  (void)api::ParseProgress(o);
  (void)api::ParseDraftFacts(o, "draft");
  (void)api::ParseSubscribeInput(o);
  std::vector<phare::model::NodeReport> reports;
  (void)api::ParseNodeReports(o.if_contains("nodes"), "nodes", reports);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)api::ParseSubscribeForm(text);
  auto body = phare::base::ParseJson(text);
  if (!body.ok()) return 0;
  if (const auto* o = body->if_object()) ParseObject(*o);
  for (const char* key : {"component", "component_group", "incident", "incident_update", "draft",
                          "check", "progress", "subscriber"}) {
    auto inner = api::Wrapped(*body, key);
    if (inner.ok()) ParseObject(**inner);
  }
  std::vector<phare::model::NodeReport> reports;
  (void)api::ParseNodeReports(&*body, "nodes", reports);
  return 0;
}
