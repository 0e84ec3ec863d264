#include "api/statuspage_import.h"

#include <algorithm>

#include "api/input_parse.h"
#include "base/json.h"

namespace phare::api {
namespace {

using base::JsonReader;

// A field that must be there.
template <class T>
base::Result<T> Required(const std::optional<T>& value, const JsonReader& r, std::string_view key) {
  if (!value) return base::InvalidArgument("is required", r.FieldName(key));
  return *value;
}

base::Result<const boost::json::array*> ArrayAt(const boost::json::object& o, std::string_view key,
                                                const std::string& path) {
  const auto* value = o.if_contains(key);
  if (!value || value->is_null()) return nullptr;
  if (!value->is_array()) return base::InvalidArgument("must be an array", path);
  return &value->get_array();
}

const boost::json::object* PhareOf(const boost::json::object& o) {
  const auto* value = o.if_contains("phare");
  return value && value->is_object() ? &value->get_object() : nullptr;
}

base::Result<model::Component> ReadComponent(const boost::json::object& o, const std::string& path,
                                             base::Time now) {
  JsonReader r(o, path);
  model::Component c;
  std::optional<std::string> id, name, product, location;
  std::optional<std::optional<std::string>> description, start_date, group_id;
  std::optional<model::ComponentStatus> status;
  std::optional<base::Time> created, updated;
  std::optional<int64_t> position;
  std::optional<bool> showcase, group, only_degraded;
  PHARE_RETURN_IF_ERROR(r.String("id", id, 64));
  PHARE_RETURN_IF_ERROR(r.String("name", name, model::kMaxComponentNameBytes));
  PHARE_RETURN_IF_ERROR(ParseComponentStatus(r, "status", status));
  PHARE_RETURN_IF_ERROR(r.Time("created_at", created));
  PHARE_RETURN_IF_ERROR(r.Time("updated_at", updated));
  PHARE_RETURN_IF_ERROR(r.Int("position", position, 0, 1000000));
  PHARE_RETURN_IF_ERROR(r.NullableString("description", description, model::kMaxDescriptionBytes));
  PHARE_RETURN_IF_ERROR(r.NullableString("start_date", start_date, 10));
  PHARE_RETURN_IF_ERROR(r.NullableString("group_id", group_id, 64));
  PHARE_RETURN_IF_ERROR(r.Bool("showcase", showcase));
  PHARE_RETURN_IF_ERROR(r.Bool("group", group));
  PHARE_RETURN_IF_ERROR(r.Bool("only_show_if_degraded", only_degraded));
  PHARE_ASSIGN_OR_RETURN(c.id, Required(id, r, "id"));
  PHARE_ASSIGN_OR_RETURN(c.name, Required(name, r, "name"));
  c.status = status.value_or(model::ComponentStatus::kOperational);
  c.created_at = created.value_or(updated.value_or(now));
  c.updated_at = updated.value_or(c.created_at);
  c.position = static_cast<int32_t>(position.value_or(0));
  if (description) c.description = *description;
  if (start_date) c.start_date = *start_date;
  if (group_id) c.group_id = *group_id;
  c.showcase = showcase.value_or(true);
  // v1 component groups have no "group" field but list their children.
  c.group = group.value_or(o.contains("components") && !o.contains("status"));
  c.only_show_if_degraded = only_degraded.value_or(false);
  if (const auto* phare = PhareOf(o)) {
    JsonReader p(*phare, path + ".phare");
    PHARE_RETURN_IF_ERROR(p.String("product", product, 64));
    PHARE_RETURN_IF_ERROR(p.String("location", location, 200));
    c.product = product.value_or("");
    c.location = location.value_or("");
    std::optional<model::LocalizedNames> names, descriptions;
    PHARE_RETURN_IF_ERROR(ParseNames(phare, path + ".phare", model::kMaxComponentNameBytes, names));
    PHARE_RETURN_IF_ERROR(ParseNames(phare, path + ".phare", model::kMaxDescriptionBytes,
                                     descriptions, "descriptions"));
    if (names) c.names = std::move(*names);
    if (descriptions) c.descriptions = std::move(*descriptions);
    PHARE_RETURN_IF_ERROR(
        model::NormalizeNames(c.names, path + ".phare.names", model::kMaxComponentNameBytes));
    PHARE_RETURN_IF_ERROR(model::NormalizeNames(c.descriptions, path + ".phare.descriptions",
                                                model::kMaxDescriptionBytes));
  }
  return c;
}

base::Result<model::Estimate> ReadEstimate(const boost::json::object& o, const std::string& path,
                                           base::Time now) {
  JsonReader r(o, path);
  model::Estimate e;
  std::optional<std::string> scope, source, reason;
  std::optional<base::Time> p10, p50, p90, expected;
  std::optional<bool> late;
  PHARE_RETURN_IF_ERROR(r.String("scope", scope, 200));
  PHARE_RETURN_IF_ERROR(r.String("source", source, 32));
  PHARE_RETURN_IF_ERROR(r.String("reason", reason, 1000));
  PHARE_RETURN_IF_ERROR(r.Time("p10", p10));
  PHARE_RETURN_IF_ERROR(r.Time("p50", p50));
  PHARE_RETURN_IF_ERROR(r.Time("p90", p90));
  PHARE_RETURN_IF_ERROR(r.Time("expected_by", expected));
  PHARE_RETURN_IF_ERROR(r.Bool("late", late));
  PHARE_ASSIGN_OR_RETURN(e.p50, Required(p50, r, "p50"));
  e.p10 = p10.value_or(e.p50);
  e.p90 = p90.value_or(e.p50);
  e.scope = scope.value_or("");
  e.source = source.value_or("history");
  e.reason = reason.value_or("");
  // A promise shown as null had passed when the page was exported: it stays passed.
  e.expected_by = expected.value_or(std::min(now, e.p90));
  e.late = late.value_or(false) && expected.has_value();
  return e;
}

base::Result<std::vector<model::AffectedComponent>> ReadAffected(const boost::json::array& list,
                                                                 const std::string& path) {
  std::vector<model::AffectedComponent> out;
  if (list.size() > model::kMaxComponentsPerIncident) {
    return base::InvalidArgument("has too many items", path);
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string item = path + "[" + std::to_string(i) + "]";
    if (!list[i].is_object()) return base::InvalidArgument("must be an object", item);
    JsonReader r(list[i].get_object(), item);
    std::optional<std::string> code, name;
    std::optional<model::ComponentStatus> from, to;
    PHARE_RETURN_IF_ERROR(r.String("code", code, 64));
    PHARE_RETURN_IF_ERROR(r.String("name", name, model::kMaxComponentNameBytes));
    PHARE_RETURN_IF_ERROR(ParseComponentStatus(r, "old_status", from));
    PHARE_RETURN_IF_ERROR(ParseComponentStatus(r, "new_status", to));
    model::AffectedComponent a;
    PHARE_ASSIGN_OR_RETURN(a.code, Required(code, r, "code"));
    a.name = name.value_or("");
    PHARE_ASSIGN_OR_RETURN(a.new_status, Required(to, r, "new_status"));
    a.old_status = from.value_or(a.new_status);
    out.push_back(std::move(a));
  }
  return out;
}

base::Result<model::IncidentUpdate> ReadUpdate(const boost::json::object& o,
                                               const std::string& path, base::Time now) {
  JsonReader r(o, path);
  model::IncidentUpdate u;
  std::optional<std::string> id, status, body;
  std::optional<base::Time> created, updated, display;
  std::optional<bool> deliver;
  PHARE_RETURN_IF_ERROR(r.String("id", id, 64));
  PHARE_RETURN_IF_ERROR(r.String("status", status, 32));
  PHARE_RETURN_IF_ERROR(r.String("body", body, model::kMaxBodyBytes));
  PHARE_RETURN_IF_ERROR(r.Time("created_at", created));
  PHARE_RETURN_IF_ERROR(r.Time("updated_at", updated));
  PHARE_RETURN_IF_ERROR(r.Time("display_at", display));
  PHARE_RETURN_IF_ERROR(r.Bool("deliver_notifications", deliver));
  PHARE_ASSIGN_OR_RETURN(u.id, Required(id, r, "id"));
  PHARE_ASSIGN_OR_RETURN(auto status_text, Required(status, r, "status"));
  const auto parsed = model::ParseIncidentStatus(status_text);
  if (!parsed) return base::InvalidArgument("is not a Statuspage status", r.FieldName("status"));
  u.status = *parsed;
  u.body = body.value_or("");
  u.created_at = created.value_or(display.value_or(now));
  u.updated_at = updated.value_or(u.created_at);
  u.display_at = display.value_or(u.created_at);
  u.deliver_notifications = deliver.value_or(true);
  PHARE_ASSIGN_OR_RETURN(const auto* affected,
                         ArrayAt(o, "affected_components", r.FieldName("affected_components")));
  if (affected) {
    PHARE_ASSIGN_OR_RETURN(u.affected_components,
                           ReadAffected(*affected, r.FieldName("affected_components")));
  }
  if (const auto* phare = PhareOf(o)) {
    JsonReader p(*phare, path + ".phare");
    PHARE_ASSIGN_OR_RETURN(
        u.bodies, ParseLocalizedBodies(*phare, path + ".phare.bodies", model::kMaxBodiesPerUpdate));
    std::optional<base::Time> next;
    PHARE_RETURN_IF_ERROR(p.Time("next_update_at", next));
    u.next_update_at = next;
    const boost::json::object* estimate = nullptr;
    PHARE_RETURN_IF_ERROR(p.Object("estimate", estimate));
    if (estimate) {
      PHARE_ASSIGN_OR_RETURN(u.estimate, ReadEstimate(*estimate, path + ".phare.estimate", now));
    }
  }
  return u;
}

base::Status ReadCounts(const boost::json::object& o, const std::string& path,
                        model::ImpactCount& c) {
  const boost::json::object *resources = nullptr, *customers = nullptr;
  JsonReader r(o, path);
  PHARE_RETURN_IF_ERROR(r.Object("resources", resources));
  PHARE_RETURN_IF_ERROR(r.Object("customers", customers));
  auto read = [](const boost::json::object* from, const std::string& where,
                 std::initializer_list<std::pair<const char*, int64_t*>> fields) {
    if (!from) return base::Status::Ok();
    JsonReader f(*from, where);
    for (const auto& [key, out] : fields) {
      std::optional<int64_t> n;
      PHARE_RETURN_IF_ERROR(f.Int(key, n, 0, INT64_MAX));
      *out = n.value_or(0);
    }
    return base::Status::Ok();
  };
  PHARE_RETURN_IF_ERROR(read(resources, path + ".resources",
                             {{"total", &c.resources},
                              {"down", &c.down},
                              {"degraded", &c.degraded},
                              {"at_risk", &c.at_risk},
                              {"affected", &c.affected},
                              {"hit", &c.hit},
                              {"restored", &c.restored}}));
  return read(customers, path + ".customers",
              {{"down", &c.customers_down},
               {"degraded", &c.customers_degraded},
               {"at_risk", &c.customers_at_risk},
               {"affected", &c.customers_affected}});
}

// phare.impact: {"resources", "customers", "by_product": [...], "by_site": [...]}.
base::Result<std::vector<model::ImpactCount>> ReadImpact(const boost::json::object& o,
                                                         const std::string& path) {
  std::vector<model::ImpactCount> out;
  model::ImpactCount total;
  total.dimension = "total";
  PHARE_RETURN_IF_ERROR(ReadCounts(o, path, total));
  out.push_back(total);
  for (const auto& [list_key, dimension] :
       {std::pair{"by_product", "product"}, std::pair{"by_site", "site"}}) {
    PHARE_ASSIGN_OR_RETURN(const auto* list, ArrayAt(o, list_key, path + "." + list_key));
    if (!list) continue;
    if (list->size() > 10000) return base::InvalidArgument("has too many items", path);
    for (size_t i = 0; i < list->size(); ++i) {
      const std::string item = path + "." + list_key + "[" + std::to_string(i) + "]";
      if (!(*list)[i].is_object()) return base::InvalidArgument("must be an object", item);
      JsonReader r((*list)[i].get_object(), item);
      std::optional<std::string> key;
      PHARE_RETURN_IF_ERROR(r.String(dimension, key, 200));
      model::ImpactCount c;
      c.dimension = dimension;
      c.key = key.value_or("");
      PHARE_RETURN_IF_ERROR(ReadCounts((*list)[i].get_object(), item, c));
      out.push_back(std::move(c));
    }
  }
  return out;
}

// The "phare" extension of an incident: kind, names, cause, estimates, impact.
base::Status ReadIncidentExtension(const boost::json::object& phare, const std::string& path,
                                   base::Time now, model::Incident& i) {
  JsonReader p(phare, path);
  std::optional<std::string> kind, cause, override_impact;
  std::optional<base::Time> next;
  std::optional<bool> auto_start, auto_end;
  PHARE_RETURN_IF_ERROR(p.String("kind", kind, 32));
  PHARE_RETURN_IF_ERROR(p.String("cause", cause, model::kMaxCauseBytes));
  PHARE_RETURN_IF_ERROR(p.String("impact_override", override_impact, 32));
  PHARE_RETURN_IF_ERROR(p.Time("next_update_at", next));
  PHARE_RETURN_IF_ERROR(p.Bool("scheduled_auto_in_progress", auto_start));
  PHARE_RETURN_IF_ERROR(p.Bool("scheduled_auto_completed", auto_end));
  if (kind) {
    const auto parsed = model::ParseIncidentKind(*kind);
    if (!parsed) return base::InvalidArgument("is not incident or maintenance", path + ".kind");
    i.kind = *parsed;
  }
  if (override_impact) {
    i.impact_override = model::ParseImpact(*override_impact);
    if (!i.impact_override) return base::InvalidArgument("is not an impact", path + ".impact");
  }
  i.cause = cause.value_or("");
  i.next_update_at = next;
  if (auto_start) i.scheduled_auto_in_progress = *auto_start;
  if (auto_end) i.scheduled_auto_completed = *auto_end;
  std::optional<model::LocalizedNames> names;
  PHARE_RETURN_IF_ERROR(ParseNames(&phare, path, model::kMaxIncidentNameBytes, names));
  if (names) i.names = std::move(*names);
  PHARE_RETURN_IF_ERROR(
      model::NormalizeNames(i.names, path + ".names", model::kMaxIncidentNameBytes));
  PHARE_ASSIGN_OR_RETURN(const auto* estimates, ArrayAt(phare, "estimates", path + ".estimates"));
  if (estimates) {
    if (estimates->size() > 1000) return base::InvalidArgument("has too many items", path);
    for (size_t k = 0; k < estimates->size(); ++k) {
      const std::string item = path + ".estimates[" + std::to_string(k) + "]";
      if (!(*estimates)[k].is_object()) return base::InvalidArgument("must be an object", item);
      PHARE_ASSIGN_OR_RETURN(auto e, ReadEstimate((*estimates)[k].get_object(), item, now));
      i.estimates.push_back(std::move(e));
    }
  }
  const boost::json::object* impact = nullptr;
  PHARE_RETURN_IF_ERROR(p.Object("impact", impact));
  if (impact) {
    PHARE_ASSIGN_OR_RETURN(i.impact_counts, ReadImpact(*impact, path + ".impact"));
  }
  return base::Status::Ok();
}

base::Status ReadIncidentTimes(JsonReader& r, base::Time now, model::Incident& i) {
  std::optional<base::Time> created, updated, started, monitoring, resolved, from, until;
  PHARE_RETURN_IF_ERROR(r.Time("created_at", created));
  PHARE_RETURN_IF_ERROR(r.Time("updated_at", updated));
  PHARE_RETURN_IF_ERROR(r.Time("started_at", started));
  PHARE_RETURN_IF_ERROR(r.Time("monitoring_at", monitoring));
  PHARE_RETURN_IF_ERROR(r.Time("resolved_at", resolved));
  PHARE_RETURN_IF_ERROR(r.Time("scheduled_for", from));
  PHARE_RETURN_IF_ERROR(r.Time("scheduled_until", until));
  i.created_at = created.value_or(started.value_or(now));
  i.updated_at = updated.value_or(i.created_at);
  i.started_at = started.value_or(i.created_at);
  i.monitoring_at = monitoring;
  i.resolved_at = resolved;
  i.scheduled_for = from;
  i.scheduled_until = until;
  for (const auto& u : i.updates) {  // newest first: the last one seen is the first
    if (u.status == model::IncidentStatus::kIdentified) i.identified_at = u.display_at;
  }
  return base::Status::Ok();
}

base::Status ReadIncidentUpdates(const boost::json::object& o, const std::string& path,
                                 base::Time now, model::Incident& i) {
  PHARE_ASSIGN_OR_RETURN(const auto* updates,
                         ArrayAt(o, "incident_updates", path + ".incident_updates"));
  if (!updates) return base::Status::Ok();
  if (updates->size() > service::kMaxImportedUpdates) {
    return base::InvalidArgument("has too many items", path + ".incident_updates");
  }
  for (size_t k = 0; k < updates->size(); ++k) {
    const std::string item = path + ".incident_updates[" + std::to_string(k) + "]";
    if (!(*updates)[k].is_object()) return base::InvalidArgument("must be an object", item);
    PHARE_ASSIGN_OR_RETURN(auto u, ReadUpdate((*updates)[k].get_object(), item, now));
    u.incident_id = i.id;
    i.updates.push_back(std::move(u));
  }
  std::stable_sort(i.updates.begin(), i.updates.end(),
                   [](const auto& a, const auto& b) { return a.display_at > b.display_at; });
  return base::Status::Ok();
}

base::Result<model::Incident> ReadIncident(const boost::json::object& o, const std::string& path,
                                           base::Time now) {
  JsonReader r(o, path);
  model::Incident i;
  std::optional<std::string> id, name, status, impact;
  PHARE_RETURN_IF_ERROR(r.String("id", id, 64));
  PHARE_RETURN_IF_ERROR(r.String("name", name, model::kMaxIncidentNameBytes));
  PHARE_RETURN_IF_ERROR(r.String("status", status, 32));
  PHARE_RETURN_IF_ERROR(r.String("impact", impact, 32));
  PHARE_ASSIGN_OR_RETURN(i.id, Required(id, r, "id"));
  PHARE_ASSIGN_OR_RETURN(i.name, Required(name, r, "name"));
  PHARE_ASSIGN_OR_RETURN(auto status_text, Required(status, r, "status"));
  const auto parsed = model::ParseIncidentStatus(status_text);
  if (!parsed) return base::InvalidArgument("is not a Statuspage status", r.FieldName("status"));
  i.status = *parsed;
  i.kind = model::KindOf(i.status);
  PHARE_RETURN_IF_ERROR(ReadIncidentUpdates(o, path, now, i));
  PHARE_RETURN_IF_ERROR(ReadIncidentTimes(r, now, i));
  for (auto [key, flag] :
       {std::pair{"scheduled_remind_prior", &model::Incident::scheduled_remind_prior},
        std::pair{"scheduled_auto_in_progress", &model::Incident::scheduled_auto_in_progress},
        std::pair{"scheduled_auto_completed", &model::Incident::scheduled_auto_completed}}) {
    std::optional<bool> value;
    PHARE_RETURN_IF_ERROR(r.Bool(key, value));
    if (value) i.*flag = *value;
  }
  PHARE_ASSIGN_OR_RETURN(const auto* components, ArrayAt(o, "components", path + ".components"));
  if (components) {
    for (const auto& c : *components) {
      const auto* cid = c.is_object() ? c.get_object().if_contains("id") : nullptr;
      if (!cid || !cid->is_string()) {
        return base::InvalidArgument("must be component objects with an id", path + ".components");
      }
      i.component_ids.emplace_back(cid->get_string());
    }
  }
  if (const auto* phare = PhareOf(o)) {
    PHARE_RETURN_IF_ERROR(ReadIncidentExtension(*phare, path + ".phare", now, i));
  }
  // Statuspage shows maintenance with impact "maintenance"; anything else it shows is
  // what phare keeps, as the operator's choice, unless phare's own export says otherwise.
  const std::optional<model::Impact> shown = impact ? model::ParseImpact(*impact) : std::nullopt;
  if (impact && *impact != "maintenance" && !shown) {
    return base::InvalidArgument("is not none, minor, major, critical or maintenance",
                                 r.FieldName("impact"));
  }
  i.impact = shown.value_or(model::Impact::kNone);
  if (!PhareOf(o) && shown && i.kind == model::IncidentKind::kMaintenance)
    i.impact_override = shown;
  return i;
}

}  // namespace

base::Status StatuspageReader::AddComponents(const boost::json::array& list,
                                             const std::string& path) {
  for (size_t k = 0; k < list.size(); ++k) {
    const std::string item = path + "[" + std::to_string(k) + "]";
    if (!list[k].is_object()) return base::InvalidArgument("must be an object", item);
    PHARE_ASSIGN_OR_RETURN(auto c, ReadComponent(list[k].get_object(), item, now_));
    auto [at, fresh] = component_at_.try_emplace(c.id, import_.components.size());
    if (fresh) {
      if (import_.components.size() >= model::kMaxComponents) {
        return base::InvalidArgument(
            "more than " + std::to_string(model::kMaxComponents) + " components", path);
      }
      import_.components.push_back(std::move(c));
    } else if (c.updated_at >= import_.components[at->second].updated_at) {
      import_.components[at->second] = std::move(c);
    }
  }
  return base::Status::Ok();
}

base::Status StatuspageReader::AddIncidents(const boost::json::array& list,
                                            const std::string& path) {
  for (size_t k = 0; k < list.size(); ++k) {
    const std::string item = path + "[" + std::to_string(k) + "]";
    if (!list[k].is_object()) return base::InvalidArgument("must be an object", item);
    PHARE_ASSIGN_OR_RETURN(auto i, ReadIncident(list[k].get_object(), item, now_));
    auto [at, fresh] = incident_at_.try_emplace(i.id, import_.incidents.size());
    if (fresh) {
      if (import_.incidents.size() >= service::kMaxImportedIncidents) {
        return base::InvalidArgument(
            "more than " + std::to_string(service::kMaxImportedIncidents) + " incidents", path);
      }
      import_.incidents.push_back(std::move(i));
    } else if (i.updated_at >= import_.incidents[at->second].updated_at) {
      import_.incidents[at->second] = std::move(i);
    }
  }
  return base::Status::Ok();
}

base::Status StatuspageReader::Add(const boost::json::value& document, std::string_view source) {
  const std::string path(source);
  if (document.is_array()) {  // a v1 list: incidents have a status and a name, so do components
    const auto& list = document.get_array();
    const bool incidents =
        !list.empty() && list[0].is_object() && list[0].get_object().contains("incident_updates");
    return incidents ? AddIncidents(list, path) : AddComponents(list, path);
  }
  if (!document.is_object()) return base::InvalidArgument("must be a JSON object or array", path);
  const auto& o = document.get_object();
  if (const auto* page = o.if_contains("page"); page && page->is_object()) {
    JsonReader r(page->get_object(), path + ".page");
    std::optional<std::string> id, name, url, zone;
    std::optional<base::Time> updated;
    PHARE_RETURN_IF_ERROR(r.String("id", id, 64));
    PHARE_RETURN_IF_ERROR(r.String("name", name, 200));
    PHARE_RETURN_IF_ERROR(r.String("url", url, 500));
    PHARE_RETURN_IF_ERROR(r.String("time_zone", zone, 64));
    PHARE_RETURN_IF_ERROR(r.Time("updated_at", updated));
    if (id) {
      model::Page p;
      p.id = *id;
      p.name = name.value_or("");
      p.url = url.value_or("");
      p.time_zone = zone.value_or("Etc/UTC");
      p.created_at = now_;
      p.updated_at = updated.value_or(now_);
      import_.page = std::move(p);
    }
  }
  PHARE_ASSIGN_OR_RETURN(const auto* components, ArrayAt(o, "components", path + ".components"));
  if (components) PHARE_RETURN_IF_ERROR(AddComponents(*components, path + ".components"));
  for (const char* key : {"incidents", "scheduled_maintenances"}) {
    PHARE_ASSIGN_OR_RETURN(const auto* list, ArrayAt(o, key, path + "." + key));
    if (list) PHARE_RETURN_IF_ERROR(AddIncidents(*list, path + "." + key));
  }
  return base::Status::Ok();
}

service::PageImport StatuspageReader::Take() {
  std::stable_sort(import_.incidents.begin(), import_.incidents.end(),
                   [](const auto& a, const auto& b) { return a.created_at > b.created_at; });
  component_at_.clear();
  incident_at_.clear();
  return std::move(import_);
}

}  // namespace phare::api
