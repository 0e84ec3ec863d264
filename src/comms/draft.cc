#include "comms/draft.h"

#include <fmt/format.h>

#include <unicode/listformatter.h>
#include <unicode/locid.h>

#include <memory>

#include "comms/draft_writer.h"
#include "comms/icu_util.h"
#include "comms/markdown.h"

namespace phare::comms {
namespace {

using base::InvalidArgument;
using base::Result;
using base::Status;

std::string Indexed(const char* list, size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

Status CheckLength(const std::string& text, size_t max, const std::string& field) {
  if (text.size() > max) {
    return InvalidArgument(field + " is longer than " + std::to_string(max) + " bytes", field);
  }
  return Status::Ok();
}

Status CheckTexts(const LocalizedText& text, const Catalogs& catalogs, const char* field) {
  for (const auto& [language, value] : text) {
    std::string name = field;
    name += '.';
    name += language;
    if (!catalogs.Find(language)) {
      return InvalidArgument(fmt::format("{}: '{}' is not a shipped language", name, language),
                             name);
    }
    PHARE_RETURN_IF_ERROR(CheckLength(value, kMaxOperatorTextBytes, name));
  }
  return Status::Ok();
}

Status CheckServices(const IncidentState& state, const Catalogs& catalogs) {
  if (state.services.size() > kMaxServices) {
    return InvalidArgument("more than " + std::to_string(kMaxServices) + " services", "services");
  }
  for (size_t i = 0; i < state.services.size(); ++i) {
    const AffectedService& s = state.services[i];
    const std::string field = Indexed("services", i, "product");
    if (s.product.empty() && s.names.empty()) {
      return InvalidArgument(field + ": give a product or names", field);
    }
    if (!s.product.empty() && !catalogs.Default().Has("product." + s.product)) {
      return InvalidArgument(field + ": unknown product '" + s.product +
                                 "' (see the product.* messages of the catalogs, or give names)",
                             field);
    }
    PHARE_RETURN_IF_ERROR(
        CheckLength(s.location, kMaxNameBytes, Indexed("services", i, "location")));
    for (const auto& [language, name] : s.names) {
      PHARE_RETURN_IF_ERROR(CheckLength(name, kMaxNameBytes, Indexed("services", i, "names")));
    }
  }
  return Status::Ok();
}

Status CheckComponents(const IncidentState& state) {
  if (state.components.size() > model::kMaxComponentsPerIncident) {
    return InvalidArgument("too many components", "components");
  }
  for (size_t i = 0; i < state.components.size(); ++i) {
    const auto& c = state.components[i];
    if (c.name.empty()) {
      return InvalidArgument("a component needs a name", Indexed("components", i, "name"));
    }
    PHARE_RETURN_IF_ERROR(CheckLength(c.name, kMaxNameBytes, Indexed("components", i, "name")));
    PHARE_RETURN_IF_ERROR(CheckLength(c.detail, kMaxNameBytes, Indexed("components", i, "detail")));
    for (const auto& [language, name] : c.names) {
      PHARE_RETURN_IF_ERROR(CheckLength(name, kMaxNameBytes, Indexed("components", i, "names")));
    }
  }
  return Status::Ok();
}

Status CheckTimes(const IncidentState& state) {
  if (state.estimate &&
      !(state.estimate->p10 <= state.estimate->p50 && state.estimate->p50 <= state.estimate->p90)) {
    return InvalidArgument("estimate quantiles must satisfy p10 <= p50 <= p90", "estimate");
  }
  const bool maintenance = state.kind == model::IncidentKind::kMaintenance;
  if (maintenance && !model::IsClosed(state.status) && !state.scheduled_until) {
    return InvalidArgument("an open maintenance needs scheduled_until", "scheduled_until");
  }
  if (maintenance && state.status == model::IncidentStatus::kScheduled && !state.scheduled_for) {
    return InvalidArgument("a scheduled maintenance needs scheduled_for", "scheduled_for");
  }
  if (state.scheduled_for && state.scheduled_until &&
      *state.scheduled_until < *state.scheduled_for) {
    return InvalidArgument("scheduled_until is before scheduled_for", "scheduled_until");
  }
  return Status::Ok();
}

}  // namespace

// "dedicated servers, VPS and cloud instances": ICU's list pattern for the locale.
Result<std::string> JoinList(const std::vector<std::string>& items, const std::string& language) {
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> list(icu::ListFormatter::createInstance(
      icu::Locale(language.c_str()), ULISTFMT_TYPE_AND, ULISTFMT_WIDTH_WIDE, ec));
  if (U_FAILURE(ec)) return IcuError("list format for '" + language + "'", ec);
  std::vector<icu::UnicodeString> unicode;
  unicode.reserve(items.size());
  for (const auto& item : items) unicode.push_back(ToUnicode(item));
  icu::UnicodeString out;
  list->format(unicode.data(), static_cast<int32_t>(unicode.size()), out, ec);
  if (U_FAILURE(ec)) return IcuError("list format", ec);
  return ToUtf8(out);
}

// The affected services in plain words, grouped by place, in the catalog's language.
Result<std::string> ServicesPhrase(const IncidentState& state, const Catalog& catalog,
                                   std::vector<std::string>& notes) {
  if (state.services.empty()) return catalog.Format("draft.services_unknown");
  std::vector<std::string> places;  // in order of first appearance
  std::map<std::string, std::vector<std::string>> products;
  for (const AffectedService& s : state.services) {
    std::string name;
    if (auto it = s.names.find(catalog.language()); it != s.names.end()) {
      name = EscapeMarkdown(it->second);
    } else if (!s.product.empty()) {
      PHARE_ASSIGN_OR_RETURN(name, catalog.Format("product." + s.product));
    } else {
      name = EscapeMarkdown(s.names.begin()->second);
      notes.push_back("service '" + s.names.begin()->second + "' has no " + catalog.language() +
                      " name: written as is");
    }
    if (!products.count(s.location)) places.push_back(s.location);
    products[s.location].push_back(std::move(name));
  }
  std::vector<std::string> groups;
  for (const std::string& place : places) {
    PHARE_ASSIGN_OR_RETURN(std::string list, JoinList(products[place], catalog.language()));
    if (place.empty()) {
      groups.push_back(std::move(list));
      continue;
    }
    PHARE_ASSIGN_OR_RETURN(
        std::string located,
        catalog.Format("draft.services_at",
                       {{"services", list}, {"location", EscapeMarkdown(place)}}));
    groups.push_back(std::move(located));
  }
  return JoinList(groups, catalog.language());
}

Status DraftWriter::Say(std::string_view key, const MessageArgs& args) {
  PHARE_ASSIGN_OR_RETURN(std::string text, catalog_.Format(key, args));
  if (open_) out_ += ' ';
  out_ += text;
  open_ = true;
  return Status::Ok();
}

void DraftWriter::Append(std::string_view markdown) {
  out_ += markdown;
  open_ = !markdown.empty() && markdown.back() != '\n';
}

void DraftWriter::EndParagraph() {
  if (open_) out_ += "\n\n";
  open_ = false;
}

std::string DraftWriter::Finish() {
  while (!out_.empty() && out_.back() == '\n') out_.pop_back();
  out_ += '\n';
  return std::move(out_);
}

std::string PickText(const LocalizedText& text, const DraftContext& context, std::string_view what,
                     bool fallback) {
  if (auto it = text.find(context.catalog.language()); it != text.end()) return it->second;
  if (text.empty()) return {};
  if (fallback) return text.begin()->second;
  context.notes.push_back(std::string(what) + " has no " + context.catalog.language() +
                          " text: left out of the " + context.catalog.language() + " draft");
  return {};
}

Status ValidateIncidentState(const IncidentState& state, const Catalogs& catalogs) {
  if (model::KindOf(state.status) != state.kind) {
    return InvalidArgument("status '" + std::string(model::ToString(state.status)) +
                               "' is not a status of a " + std::string(model::ToString(state.kind)),
                           "status");
  }
  if (state.resolution &&
      (!model::IsClosed(state.status) || state.status == model::IncidentStatus::kPostmortem)) {
    return InvalidArgument("a resolution has status resolved or completed", "resolution");
  }
  if ((state.resources_affected && *state.resources_affected < 0) ||
      (state.customers_affected && *state.customers_affected < 0)) {
    return InvalidArgument("impact counts cannot be negative", "resources_affected");
  }
  PHARE_RETURN_IF_ERROR(CheckLength(state.cause, model::kMaxCauseBytes, "cause"));
  PHARE_RETURN_IF_ERROR(CheckServices(state, catalogs));
  PHARE_RETURN_IF_ERROR(CheckComponents(state));
  PHARE_RETURN_IF_ERROR(CheckTimes(state));
  PHARE_RETURN_IF_ERROR(CheckTexts(state.workaround, catalogs, "workaround"));
  return CheckTexts(state.root_cause, catalogs, "root_cause");
}

Result<Drafts> DraftUpdate(const IncidentState& state, const Catalogs& catalogs) {
  PHARE_RETURN_IF_ERROR(ValidateIncidentState(state, catalogs));
  Drafts drafts;
  for (const std::string& language : catalogs.Languages()) {
    const Catalog& catalog = *catalogs.Find(language);
    PHARE_ASSIGN_OR_RETURN(std::string services, ServicesPhrase(state, catalog, drafts.notes));
    const DraftContext context{state, catalog, std::move(services), drafts.notes};
    PHARE_ASSIGN_OR_RETURN(std::string general, GeneralBody(context));
    PHARE_ASSIGN_OR_RETURN(std::string technical, TechnicalBody(context));
    drafts.bodies.push_back({model::Audience::kGeneral, language, std::move(general)});
    drafts.bodies.push_back({model::Audience::kTechnical, language, std::move(technical)});
  }
  return drafts;
}

}  // namespace phare::comms
