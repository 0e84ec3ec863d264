#include "eta/baseline.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <fmt/format.h>

#include "base/json.h"

namespace phare::eta {

std::string_view EmbeddedFile(std::string_view name);  // data/eta, compiled in (base/embedded.h)

namespace {

base::Result<PastIncident> ParseRecord(const boost::json::value& value, const std::string& path) {
  if (!value.is_object()) return base::InvalidArgument("expected an object", path);
  base::JsonReader reader(value.get_object(), path);
  std::optional<std::string> id, cause, impact, kind, source;
  std::optional<base::Time> started, resolved;
  PHARE_RETURN_IF_ERROR(reader.String("id", id));
  PHARE_RETURN_IF_ERROR(reader.String("cause", cause, 64));
  PHARE_RETURN_IF_ERROR(reader.String("impact", impact));
  PHARE_RETURN_IF_ERROR(reader.String("kind", kind));
  PHARE_RETURN_IF_ERROR(reader.String("source", source, 128));
  PHARE_RETURN_IF_ERROR(reader.Time("started_at", started));
  PHARE_RETURN_IF_ERROR(reader.Time("resolved_at", resolved));
  if (!started) return base::InvalidArgument("missing", reader.FieldName("started_at"));
  PastIncident p;
  p.id = id.value_or("");
  p.cause = cause.value_or("other");
  p.source = source.value_or("builtin");
  p.started_at = *started;
  p.resolved_at = resolved;
  if (impact) {
    auto parsed = model::ParseImpact(*impact);
    if (!parsed) return base::InvalidArgument("unknown impact", reader.FieldName("impact"));
    p.impact = *parsed;
  }
  if (kind) {
    auto parsed = model::ParseIncidentKind(*kind);
    if (!parsed) return base::InvalidArgument("unknown kind", reader.FieldName("kind"));
    p.kind = *parsed;
  }
  return p;
}

}  // namespace

std::span<const PastIncident> BuiltinBaseline() {
  static const std::vector<PastIncident> records = [] {
    auto parsed = ParseBaseline(EmbeddedFile("baseline-history.json"));
    return parsed.ok() ? std::move(parsed).value() : std::vector<PastIncident>{};
  }();
  return records;
}

base::Result<std::vector<PastIncident>> ParseBaseline(std::string_view json) {
  if (json.size() > kMaxBaselineBytes) {
    return base::Status(base::Code::kResourceExhausted, "baseline file too large");
  }
  PHARE_ASSIGN_OR_RETURN(boost::json::value doc, base::ParseJson(json));
  const boost::json::array* list = nullptr;
  if (doc.is_object()) {
    if (const auto* v = doc.get_object().if_contains("incidents")) list = v->if_array();
  }
  if (list == nullptr) return base::InvalidArgument("expected {\"incidents\": [...]}", "incidents");
  std::vector<PastIncident> out;
  out.reserve(list->size());
  for (size_t i = 0; i < list->size(); ++i) {
    PHARE_ASSIGN_OR_RETURN(PastIncident p,
                           ParseRecord((*list)[i], fmt::format("incidents[{}]", i)));
    out.push_back(std::move(p));
  }
  return out;
}

std::string SerializeBaseline(std::span<const PastIncident> incidents, std::string_view note) {
  boost::json::array list;
  for (const PastIncident& p : incidents) {
    boost::json::object o;
    o["id"] = p.id;
    o["cause"] = p.cause;
    o["impact"] = std::string(model::ToString(p.impact));
    o["kind"] = std::string(model::ToString(p.kind));
    o["source"] = p.source.empty() ? "builtin" : p.source;
    o["started_at"] = base::FormatUtc(p.started_at);
    if (p.resolved_at) o["resolved_at"] = base::FormatUtc(*p.resolved_at);
    list.push_back(std::move(o));
  }
  // One record a line keeps the shipped file reviewable in diffs.
  std::string out = fmt::format("{{\"note\": {},\n \"incidents\": [\n",
                                boost::json::serialize(boost::json::value(note)));
  for (size_t i = 0; i < list.size(); ++i) {
    out += "  " + boost::json::serialize(list[i]) + (i + 1 < list.size() ? ",\n" : "\n");
  }
  out += "]}\n";
  return out;
}

}  // namespace phare::eta
