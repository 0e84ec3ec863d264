#include "web/page_view.h"

#include "comms/catalog.h"
#include "comms/eta_words.h"
#include "web/feedback_pages.h"
#include "web/view.h"

namespace phare::web {

std::optional<PageView> PageView::Create(const service::PublicState& state,
                                         const SiteOptions& options, const Reading& reading) {
  if (!comms::Catalogs::Builtin().Find(reading.language)) return std::nullopt;
  auto zone = base::Zone::Find(reading.zone);
  if (!zone.ok()) return std::nullopt;
  auto reader = comms::Reader::Create(reading.language, *zone);
  if (!reader.ok()) return std::nullopt;
  PageView view(state, std::move(reader).value(), reading, options.default_language);
  view.feedback_key = options.feedback_key;
  return view;
}

const std::string& PageView::Name(const model::Component& c) const {
  return model::NameIn(c.names, reader.language(), c.name);
}

const std::string& PageView::Name(const model::Incident& i) const {
  return model::NameIn(i.names, reader.language(), i.name);
}

std::string PageView::When(base::Time t) const { return web::When(reader, t, state.now); }

std::string PageView::Month(base::Time t) const {
  const base::Zone& zone = reader.times().zone();
  return reader.Say(
      "ui.month_year",
      {{"month", std::to_string(std::stoll(zone.Format(t, "%m")))},  // a select key: "11"
       {"year", zone.Format(t, "%Y")}});
}

Data PageView::UpdatesData(const model::Incident& i, size_t max_updates) const {
  Data list{Data::type::list};
  for (size_t k = 0; k < i.updates.size() && k < max_updates; ++k) {
    const model::IncidentUpdate& u = i.updates[k];
    Data item;
    item.set("status", std::string(model::ToString(u.status)));
    item.set("status_label", StatusLabel(reader, u.status));
    item.set("iso", reader.times().zone().FormatRfc3339(u.display_at));
    item.set("when", When(u.display_at));
    const std::string& general =
        model::BodyFor(u, model::Audience::kGeneral, reading.language, default_language);
    const std::string& technical =
        model::BodyFor(u, model::Audience::kTechnical, reading.language, default_language);
    item.set("general_html", reader.Html(general, u.display_at));
    item.set("general_feedback", RenderFeedbackForm(*this, i, u, model::Audience::kGeneral));
    if (&technical != &general && technical != general && !technical.empty()) {
      item.set("technical_html", reader.Html(technical, u.display_at));
      item.set("technical_label", reader.Say("ui.audience_technical"));
      item.set("technical_feedback", RenderFeedbackForm(*this, i, u, model::Audience::kTechnical));
    }
    list.push_back(item);
  }
  return list;
}

Data PageView::IncidentData(const model::Incident& i, bool all_updates) const {
  Data d;
  d.set("id", i.id);
  d.set("name", Name(i));
  d.set("status", std::string(model::ToString(i.status)));
  d.set("status_label", StatusLabel(reader, i.status));
  d.set("impact", std::string(ImpactClass(i)));
  d.set("impact_label", ImpactLabel(reader, i));
  std::string names;
  for (const auto& id : i.component_ids) {
    for (const auto& c : state.components) {
      if (c.id != id) continue;
      if (!names.empty()) names += ", ";
      names += Name(c);
    }
  }
  if (!names.empty()) d.set("affected", reader.Say("ui.affected", {{"components", names}}));
  if (i.scheduled_for && i.scheduled_until) {
    d.set("window", Window(reader, *i.scheduled_for, *i.scheduled_until, state.now));
  }
  if (!model::IsClosed(i.status) && !i.estimates.empty()) {
    // Never a passed time as expected; the snapshot is rebuilt before the promise passes.
    d.set("eta", comms::ExpectedBackLine(
                     reader, i.estimates.front(), state.now,
                     [this](base::Time t) { return When(t); }, /*interval=*/true));
  }
  if (!i.impact_counts.empty() && i.impact_counts.front().dimension == "total") {
    const model::ImpactCount& total = i.impact_counts.front();
    if (!model::IsClosed(i.status) && total.affected > 0) {
      d.set("counts", reader.Say("ui.impact_now", {{"affected", total.affected},
                                                   {"customers", total.customers_affected},
                                                   {"restored", total.restored}}));
    } else if (total.hit > 0) {
      d.set("counts", reader.Say("ui.impact_hit", {{"hit", total.hit}}));
    }
  }
  if (!model::IsClosed(i.status) && i.next_update_at && *i.next_update_at > state.now) {
    d.set("next_update", reader.Say("ui.next_update_by", {{"time", When(*i.next_update_at)}}));
  }
  d.set("updates", UpdatesData(i, all_updates ? i.updates.size() : 1));
  if (!all_updates && i.updates.size() > 1) {
    d.set("more", reader.Say("ui.read_more") + " (" + std::to_string(i.updates.size()) + ")");
  }
  return d;
}

std::string PageView::Layout(const std::string& title, const std::string& path,
                             const std::string& content) const {
  Data d;
  d.set("lang", reader.language());
  d.set("title", title);
  d.set("page_name", state.page.name);
  for (const char* key : {"skip_to_content", "current_status", "incident_history",
                          "machine_readable", "preferences", "apply", "powered_by"}) {
    d.set(key, reader.Say(std::string("ui.") + key));
  }
  d.set("language_label", reader.Say("ui.language"));
  d.set("time_zone_label", reader.Say("ui.time_zone"));
  const base::Zone& zone = reader.times().zone();
  d.set("zone_name", zone.name());
  d.set("times_shown_in",
        reader.Say("ui.times_shown_in",
                   {{"zone", zone.name() + " (" + reader.times().ZoneLabel(state.now) + ")"}}));
  d.set("generated_at", reader.Say("ui.generated_at", {{"time", When(state.now)}}));
  Data languages{Data::type::list};
  for (const auto& code : comms::Catalogs::Builtin().Languages()) {
    Data l;
    l.set("code", code);
    l.set("name", comms::Catalogs::Builtin().Find(code)->name());
    l.set("selected", code == reader.language());
    languages.push_back(l);
  }
  d.set("languages", languages);
  d.set("return_path", path);
  d.set("content", content);
  return RenderTemplate("layout.mustache", d);
}

}  // namespace phare::web
