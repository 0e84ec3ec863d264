#include "api/input_parse.h"

#include "api/node_input.h"
#include "base/json.h"
#include "base/text.h"

namespace phare::api {
namespace {

using base::JsonReader;

base::Status ParseLocalizedText(const boost::json::object& parent, std::string_view key,
                                const std::string& path, comms::LocalizedText& out) {
  const auto* value = parent.if_contains(key);
  if (!value || value->is_null()) return base::Status::Ok();
  const std::string field = base::JoinField(path, key);
  if (value->is_string()) {  // one text, in English
    const std::string_view text = value->get_string();
    if (const size_t at = base::FindControl(text); at != std::string_view::npos) {
      return base::InvalidArgument(
          "contains a control character (" + base::DescribeControl(text, at) + ")", field);
    }
    out["en"] = std::string(text);
    return base::Status::Ok();
  }
  if (!value->is_object()) {
    return base::InvalidArgument("must be an object of language → text", field);
  }
  if (value->get_object().size() > model::kMaxBodiesPerUpdate) {
    return base::InvalidArgument("has too many languages", field);
  }
  for (const auto& [lang, text] : value->get_object()) {
    if (!text.is_string() || text.get_string().size() > comms::kMaxOperatorTextBytes) {
      return base::InvalidArgument(
          "must be a text of at most " + std::to_string(comms::kMaxOperatorTextBytes) + " bytes",
          field + "." + std::string(lang));
    }
    const std::string_view value_text = text.get_string();
    if (const size_t at = base::FindControl(value_text); at != std::string_view::npos) {
      return base::InvalidArgument(
          "contains a control character (" + base::DescribeControl(value_text, at) + ")",
          field + "." + std::string(lang));
    }
    out[std::string(lang)] = std::string(value_text);
  }
  return base::Status::Ok();
}

base::Status ParseOperatorEstimate(JsonReader& p, service::IncidentInput& in) {
  const boost::json::object* estimate = nullptr;
  PHARE_RETURN_IF_ERROR(p.Object("estimate", estimate));
  if (!estimate) return base::Status::Ok();
  JsonReader e(*estimate, "incident.phare.estimate");
  model::OperatorEstimate stated;
  std::optional<base::Time> from, to;
  std::optional<std::string> scope;
  PHARE_RETURN_IF_ERROR(e.Time("from", from));
  PHARE_RETURN_IF_ERROR(e.Time("to", to));
  PHARE_RETURN_IF_ERROR(e.String("scope", scope, 64));
  if (!to) return base::InvalidArgument("is required", "incident.phare.estimate.to");
  if (from && *from > *to) {
    return base::InvalidArgument("must not be after 'to'", "incident.phare.estimate.from");
  }
  stated.from = from;
  stated.to = *to;
  stated.scope = scope.value_or("");
  in.operator_estimate = stated;
  return base::Status::Ok();
}

base::Status ParsePhareExtension(JsonReader& r, service::IncidentInput& in) {
  const boost::json::object* phare = nullptr;
  PHARE_RETURN_IF_ERROR(r.Object("phare", phare));
  if (!phare) return base::Status::Ok();
  JsonReader p(*phare, "incident.phare");
  std::optional<std::string> kind;
  PHARE_RETURN_IF_ERROR(p.String("kind", kind, 32));
  if (kind) {
    in.kind = model::ParseIncidentKind(*kind);
    if (!in.kind) {
      return base::InvalidArgument("'" + *kind + "' is not one of incident, maintenance",
                                   "incident.phare.kind");
    }
  }
  PHARE_RETURN_IF_ERROR(p.String("cause", in.cause, model::kMaxCauseBytes));
  PHARE_RETURN_IF_ERROR(p.NullableTime("next_update_at", in.next_update_at));
  PHARE_RETURN_IF_ERROR(p.Time("started_at", in.started_at));
  PHARE_RETURN_IF_ERROR(p.Time("postmortem_by", in.postmortem.promised_by));
  PHARE_RETURN_IF_ERROR(ParseOperatorEstimate(p, in));
  if (const auto* draft = phare->if_contains("draft"); draft && !draft->is_null()) {
    if (draft->is_bool()) {
      in.draft = draft->get_bool();
    } else if (draft->is_object()) {
      in.draft = true;
      PHARE_ASSIGN_OR_RETURN(in.draft_facts,
                             ParseDraftFacts(draft->get_object(), "incident.phare.draft"));
    } else {
      return base::InvalidArgument("must be true, false or an object of facts",
                                   "incident.phare.draft");
    }
  }
  PHARE_RETURN_IF_ERROR(
      ParseNames(phare, "incident.phare", model::kMaxIncidentNameBytes, in.names));
  PHARE_RETURN_IF_ERROR(ParseNodeReports(phare->if_contains("root_nodes"),
                                         "incident.phare.root_nodes", in.root_nodes));
  PHARE_ASSIGN_OR_RETURN(
      in.bodies, ParseLocalizedBodies(*phare, "incident.phare.bodies", model::kMaxBodiesPerUpdate));
  return base::Status::Ok();
}

base::Status ParseComponentMap(JsonReader& r, service::IncidentInput& in) {
  const boost::json::object* map = nullptr;
  PHARE_RETURN_IF_ERROR(r.Object("components", map));
  if (!map) return base::Status::Ok();
  if (map->size() > model::kMaxComponentsPerIncident) {
    return base::InvalidArgument("has too many components", "incident.components");
  }
  JsonReader m(*map, "incident.components");
  for (const auto& [id, value] : *map) {
    std::optional<model::ComponentStatus> status;
    PHARE_RETURN_IF_ERROR(ParseComponentStatus(m, id, status));
    if (!status) return base::InvalidArgument("must be a component status", m.FieldName(id));
    in.components.emplace_back(std::string(id), *status);
  }
  return base::Status::Ok();
}

}  // namespace

base::Status ParseComponentStatus(JsonReader& r, std::string_view key,
                                  std::optional<model::ComponentStatus>& out) {
  std::optional<std::string> text;
  PHARE_RETURN_IF_ERROR(r.String(key, text, 64));
  if (!text) return base::Status::Ok();
  out = model::ParseComponentStatus(*text);
  if (!out) {
    return base::InvalidArgument(
        "'" + *text + "' is not one of " + std::string(model::ComponentStatusNames()),
        r.FieldName(key));
  }
  return base::Status::Ok();
}

base::Status ParseNames(const boost::json::object* phare, const std::string& path, size_t max_bytes,
                        std::optional<model::LocalizedNames>& out, std::string_view key) {
  if (!phare) return base::Status::Ok();
  const auto* value = phare->if_contains(key);
  if (!value || value->is_null()) return base::Status::Ok();
  const std::string field = path + "." + std::string(key);
  if (!value->is_object())
    return base::InvalidArgument("must be an object of language → name", field);
  if (value->get_object().size() > model::kMaxLocalizedNames) {
    return base::InvalidArgument(
        "has more than " + std::to_string(model::kMaxLocalizedNames) + " languages", field);
  }
  model::LocalizedNames names;
  for (const auto& [language, text] : value->get_object()) {
    if (!text.is_string() || text.get_string().size() > max_bytes) {
      return base::InvalidArgument(
          "must be a name of at most " + std::to_string(max_bytes) + " bytes",
          field + "." + std::string(language));
    }
    names.push_back({std::string(language), std::string(text.get_string())});
  }
  out = std::move(names);
  return base::Status::Ok();
}

base::Result<std::vector<model::LocalizedBody>> ParseLocalizedBodies(
    const boost::json::object& parent, const std::string& field, size_t max_items) {
  std::vector<model::LocalizedBody> out;
  const auto* value = parent.if_contains("bodies");
  if (!value || value->is_null()) return out;
  if (!value->is_array()) return base::InvalidArgument("must be an array", field);
  const auto& array = value->get_array();
  if (array.size() > max_items) return base::InvalidArgument("has too many items", field);
  for (size_t i = 0; i < array.size(); ++i) {
    const std::string path = field + "[" + std::to_string(i) + "]";
    if (!array[i].is_object()) return base::InvalidArgument("must be an object", path);
    JsonReader r(array[i].get_object(), path);
    std::optional<std::string> audience, language, body;
    PHARE_RETURN_IF_ERROR(r.String("audience", audience, 32));
    PHARE_RETURN_IF_ERROR(r.String("language", language, 16));
    PHARE_RETURN_IF_ERROR(r.String("body", body, model::kMaxBodyBytes));
    if (!audience || !language || !body) {
      return base::InvalidArgument("needs audience, language and body", path);
    }
    const auto parsed = model::ParseAudience(*audience);
    if (!parsed) {
      return base::InvalidArgument("'" + *audience + "' is not one of general, technical",
                                   path + ".audience");
    }
    out.push_back({*parsed, *language, *body});
  }
  return out;
}

base::Result<const boost::json::object*> Wrapped(const boost::json::value& body,
                                                 std::string_view key) {
  if (!body.is_object()) return base::InvalidArgument("the request body must be a JSON object");
  const auto* inner = body.get_object().if_contains(key);
  if (!inner || !inner->is_object()) {
    return base::InvalidArgument("is required and must be an object", std::string(key));
  }
  return &inner->get_object();
}

base::Result<service::ComponentInput> ParseComponentInput(const boost::json::object& body) {
  JsonReader r(body, "component");
  service::ComponentInput in;
  PHARE_RETURN_IF_ERROR(r.String("name", in.name, model::kMaxComponentNameBytes));
  PHARE_RETURN_IF_ERROR(
      r.NullableString("description", in.description, model::kMaxDescriptionBytes));
  PHARE_RETURN_IF_ERROR(ParseComponentStatus(r, "status", in.status));
  PHARE_RETURN_IF_ERROR(r.Int("position", in.position, 0, 100000));
  PHARE_RETURN_IF_ERROR(r.Bool("showcase", in.showcase));
  PHARE_RETURN_IF_ERROR(r.Bool("only_show_if_degraded", in.only_show_if_degraded));
  PHARE_RETURN_IF_ERROR(r.NullableString("group_id", in.group_id, 64));
  PHARE_RETURN_IF_ERROR(r.NullableString("start_date", in.start_date, 10));
  const boost::json::object* phare = nullptr;
  PHARE_RETURN_IF_ERROR(r.Object("phare", phare));
  if (phare) {
    JsonReader p(*phare, "component.phare");
    PHARE_RETURN_IF_ERROR(p.String("product", in.product, 64));
    PHARE_RETURN_IF_ERROR(p.String("location", in.location, 100));
  }
  PHARE_RETURN_IF_ERROR(
      ParseNames(phare, "component.phare", model::kMaxComponentNameBytes, in.names));
  PHARE_RETURN_IF_ERROR(ParseNames(phare, "component.phare", model::kMaxDescriptionBytes,
                                   in.descriptions, "descriptions"));
  return in;
}

base::Result<service::GroupInput> ParseGroupInput(const boost::json::object& body) {
  JsonReader r(body, "component_group");
  service::GroupInput in;
  PHARE_RETURN_IF_ERROR(r.String("name", in.name, model::kMaxComponentNameBytes));
  PHARE_RETURN_IF_ERROR(
      r.NullableString("description", in.description, model::kMaxDescriptionBytes));
  PHARE_RETURN_IF_ERROR(r.Int("position", in.position, 0, 100000));
  PHARE_RETURN_IF_ERROR(r.StringArray("components", in.components, model::kMaxComponents, 64));
  const boost::json::object* phare = nullptr;
  PHARE_RETURN_IF_ERROR(r.Object("phare", phare));
  PHARE_RETURN_IF_ERROR(
      ParseNames(phare, "component_group.phare", model::kMaxComponentNameBytes, in.names));
  return in;
}

base::Result<service::IncidentInput> ParseIncidentInput(const boost::json::object& body) {
  JsonReader r(body, "incident");
  service::IncidentInput in;
  PHARE_RETURN_IF_ERROR(r.String("name", in.name, model::kMaxIncidentNameBytes));
  std::optional<std::string> status;
  PHARE_RETURN_IF_ERROR(r.String("status", status, 32));
  if (status) {
    in.status = model::ParseIncidentStatus(*status);
    if (!in.status) {
      return base::InvalidArgument(
          "'" + *status + "' is not one of " +
              std::string(model::StatusNames(model::IncidentKind::kIncident)) + ", " +
              std::string(model::StatusNames(model::IncidentKind::kMaintenance)),
          "incident.status");
    }
  }
  if (r.IsNull("impact_override")) {
    in.impact_override.emplace(std::nullopt);
  } else {
    std::optional<std::string> impact;
    PHARE_RETURN_IF_ERROR(r.String("impact_override", impact, 32));
    if (impact) {
      auto parsed = model::ParseImpact(*impact);
      if (!parsed) {
        return base::InvalidArgument(
            "'" + *impact + "' is not one of " + std::string(model::ImpactNames()),
            "incident.impact_override");
      }
      in.impact_override.emplace(parsed);
    }
  }
  PHARE_RETURN_IF_ERROR(r.String("body", in.body, model::kMaxBodyBytes));
  PHARE_RETURN_IF_ERROR(
      r.StringArray("component_ids", in.component_ids, model::kMaxComponentsPerIncident, 64));
  PHARE_RETURN_IF_ERROR(ParseComponentMap(r, in));
  PHARE_RETURN_IF_ERROR(r.Time("scheduled_for", in.scheduled_for));
  PHARE_RETURN_IF_ERROR(r.Time("scheduled_until", in.scheduled_until));
  PHARE_RETURN_IF_ERROR(r.Bool("scheduled_remind_prior", in.scheduled_remind_prior));
  PHARE_RETURN_IF_ERROR(r.Bool("scheduled_auto_in_progress", in.scheduled_auto_in_progress));
  PHARE_RETURN_IF_ERROR(r.Bool("scheduled_auto_completed", in.scheduled_auto_completed));
  PHARE_RETURN_IF_ERROR(r.Bool("deliver_notifications", in.deliver_notifications));
  // Statuspage's post-mortem fields: saved as the post-mortem's draft (PostmortemService).
  PHARE_RETURN_IF_ERROR(r.String("postmortem_body", in.postmortem.body, model::kMaxBodyBytes));
  PHARE_RETURN_IF_ERROR(r.Bool("postmortem_notify_subscribers", in.postmortem.notify_subscribers));
  PHARE_RETURN_IF_ERROR(r.Bool("postmortem_notify_twitter", in.postmortem.notify_twitter));
  std::optional<bool> backfilled;
  PHARE_RETURN_IF_ERROR(r.Bool("backfilled", backfilled));
  std::optional<base::Time> backfill_date;
  PHARE_RETURN_IF_ERROR(r.Time("backfill_date", backfill_date));
  if (backfilled.value_or(false) && backfill_date) in.started_at = backfill_date;
  PHARE_RETURN_IF_ERROR(ParsePhareExtension(r, in));
  return in;
}

base::Result<service::UpdateEdit> ParseUpdateEdit(const boost::json::object& body) {
  JsonReader r(body, "incident_update");
  service::UpdateEdit edit;
  PHARE_RETURN_IF_ERROR(r.String("body", edit.body, model::kMaxBodyBytes));
  PHARE_RETURN_IF_ERROR(r.Time("display_at", edit.display_at));
  PHARE_RETURN_IF_ERROR(r.Bool("deliver_notifications", edit.deliver_notifications));
  return edit;
}

base::Result<model::ProgressSample> ParseProgress(const boost::json::object& body) {
  JsonReader r(body, "progress");
  std::optional<int64_t> restored, total;
  std::optional<std::string> scope;
  std::optional<base::Time> at;
  PHARE_RETURN_IF_ERROR(r.Int("restored", restored, 0, int64_t{1} << 40));
  PHARE_RETURN_IF_ERROR(r.Int("total", total, 1, int64_t{1} << 40));
  PHARE_RETURN_IF_ERROR(r.String("scope", scope, 64));
  PHARE_RETURN_IF_ERROR(r.Time("at", at));
  if (!restored) return base::InvalidArgument("is required", "progress.restored");
  if (!total) return base::InvalidArgument("is required", "progress.total");
  model::ProgressSample sample;
  sample.restored = *restored;
  sample.total = *total;
  sample.scope = scope.value_or("");
  if (at) sample.at = *at;
  return sample;
}

base::Result<service::DraftFacts> ParseDraftFacts(const boost::json::object& body,
                                                  const std::string& path) {
  JsonReader r(body, path);
  service::DraftFacts facts;
  PHARE_RETURN_IF_ERROR(r.Int("resources_affected", facts.resources_affected, 0, int64_t{1} << 40));
  PHARE_RETURN_IF_ERROR(r.Int("customers_affected", facts.customers_affected, 0, int64_t{1} << 40));
  PHARE_RETURN_IF_ERROR(ParseLocalizedText(body, "workaround", path, facts.workaround));
  PHARE_RETURN_IF_ERROR(ParseLocalizedText(body, "root_cause", path, facts.root_cause));
  std::optional<bool> postmortem, credits;
  PHARE_RETURN_IF_ERROR(r.Bool("postmortem_planned", postmortem));
  PHARE_RETURN_IF_ERROR(r.Bool("credits_apply", credits));
  PHARE_RETURN_IF_ERROR(r.Time("postmortem_by", facts.postmortem_by));
  facts.postmortem_planned = postmortem.value_or(false) || facts.postmortem_by.has_value();
  facts.credits_apply = credits.value_or(false);
  return facts;
}

}  // namespace phare::api
