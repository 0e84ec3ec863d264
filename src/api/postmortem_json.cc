#include "api/postmortem_json.h"

#include <boost/json/array.hpp>

#include "api/input_parse.h"
#include "base/json.h"

namespace phare::api {
namespace {

using base::JsonReader;

boost::json::value Time(const RenderContext& ctx, const std::optional<base::Time>& t) {
  if (!t) return nullptr;
  return boost::json::string(ctx.zone.FormatRfc3339(*t));
}

// A body with its time tokens resolved for readers when the context has them.
std::string Readable(const RenderContext& ctx, const model::LocalizedBody& b,
                     std::optional<base::Time> at) {
  if (!ctx.readers) return b.body;
  const comms::Reader* reader = ctx.readers->For(b.language);
  return reader ? reader->Text(b.body, at) : b.body;
}

boost::json::array BodiesJson(const RenderContext& ctx, const model::Postmortem& pm) {
  boost::json::array out;
  for (const auto& b : pm.bodies) {
    out.emplace_back(boost::json::object{{"audience", model::ToString(b.audience)},
                                         {"language", b.language},
                                         {"body", Readable(ctx, b, pm.published_at)}});
  }
  return out;
}

boost::json::object TextsJson(const model::Texts& texts) {
  boost::json::object out;
  for (const auto& [language, text] : texts) out[language] = text;
  return out;
}

boost::json::object FactsJson(const RenderContext& ctx, const model::PostmortemFacts& f) {
  boost::json::object o{{"summary", TextsJson(f.summary)},
                        {"customer_impact", TextsJson(f.customer_impact)},
                        {"root_cause", TextsJson(f.root_cause)},
                        {"actions", TextsJson(f.actions)},
                        {"credits_policy", TextsJson(f.credits_policy)}};
  boost::json::array chain, changes;
  for (const auto& c : f.chain) {
    chain.emplace_back(boost::json::object{{"at", Time(ctx, c.at)}, {"what", TextsJson(c.what)}});
  }
  for (const auto& c : f.changes) {
    changes.emplace_back(boost::json::object{{"by", Time(ctx, c.by)}, {"what", TextsJson(c.what)}});
  }
  o["chain"] = std::move(chain);
  o["changes"] = std::move(changes);
  return o;
}

// {"en": "...", "fr": "..."} or one English string.
base::Status ParseTexts(const boost::json::object& parent, std::string_view key,
                        const std::string& path, model::Texts& out) {
  const auto* value = parent.if_contains(key);
  if (!value || value->is_null()) return base::Status::Ok();
  const std::string field = base::JoinField(path, key);
  if (value->is_string()) {
    out["en"] = std::string(value->get_string());
    return base::Status::Ok();
  }
  if (!value->is_object())
    return base::InvalidArgument("must be an object of language → text", field);
  if (value->get_object().size() > model::kMaxPostmortemBodies) {
    return base::InvalidArgument("has too many languages", field);
  }
  for (const auto& [language, text] : value->get_object()) {
    if (!text.is_string())
      return base::InvalidArgument("must be a text", field + "." + std::string(language));
    out[std::string(language)] = std::string(text.get_string());
  }
  return base::Status::Ok();
}

// "chain": [{"at", "what"}] or "changes": [{"by", "what"}].
template <typename Item>
base::Status ParseItems(const boost::json::object& facts, std::string_view key,
                        std::string_view time_key, const std::string& path, std::vector<Item>& out,
                        std::optional<base::Time> Item::*time) {
  const auto* value = facts.if_contains(key);
  if (!value || value->is_null()) return base::Status::Ok();
  const std::string field = base::JoinField(path, key);
  if (!value->is_array()) return base::InvalidArgument("must be an array", field);
  const auto& array = value->get_array();
  if (array.size() > model::kMaxPostmortemItems) {
    return base::InvalidArgument(
        "has more than " + std::to_string(model::kMaxPostmortemItems) + " items", field);
  }
  for (size_t k = 0; k < array.size(); ++k) {
    const std::string item_path = field + "[" + std::to_string(k) + "]";
    if (!array[k].is_object()) return base::InvalidArgument("must be an object", item_path);
    JsonReader r(array[k].get_object(), item_path);
    Item item;
    PHARE_RETURN_IF_ERROR(r.Time(time_key, item.*time));
    PHARE_RETURN_IF_ERROR(ParseTexts(array[k].get_object(), "what", item_path, item.what));
    out.push_back(std::move(item));
  }
  return base::Status::Ok();
}

base::Result<model::PostmortemFacts> ParseFacts(const boost::json::object& o,
                                                const std::string& path) {
  model::PostmortemFacts f;
  for (const auto& [key, texts] :
       {std::pair{"summary", &f.summary}, std::pair{"customer_impact", &f.customer_impact},
        std::pair{"root_cause", &f.root_cause}, std::pair{"actions", &f.actions},
        std::pair{"credits_policy", &f.credits_policy}}) {
    PHARE_RETURN_IF_ERROR(ParseTexts(o, key, path, *texts));
  }
  PHARE_RETURN_IF_ERROR(ParseItems(o, "chain", "at", path, f.chain, &model::PostmortemCause::at));
  PHARE_RETURN_IF_ERROR(
      ParseItems(o, "changes", "by", path, f.changes, &model::PostmortemChange::by));
  return f;
}

}  // namespace

void AddPostmortemFields(const RenderContext& ctx, const model::Incident& i,
                         boost::json::object& o) {
  const model::Postmortem* pm = i.postmortem ? &*i.postmortem : nullptr;
  const bool published = pm && pm->published_at;
  const model::LocalizedBody* body =
      published ? model::PostmortemBodyFor(*pm, ctx.default_audience, ctx.default_language,
                                           ctx.default_language)
                : nullptr;
  o["postmortem_body"] =
      body ? boost::json::value(Readable(ctx, *body, pm->published_at)) : nullptr;
  o["postmortem_body_last_updated_at"] =
      published ? Time(ctx, pm->body_updated_at) : boost::json::value(nullptr);
  o["postmortem_published_at"] = published ? Time(ctx, pm->published_at) : nullptr;
  o["postmortem_notify_subscribers"] = pm ? pm->notify_subscribers : false;
  o["postmortem_notify_twitter"] = pm ? pm->notify_twitter : false;
  auto& ext = o["phare"].as_object();
  boost::json::object out{{"promised_by", pm ? Time(ctx, pm->promised_by) : nullptr}};
  out["bodies"] = published ? boost::json::value(BodiesJson(ctx, *pm)) : boost::json::array();
  ext["postmortem"] = std::move(out);
}

boost::json::object PostmortemJson(const RenderContext& ctx, const model::Postmortem& pm,
                                   const service::PostmortemReport* report) {
  const model::LocalizedBody* body = model::PostmortemBodyFor(
      pm, ctx.default_audience, ctx.default_language, ctx.default_language);
  boost::json::object o{{"incident_id", pm.incident_id},
                        {"body", body ? boost::json::value(body->body) : nullptr},
                        {"body_last_updated_at", Time(ctx, pm.body_updated_at)},
                        {"published_at", Time(ctx, pm.published_at)},
                        {"notify_subscribers", pm.notify_subscribers},
                        {"notify_twitter", pm.notify_twitter},
                        {"created_at", Time(ctx, pm.created_at)},
                        {"promised_by", Time(ctx, pm.promised_by)},
                        {"facts", FactsJson(ctx, pm.facts)}};
  boost::json::array bodies;
  for (const auto& b : pm.bodies) {
    bodies.emplace_back(boost::json::object{
        {"audience", model::ToString(b.audience)}, {"language", b.language}, {"body", b.body}});
  }
  o["bodies"] = std::move(bodies);
  if (report) {
    o["findings"] = FindingsJson(report->findings);
    boost::json::array notes;
    for (const auto& n : report->notes) notes.emplace_back(n);
    o["notes"] = std::move(notes);
  }
  return o;
}

base::Result<service::PostmortemInput> ParsePostmortemInput(const boost::json::object& body) {
  JsonReader r(body, "postmortem");
  service::PostmortemInput in;
  PHARE_RETURN_IF_ERROR(r.String("body", in.body, model::kMaxBodyBytes));
  PHARE_RETURN_IF_ERROR(r.Bool("notify_subscribers", in.notify_subscribers));
  PHARE_RETURN_IF_ERROR(r.Bool("notify_twitter", in.notify_twitter));
  std::optional<bool> draft;
  PHARE_RETURN_IF_ERROR(r.Bool("draft", draft));
  in.draft = draft.value_or(false);
  const boost::json::object* facts = nullptr;
  PHARE_RETURN_IF_ERROR(r.Object("facts", facts));
  if (facts) {
    PHARE_ASSIGN_OR_RETURN(in.facts, ParseFacts(*facts, "postmortem.facts"));
  }
  PHARE_ASSIGN_OR_RETURN(
      in.bodies, ParseLocalizedBodies(body, "postmortem.bodies", model::kMaxPostmortemBodies));
  return in;
}

}  // namespace phare::api
