// Use cases on incidents and scheduled maintenance: declare, update (each update is
// one step of the public timeline), edit an update, delete, and move maintenance
// through its window on schedule.
//
// Side effects, all inside the same transaction as the change itself:
//  - explicit component statuses (`components`) are applied and recorded on the update
//    as affected_components (old → new);
//  - maintenance entering in_progress puts its components under_maintenance (saving
//    their status); completing restores them;
//  - resolving an incident returns its components to operational unless the operator
//    gave their status or another open incident still affects them;
//  - impact is the operator's override, else the worst impact the incident's
//    components have reached (Statuspage's rule: major_outage → critical ...).
//  - a published update that asks for notifications queues one fan-out job
//    (service/notifications.h); subscribers are told by the notify pipeline later.
// Errors: InvalidArgument naming the field; NotFound for an unknown incident id.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/access.h"
#include "model/incident.h"
#include "model/inventory.h"
#include "service/context.h"
#include "service/drafting.h"
#include "service/postmortem_fields.h"
#include "store/store.h"

namespace phare::service {

struct IncidentInput {
  std::optional<model::IncidentKind> kind;  // default: from status / scheduled_for
  std::optional<std::string> name;
  // phare: names in other languages (model/names.h); replaces all of them when given.
  std::optional<model::LocalizedNames> names;
  std::optional<model::IncidentStatus> status;
  std::optional<std::optional<model::Impact>> impact_override;
  std::optional<std::string> body;
  std::vector<model::LocalizedBody> bodies;
  std::optional<std::vector<std::string>> component_ids;
  std::vector<std::pair<std::string, model::ComponentStatus>> components;  // explicit statuses
  std::optional<base::Time> scheduled_for;
  std::optional<base::Time> scheduled_until;
  std::optional<bool> scheduled_remind_prior;
  std::optional<bool> scheduled_auto_in_progress;
  std::optional<bool> scheduled_auto_completed;
  std::optional<bool> deliver_notifications;
  std::optional<base::Time> started_at;  // backfill: when it really began
  std::optional<std::string> cause;
  std::optional<std::optional<base::Time>> next_update_at;
  // phare: an operator's restoration estimate for this update (stated_at is set by
  // the service), drafting of the bodies the operator did not write, and the facts the
  // drafts may use.
  std::optional<model::OperatorEstimate> operator_estimate;
  bool draft = false;
  DraftFacts draft_facts;
  // phare: inventory nodes reported down, degraded or restored (node_id and condition);
  // the graph then sets the statuses of the components they affect, except those given
  // in `components` (see InventoryService). Errors name `root_nodes_field`.
  std::vector<model::NodeReport> root_nodes;
  std::string root_nodes_field = "incident.phare.root_nodes";
  // Statuspage's postmortem_* fields and phare's promised report date (the draft facts'
  // postmortem_by counts too); see PostmortemService.
  PostmortemFields postmortem;
};

// What publishing an update produced besides the incident: checker findings on its
// bodies, warnings (the data disagreeing with an operator's estimate, draft notes).
// When a finding blocks publishing, the call fails with InvalidArgument (field
// "incident.body") and nothing is written; the findings say why.
struct PublishReport {
  std::vector<BodyFinding> findings;
  std::vector<std::string> warnings;
};

struct UpdateEdit {
  std::optional<std::string> body;
  std::optional<base::Time> display_at;
  std::optional<bool> deliver_notifications;
};

class InventoryService;

class IncidentService {
 public:
  explicit IncidentService(Context& ctx) : ctx_(ctx) {}
  // Node reports (IncidentInput::root_nodes) go through `inventory`; without it they
  // are refused. Set once, before use; it must outlive this service.
  void set_inventory(InventoryService* inventory) { inventory_ = inventory; }

  base::Result<std::vector<model::Incident>> List(const store::IncidentQuery& query);
  base::Result<model::Incident> Get(const std::string& id);
  base::Result<model::Incident> Create(const model::Actor& actor, const IncidentInput& input,
                                       PublishReport* report = nullptr);
  base::Result<model::Incident> Update(const model::Actor& actor, const std::string& id,
                                       const IncidentInput& input, PublishReport* report = nullptr);
  // Records restoration progress (monitoring probes, operators) and recomputes the
  // estimates. InvalidArgument for restored > total, total <= 0, a time in the
  // future or before the incident began; ResourceExhausted past
  // eta::kMaxProgressSamples samples.
  base::Result<model::Incident> AddProgress(const model::Actor& actor, const std::string& id,
                                            model::ProgressSample sample,
                                            PublishReport* report = nullptr);
  base::Result<std::vector<model::ProgressSample>> Progress(const std::string& id);
  // Drafts (does not publish) the bodies of an update that would move the incident to
  // `status` (its current one when empty), with their checker findings.
  // What publishing `input` as an update of `id` would report, without writing: the
  // checker's findings on its bodies, and the warning when the data disagrees with the
  // restoration estimate it states.
  base::Result<PublishReport> Check(const std::string& id, const IncidentInput& input);
  base::Result<comms::Drafts> Draft(const std::string& id,
                                    std::optional<model::IncidentStatus> status,
                                    const DraftFacts& facts, PublishReport* report = nullptr);
  base::Result<model::Incident> EditUpdate(const model::Actor& actor, const std::string& id,
                                           const std::string& update_id, const UpdateEdit& edit);
  base::Status Delete(const model::Actor& actor, const std::string& id);

  // Moves due maintenance (auto in-progress/completed) at the clock's now. Returns how
  // many incidents changed. Called by the scheduler every second or so.
  base::Result<int> AdvanceMaintenance();

 private:
  Context& ctx_;
  InventoryService* inventory_ = nullptr;
};

}  // namespace phare::service
