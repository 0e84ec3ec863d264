#include "eta/eval/incident_history.h"

#include <boost/json/array.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "base/json.h"
#include "eta/cause.h"

namespace phare::eta {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

std::string Truncate(std::string text) {
  if (text.size() > kMaxReplayTextBytes) text.resize(kMaxReplayTextBytes);
  return text;
}

// Reads a string field without a length limit error: long texts are truncated.
std::string Text(const object& o, std::string_view key) {
  const value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? Truncate(std::string(v->get_string())) : std::string();
}

base::Result<std::optional<base::Time>> OptionalTime(const object& o, std::string_view key,
                                                     const std::string& path) {
  base::JsonReader reader(o, path);
  std::optional<base::Time> t;
  PHARE_RETURN_IF_ERROR(reader.Time(key, t));
  return t;
}

base::Result<base::Time> RequiredTime(const object& o, std::string_view key,
                                      const std::string& path) {
  PHARE_ASSIGN_OR_RETURN(std::optional<base::Time> t, OptionalTime(o, key, path));
  if (!t) return base::InvalidArgument("missing", base::JoinField(path, key));
  return *t;
}

// The cloud provider's update statuses and severities.
model::Impact CloudImpact(std::string_view status) {
  if (status == "SERVICE_OUTAGE" || status == "high") return model::Impact::kCritical;
  if (status == "SERVICE_INFORMATION" || status == "low") return model::Impact::kMinor;
  return model::Impact::kMajor;
}

std::string CloudCause(const object& o) {
  std::string cause = DeriveCause(Text(o, "external_desc") + " " + Text(o, "service_name"));
  if (cause != "other") return cause;
  std::string products;
  if (const value* v = o.if_contains("affected_products"); v != nullptr && v->is_array()) {
    for (const value& p : v->get_array()) {
      if (p.is_object()) products += Text(p.get_object(), "title") + " ";
    }
  }
  return DeriveCause(products);
}

base::Result<ReplayIncident> ParseCloudIncident(const object& o, const std::string& path) {
  ReplayIncident inc;
  inc.id = Text(o, "id");
  inc.name = Text(o, "external_desc");
  inc.cause = CloudCause(o);
  std::string impact = Text(o, "status_impact");
  inc.impact = CloudImpact(impact.empty() ? Text(o, "severity") : impact);
  PHARE_ASSIGN_OR_RETURN(inc.started_at, RequiredTime(o, "begin", path));
  PHARE_ASSIGN_OR_RETURN(inc.resolved_at, OptionalTime(o, "end", path));
  PHARE_ASSIGN_OR_RETURN(std::optional<base::Time> created, OptionalTime(o, "created", path));
  inc.known_at = created.value_or(inc.started_at);
  const value* updates = o.if_contains("updates");
  if (updates == nullptr || !updates->is_array()) return inc;
  if (updates->get_array().size() > kMaxReplayUpdates) {
    return base::Status(base::Code::kResourceExhausted, "too many updates", path + ".updates");
  }
  for (size_t i = 0; i < updates->get_array().size(); ++i) {
    const value& u = updates->get_array()[i];
    std::string upath = fmt::format("{}.updates[{}]", path, i);
    if (!u.is_object()) return base::InvalidArgument("expected an object", upath);
    ReplayUpdate update;
    PHARE_ASSIGN_OR_RETURN(std::optional<base::Time> when,
                           OptionalTime(u.get_object(), "when", upath));
    if (!when) {
      PHARE_ASSIGN_OR_RETURN(when, OptionalTime(u.get_object(), "created", upath));
    }
    if (!when) return base::InvalidArgument("missing", upath + ".when");
    update.at = *when;
    std::string status = Text(u.get_object(), "status");
    update.closes = status == "AVAILABLE";
    update.impact = CloudImpact(status);
    update.text = Text(u.get_object(), "text");
    inc.updates.push_back(std::move(update));
  }
  return inc;
}

// phare's extension on a Statuspage update: {"phare": {"next_update_at", "estimate"}}.
base::Status ReadPhareUpdate(const object& u, const std::string& path, ReplayUpdate& update) {
  const value* ext = u.if_contains("phare");
  if (ext == nullptr || !ext->is_object()) return base::Status::Ok();
  PHARE_ASSIGN_OR_RETURN(update.next_update_at,
                         OptionalTime(ext->get_object(), "next_update_at", path + ".phare"));
  const value* est = ext->get_object().if_contains("estimate");
  if (est == nullptr || !est->is_object() || Text(est->get_object(), "source") != "operator") {
    return base::Status::Ok();
  }
  std::string epath = path + ".phare.estimate";
  PHARE_ASSIGN_OR_RETURN(std::optional<base::Time> p10,
                         OptionalTime(est->get_object(), "p10", epath));
  PHARE_ASSIGN_OR_RETURN(base::Time p90, RequiredTime(est->get_object(), "p90", epath));
  update.operator_eta = OperatorEstimate{"", update.at, p10, p90};
  return base::Status::Ok();
}

base::Result<ReplayIncident> ParseStatuspageIncident(const object& o, const std::string& path) {
  ReplayIncident inc;
  inc.id = Text(o, "id");
  inc.name = Text(o, "name");
  std::string components;
  if (const value* v = o.if_contains("components"); v != nullptr && v->is_array()) {
    for (const value& c : v->get_array()) {
      if (c.is_object()) components += " " + Text(c.get_object(), "name");
    }
  }
  std::string cause;
  if (const value* ext = o.if_contains("phare"); ext != nullptr && ext->is_object()) {
    cause = Text(ext->get_object(), "cause");
  }
  inc.cause = NormalizeCause(cause, inc.name + components);
  inc.impact = model::ParseImpact(Text(o, "impact")).value_or(model::Impact::kMajor);
  if (inc.impact == model::Impact::kNone) inc.impact = model::Impact::kMinor;
  PHARE_ASSIGN_OR_RETURN(base::Time created, RequiredTime(o, "created_at", path));
  PHARE_ASSIGN_OR_RETURN(std::optional<base::Time> started, OptionalTime(o, "started_at", path));
  inc.started_at = std::min(started.value_or(created), created);
  inc.known_at = created;
  PHARE_ASSIGN_OR_RETURN(inc.resolved_at, OptionalTime(o, "resolved_at", path));
  const value* updates = o.if_contains("incident_updates");
  if (updates == nullptr || !updates->is_array()) return inc;
  if (updates->get_array().size() > kMaxReplayUpdates) {
    return base::Status(base::Code::kResourceExhausted, "too many updates",
                        path + ".incident_updates");
  }
  for (size_t i = 0; i < updates->get_array().size(); ++i) {
    const value& u = updates->get_array()[i];
    std::string upath = fmt::format("{}.incident_updates[{}]", path, i);
    if (!u.is_object()) return base::InvalidArgument("expected an object", upath);
    ReplayUpdate update;
    PHARE_ASSIGN_OR_RETURN(std::optional<base::Time> at,
                           OptionalTime(u.get_object(), "display_at", upath));
    if (!at) {
      PHARE_ASSIGN_OR_RETURN(at, OptionalTime(u.get_object(), "created_at", upath));
    }
    if (!at) return base::InvalidArgument("missing", upath + ".created_at");
    update.at = *at;
    auto status = model::ParseIncidentStatus(Text(u.get_object(), "status"));
    update.closes = status && model::IsClosed(*status);
    update.impact = inc.impact;
    update.text = Text(u.get_object(), "body");
    PHARE_RETURN_IF_ERROR(ReadPhareUpdate(u.get_object(), upath, update));
    if (update.closes && !inc.resolved_at) inc.resolved_at = update.at;
    inc.updates.push_back(std::move(update));
  }
  return inc;
}

base::Result<ReplayIncident> ParseOne(const value& v, const std::string& path) {
  if (!v.is_object()) return base::InvalidArgument("expected an incident object", path);
  const object& o = v.get_object();
  base::Result<ReplayIncident> inc =
      o.contains("begin") ? ParseCloudIncident(o, path) : ParseStatuspageIncident(o, path);
  if (!inc.ok()) return inc;
  std::sort(inc->updates.begin(), inc->updates.end(),
            [](const ReplayUpdate& a, const ReplayUpdate& b) { return a.at < b.at; });
  if (!inc->updates.empty()) inc->known_at = std::min(inc->known_at, inc->updates.front().at);
  if (inc->id.empty()) inc->id = path;
  return inc;
}

}  // namespace

