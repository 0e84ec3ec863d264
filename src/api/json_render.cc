#include "api/json_render.h"

#include "api/impact_json.h"
#include "api/postmortem_json.h"

namespace phare::api {
namespace {

boost::json::value Timestamp(const RenderContext& ctx, const std::optional<base::Time>& t) {
  if (!t) return nullptr;
  return boost::json::string(ctx.zone.FormatRfc3339(*t));
}

boost::json::value Timestamp(const RenderContext& ctx, base::Time t) {
  return boost::json::string(ctx.zone.FormatRfc3339(t));
}

boost::json::value OptString(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return boost::json::string(*s);
}

const model::Component* FindComponent(const RenderContext& ctx, const std::string& id) {
  for (const auto& c : ctx.components) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

// The ids of the group's children, in display order.
boost::json::array ChildIds(const RenderContext& ctx, const std::string& group_id) {
  boost::json::array ids;
  for (const auto& child : ctx.components) {
    if (child.group_id && *child.group_id == group_id) ids.emplace_back(child.id);
  }
  return ids;
}

// phare.names: {"de": "...", "fr": "..."}.
boost::json::object NamesJson(const model::LocalizedNames& names) {
  boost::json::object o;
  for (const auto& n : names) o[n.language] = n.text;
  return o;
}

std::string_view ImpactName(const model::Incident& i) {
  // Statuspage reports scheduled maintenance with impact "maintenance" unless the
  // operator overrode it.
  if (i.kind == model::IncidentKind::kMaintenance && !i.impact_override) return "maintenance";
  return model::ToString(i.impact);
}

}  // namespace

boost::json::object PageJson(const RenderContext& ctx, base::Time updated_at) {
  boost::json::object o;
  o["id"] = ctx.page.id;
  o["name"] = ctx.page.name;
  o["url"] = ctx.page.url;
  o["time_zone"] = ctx.page.time_zone;
  o["updated_at"] = Timestamp(ctx, updated_at);
  return o;
}

boost::json::object ComponentJson(const RenderContext& ctx, const model::Component& c) {
  boost::json::object o;
  o["id"] = c.id;
  o["name"] = c.name;
  o["status"] = model::ToString(c.status);
  o["created_at"] = Timestamp(ctx, c.created_at);
  o["updated_at"] = Timestamp(ctx, c.updated_at);
  o["position"] = c.position;
  o["description"] = OptString(c.description);
  o["showcase"] = c.showcase;
  o["start_date"] = OptString(c.start_date);
  o["group_id"] = OptString(c.group_id);
  o["page_id"] = c.page_id;
  o["group"] = c.group;
  o["only_show_if_degraded"] = c.only_show_if_degraded;
  if (!c.product.empty() || !c.location.empty() || !c.names.empty() || !c.descriptions.empty()) {
    o["phare"] = boost::json::object{{"product", c.product},
                                     {"location", c.location},
                                     {"names", NamesJson(c.names)},
                                     {"descriptions", NamesJson(c.descriptions)}};
  }
  if (c.group) o["components"] = ChildIds(ctx, c.id);
  return o;
}

boost::json::object GroupJson(const RenderContext& ctx, const model::Component& g) {
  boost::json::object o;
  o["id"] = g.id;
  o["page_id"] = g.page_id;
  o["name"] = g.name;
  o["description"] = OptString(g.description);
  o["components"] = ChildIds(ctx, g.id);
  o["position"] = g.position;
  o["created_at"] = Timestamp(ctx, g.created_at);
  o["updated_at"] = Timestamp(ctx, g.updated_at);
  o["phare"] = boost::json::object{{"names", NamesJson(g.names)}};
  return o;
}

boost::json::object EstimateJson(const RenderContext& ctx, const model::Estimate& e) {
  boost::json::object o;
  o["scope"] = e.scope;
  o["p10"] = Timestamp(ctx, e.p10);
  o["p50"] = Timestamp(ctx, e.p50);
  o["p90"] = Timestamp(ctx, e.p90);
  const bool passed = ctx.now && e.expected_by <= *ctx.now;
  o["expected_by"] = passed ? boost::json::value(nullptr) : Timestamp(ctx, e.expected_by);
  o["late"] = e.late || passed;
  o["source"] = e.source;
  o["reason"] = e.reason;
  return o;
}

std::string ReadableBody(const RenderContext& ctx, std::string_view language,
                         const std::string& body, base::Time at) {
  if (!ctx.readers) return body;
  const comms::Reader* reader = ctx.readers->For(language);
  return reader ? reader->Text(body, at) : body;
}

boost::json::object UpdateJson(const RenderContext& ctx, const model::IncidentUpdate& u) {
  boost::json::object o;
  o["id"] = u.id;
  o["status"] = model::ToString(u.status);
  o["body"] = ReadableBody(ctx, ctx.default_language, u.body, u.display_at);
  o["incident_id"] = u.incident_id;
  o["created_at"] = Timestamp(ctx, u.created_at);
  o["updated_at"] = Timestamp(ctx, u.updated_at);
  o["display_at"] = Timestamp(ctx, u.display_at);
  if (u.affected_components) {
    boost::json::array affected;
    for (const auto& a : *u.affected_components) {
      affected.emplace_back(boost::json::object{{"code", a.code},
                                                {"name", a.name},
                                                {"old_status", model::ToString(a.old_status)},
                                                {"new_status", model::ToString(a.new_status)}});
    }
    o["affected_components"] = std::move(affected);
  } else {
    o["affected_components"] = nullptr;
  }
  o["deliver_notifications"] = u.deliver_notifications;
  o["custom_tweet"] = nullptr;
  o["tweet_id"] = nullptr;
  boost::json::object ext;
  boost::json::array bodies;
  for (const auto& b : u.bodies) {
    bodies.emplace_back(
        boost::json::object{{"audience", model::ToString(b.audience)},
                            {"language", b.language},
                            {"body", ReadableBody(ctx, b.language, b.body, u.display_at)}});
  }
  ext["bodies"] = std::move(bodies);
  ext["next_update_at"] = Timestamp(ctx, u.next_update_at);
  ext["estimate"] = u.estimate ? boost::json::value(EstimateJson(ctx, *u.estimate)) : nullptr;
  o["phare"] = std::move(ext);
  return o;
}

boost::json::object IncidentJson(const RenderContext& ctx, const model::Incident& i) {
  boost::json::object o;
  o["id"] = i.id;
  o["name"] = i.name;
  o["status"] = model::ToString(i.status);
  o["created_at"] = Timestamp(ctx, i.created_at);
  o["updated_at"] = Timestamp(ctx, i.updated_at);
  o["monitoring_at"] = Timestamp(ctx, i.monitoring_at);
  o["resolved_at"] = Timestamp(ctx, i.resolved_at);
  o["impact"] = ImpactName(i);
  o["shortlink"] = ctx.page.url + "/incidents/" + i.id;
  o["started_at"] = Timestamp(ctx, i.started_at);
  o["page_id"] = i.page_id;
  if (i.kind == model::IncidentKind::kMaintenance) {
    o["scheduled_for"] = Timestamp(ctx, i.scheduled_for);
    o["scheduled_until"] = Timestamp(ctx, i.scheduled_until);
  }
  boost::json::array updates;
  for (const auto& u : i.updates) updates.emplace_back(UpdateJson(ctx, u));
  o["incident_updates"] = std::move(updates);
  boost::json::array components;
  for (const auto& id : i.component_ids) {
    if (const auto* c = FindComponent(ctx, id)) components.emplace_back(ComponentJson(ctx, *c));
  }
  o["components"] = std::move(components);
  boost::json::object ext;
  ext["kind"] = model::ToString(i.kind);
  ext["names"] = NamesJson(i.names);
  ext["cause"] = i.cause.empty() ? boost::json::value(nullptr) : boost::json::value(i.cause);
  ext["impact_override"] =
      i.impact_override ? boost::json::value(model::ToString(*i.impact_override)) : nullptr;
  ext["next_update_at"] = Timestamp(ctx, i.next_update_at);
  boost::json::array estimates;
  for (const auto& e : i.estimates) estimates.emplace_back(EstimateJson(ctx, e));
  ext["estimate"] = i.estimates.empty()
                        ? boost::json::value(nullptr)
                        : boost::json::value(EstimateJson(ctx, i.estimates.front()));
  ext["estimates"] = std::move(estimates);
  ext["impact"] = ImpactJson(i.impact_counts);
  if (i.kind == model::IncidentKind::kMaintenance) {
    ext["scheduled_auto_in_progress"] = i.scheduled_auto_in_progress;
    ext["scheduled_auto_completed"] = i.scheduled_auto_completed;
  }
  o["phare"] = std::move(ext);
  if (i.kind == model::IncidentKind::kIncident) AddPostmortemFields(ctx, i, o);
  return o;
}

boost::json::object StatusJson(const model::PageStatus& status) {
  return {{"indicator", model::ToString(status.indicator)}, {"description", status.description}};
}

boost::json::array FindingsJson(const std::vector<service::BodyFinding>& findings) {
  boost::json::array out;
  for (const auto& f : findings) {
    out.emplace_back(boost::json::object{{"rule", f.finding.rule},
                                         {"severity", comms::ToString(f.finding.severity)},
                                         {"blocking", f.finding.blocking},
                                         {"audience", model::ToString(f.audience)},
                                         {"language", f.language},
                                         {"message", f.finding.message},
                                         {"offset", f.finding.span.offset},
                                         {"length", f.finding.span.length},
                                         {"suggestion", f.finding.suggestion}});
  }
  return out;
}

boost::json::object DraftsJson(const comms::Drafts& drafts,
                               const std::vector<service::BodyFinding>& findings) {
  boost::json::array bodies;
  for (const auto& b : drafts.bodies) {
    bodies.emplace_back(boost::json::object{
        {"audience", model::ToString(b.audience)}, {"language", b.language}, {"body", b.body}});
  }
  boost::json::array notes;
  for (const auto& n : drafts.notes) notes.emplace_back(n);
  return {{"bodies", std::move(bodies)},
          {"notes", std::move(notes)},
          {"findings", FindingsJson(findings)}};
}

boost::json::array ComponentsJson(const RenderContext& ctx) {
  boost::json::array out;
  for (const auto& c : ctx.components) out.emplace_back(ComponentJson(ctx, c));
  return out;
}

}  // namespace phare::api
