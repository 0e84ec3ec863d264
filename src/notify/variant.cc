#include "notify/variant.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "base/json.h"

namespace phare::notify {
namespace {

std::string Text(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace

std::string Variant::Serialize() const {
  boost::json::object o;
  o["channel"] = model::ToString(channel);
  if (!subject.empty()) o["subject"] = subject;
  if (!text.empty()) o["text"] = text;
  if (!html.empty()) o["html"] = html;
  if (!thread_id.empty()) o["thread_id"] = thread_id;
  if (channel == model::Channel::kChat) {
    o["flavor"] = flavor;
    o["headline"] = headline;
    o["title"] = title;
    o["link"] = link;
    o["color"] = color;
    o["footer"] = footer;
    boost::json::array list;
    for (const auto& [name, value] : fields) list.push_back(boost::json::array{name, value});
    o["fields"] = std::move(list);
  }
  if (channel == model::Channel::kWebhook) {
    o["page"] = boost::json::object{{"id", page.id},
                                    {"status_indicator", page.status_indicator},
                                    {"status_description", page.status_description}};
    o["incident"] = incident_json;
    if (!component_json.empty()) {
      const ComponentChange& c = component_change;
      o["component"] = component_json;
      o["component_update"] = boost::json::object{{"id", c.id},
                                                  {"component_id", c.component_id},
                                                  {"old_status", c.old_status},
                                                  {"new_status", c.new_status},
                                                  {"created_at", base::ToMillis(c.created_at)}};
    }
  }
  return boost::json::serialize(o);
}

base::Result<Variant> Variant::Parse(std::string_view json) {
  PHARE_ASSIGN_OR_RETURN(auto value, base::ParseJson(json));
  if (!value.is_object()) return base::InvalidArgument("a variant must be a JSON object");
  const auto& o = value.get_object();
  Variant v;
  const auto channel = model::ParseChannel(Text(o, "channel"));
  if (!channel) return base::InvalidArgument("a variant needs a known channel");
  v.channel = *channel;
  v.subject = Text(o, "subject");
  v.text = Text(o, "text");
  v.html = Text(o, "html");
  v.thread_id = Text(o, "thread_id");
  v.flavor = Text(o, "flavor");
  v.headline = Text(o, "headline");
  v.title = Text(o, "title");
  v.link = Text(o, "link");
  v.color = Text(o, "color");
  v.footer = Text(o, "footer");
  if (const auto* fields = o.if_contains("fields"); fields && fields->is_array()) {
    for (const auto& item : fields->get_array()) {
      const auto* pair = item.if_array();
      if (!pair || pair->size() != 2 || !(*pair)[0].is_string() || !(*pair)[1].is_string()) {
        return base::InvalidArgument("a chat field must be [name, value]");
      }
      v.fields.emplace_back(std::string((*pair)[0].get_string()),
                            std::string((*pair)[1].get_string()));
    }
  }
  if (const auto* page = o.if_contains("page"); page && page->is_object()) {
    v.page.id = Text(page->get_object(), "id");
    v.page.status_indicator = Text(page->get_object(), "status_indicator");
    v.page.status_description = Text(page->get_object(), "status_description");
  }
  v.incident_json = Text(o, "incident");
  v.component_json = Text(o, "component");
  if (const auto* change = o.if_contains("component_update"); change && change->is_object()) {
    const auto& c = change->get_object();
    v.component_change.id = Text(c, "id");
    v.component_change.component_id = Text(c, "component_id");
    v.component_change.old_status = Text(c, "old_status");
    v.component_change.new_status = Text(c, "new_status");
    const auto* at = c.if_contains("created_at");
    if (at && at->is_int64()) v.component_change.created_at = base::FromMillis(at->get_int64());
  }
  return v;
}

std::string ReplaceMarker(std::string_view text, std::string_view marker, std::string_view value) {
  std::string out;
  out.reserve(text.size() + value.size());
  for (;;) {
    const auto at = text.find(marker);
    if (at == std::string_view::npos) break;
    out.append(text.substr(0, at));
    out.append(value);
    text.remove_prefix(at + marker.size());
  }
  out.append(text);
  return out;
}

}  // namespace phare::notify
