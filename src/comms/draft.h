// Drafting: from the structured state of an incident, the bodies of its next update for
// both audiences in every shipped language, as Markdown that operators may edit.
//
// The general body says, in plain words and short sentences: sorry (in the first message
// its readers get, in their language, and at the resolution of an incident); what is affected and
// since when; how many services or customers when known; that the teams are mobilised; where the
// work stands; when service should be back (an interval) or else when the next update will come;
// what the reader can do meanwhile; and, at resolution, what happens next (report, credits). The
// technical body lists status, impact, the affected components, the cause and the estimate's
// quantiles.
//
// Times are written as tokens ("{time:...}", time_tokens.h) so that each reader sees them
// in their own zone. Pure function of its inputs; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "comms/catalog.h"
#include "model/component.h"
#include "model/incident.h"

namespace phare::comms {

// Text an operator wrote, per language ("fr" → "..."). Markdown.
using LocalizedText = std::map<std::string, std::string, std::less<>>;

// An affected service as customers know it: a product of the catalogs ("product.<code>":
// dedicated_servers, vps, cloud_instances, private_cloud, web_hosting, email, domains,
// databases, storage, network, control_panel, api) at a place ("Strasbourg", written as
// customers know it, not translated). `names` replaces the product's name in the languages
// it has (for products the catalogs do not know).
struct AffectedService {
  std::string product;
  std::string location;
  LocalizedText names;
};

// A failed or degraded part of the infrastructure, for the technical body.
struct TechnicalComponent {
  std::string name;  // "SBG grid feed A"
  model::ComponentStatus status = model::ComponentStatus::kMajorOutage;
  std::string detail;   // optional, one line: "upstream breaker tripped"
  LocalizedText names;  // its name in other languages, where it has one
};

struct IncidentState {
  model::IncidentKind kind = model::IncidentKind::kIncident;
  model::IncidentStatus status = model::IncidentStatus::kInvestigating;
  model::Impact impact = model::Impact::kMajor;
  base::Time at{};                          // the time of this update
  base::Time started_at{};                  // when the trouble began (incidents)
  std::optional<base::Time> resolved_at;    // at resolution; defaults to `at`
  std::optional<base::Time> scheduled_for;  // maintenance window
  std::optional<base::Time> scheduled_until;
  std::vector<AffectedService> services;
  std::vector<TechnicalComponent> components;
  std::optional<int64_t> resources_affected;  // servers, VPS, hostings... when known
  std::optional<int64_t> customers_affected;
  std::optional<model::Estimate> estimate;   // time of restoration, p10 <= p50 <= p90
  std::optional<base::Time> next_update_at;  // promised (see cadence.h)
  LocalizedText workaround;   // "what you can do meanwhile"; left out where a language lacks it
  std::string cause;          // category: "power", "network"...
  LocalizedText root_cause;   // technical; falls back to any language the operator wrote
  bool first_update = false;  // the incident's first update: every reader's first message
  // Languages whose general readers get their first message about the incident with this
  // update although it is not the first (earlier updates had no general body in their
  // language, e.g. technical ones only): their general body apologises too.
  std::set<std::string, std::less<>> first_general_languages;
  bool resolution = false;  // this update closes the incident (status resolved/completed)
  bool postmortem_planned = false;
  std::optional<base::Time> postmortem_by;
  bool credits_apply = false;  // SLA credits will be applied automatically
};

inline constexpr size_t kMaxServices = 100;
inline constexpr size_t kMaxNameBytes = 300;
inline constexpr size_t kMaxOperatorTextBytes = 4000;

struct Drafts {
  // For each shipped language (catalog order): general, then technical.
  std::vector<model::LocalizedBody> bodies;
  // What the operator should know about the drafts ("no English text for the
  // workaround: left out").
  std::vector<std::string> notes;
};

// Checks `state` against the limits and its own consistency; InvalidArgument naming the
// field ("services[2].product", "resolution") otherwise.
base::Status ValidateIncidentState(const IncidentState& state, const Catalogs& catalogs);

// Drafts the bodies; the errors of ValidateIncidentState, or Internal if a catalog
// message cannot be formatted.
base::Result<Drafts> DraftUpdate(const IncidentState& state,
                                 const Catalogs& catalogs = Catalogs::Builtin());

}  // namespace phare::comms