base::Result<std::vector<ReplayIncident>> ParseIncidentHistory(std::string_view json,
                                                               std::string_view origin) {
  if (json.size() > kMaxHistoryFileBytes) {
    return base::Status(base::Code::kResourceExhausted,
                        fmt::format("{}: larger than {} bytes", origin, kMaxHistoryFileBytes));
  }
  auto doc = base::ParseJson(json, 64);
  if (!doc.ok())
    return base::InvalidArgument(fmt::format("{}: {}", origin, doc.status().message()));
  const array* list = doc->if_array();
  const value* single = nullptr;
  if (const object* o = doc->if_object()) {
    if (const value* v = o->if_contains("incidents"); v != nullptr && v->is_array()) {
      list = &v->get_array();
    } else if (const value* v = o->if_contains("incident"); v != nullptr && v->is_object()) {
      single = v;
    } else {
      single = &*doc;
    }
  }
  std::vector<ReplayIncident> out;
  if (single != nullptr) {
    PHARE_ASSIGN_OR_RETURN(ReplayIncident inc, ParseOne(*single, std::string(origin)));
    out.push_back(std::move(inc));
    return out;
  }
  if (list == nullptr) return base::InvalidArgument(fmt::format("{}: expected incidents", origin));
  if (list->size() > kMaxReplayIncidents) {
    return base::Status(base::Code::kResourceExhausted,
                        fmt::format("{}: too many incidents", origin));
  }
  for (size_t i = 0; i < list->size(); ++i) {
    PHARE_ASSIGN_OR_RETURN(ReplayIncident inc,
                           ParseOne((*list)[i], fmt::format("{}[{}]", origin, i)));
    out.push_back(std::move(inc));
  }
  return out;
}

base::Result<std::vector<ReplayIncident>> LoadIncidentHistory(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return base::IoError(fmt::format("{}: {}", path, ec.message()));
  if (size > kMaxHistoryFileBytes) {
    return base::Status(base::Code::kResourceExhausted,
                        fmt::format("{}: larger than {} bytes", path, kMaxHistoryFileBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::IoError(fmt::format("{}: cannot open", path));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return base::IoError(fmt::format("{}: read failed", path));
  return ParseIncidentHistory(text.str(), path);
}

}  // namespace phare::eta
