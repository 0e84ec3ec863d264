// Reading a Statuspage export into a service::PageImport: the public v2 documents a page
// serves (summary.json, components.json, incidents.json, scheduled-maintenances.json, and
// their unresolved/upcoming/active subsets), the manage API's v1 lists (a bare array of
// incidents or of components), and the subscriber CSV (Statuspage's import template:
// "email,ADDRESS", "sms,NUMBER,COUNTRY", "webhook,URL,EMAIL"; or a file with a header
// row naming its columns: type/mode, email, phone_number, phone_country, endpoint,
// components).
//
// phare's own v2 documents read back whole: their "phare" extensions (names per language,
// bodies per audience and language, cause, estimates, impact counts) are read too, so
// exporting a phare page and importing it gives the same page.
//
// Documents are merged: an object seen twice (an incident in summary.json and in
// incidents.json) is kept as its most recently updated copy. Unknown fields are ignored;
// known ones of the wrong type or beyond limits are errors naming the field. Pure.
#pragma once

#include <boost/json/value.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "service/page_import.h"
#include "service/subscribers.h"

namespace phare::api {

class StatuspageReader {
 public:
  // `now`: what an estimate's promise becomes when the export shows it as passed.
  explicit StatuspageReader(base::Time now) : now_(now) {}

  // Adds one document; `source` names it in errors ("incidents.json").
  base::Status Add(const boost::json::value& document, std::string_view source);

  // What was read; incidents newest first.
  service::PageImport Take();

 private:
  base::Status AddComponents(const boost::json::array& list, const std::string& path);
  base::Status AddIncidents(const boost::json::array& list, const std::string& path);

  base::Time now_;
  service::PageImport import_;
  std::map<std::string, size_t, std::less<>> component_at_, incident_at_;
};

inline constexpr size_t kMaxImportedSubscribers = 1000000;

// Subscribers from a Statuspage subscriber CSV (see above), to be imported without a
// confirmation, and the line each came from (`lines`, when given). Errors name the line
// ("line 12: ..."); addresses are checked by the service (SubscriberService::Validate).
base::Result<std::vector<service::SubscribeInput>> ReadStatuspageSubscribers(
    std::string_view csv, std::vector<size_t>* lines = nullptr);

}  // namespace phare::api
