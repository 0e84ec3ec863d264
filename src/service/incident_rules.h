// The rules behind IncidentService, separated so each stays small and testable:
// input validation, component status changes, status transitions and their side
// effects. Internal to the service layer.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/component.h"
#include "model/incident.h"
#include "service/incidents.h"
#include "store/store.h"

namespace phare::service::rules {

// Sizes, counts, languages, maintenance window. `create` requires a name.
base::Status ValidateInput(const IncidentInput& in, bool create);

// The kind a new incident gets from its input.
model::IncidentKind KindFor(const IncidentInput& in);

// The page's components, loaded once per transaction and written back on change.
class ComponentTable {
 public:
  static base::Result<ComponentTable> Load(store::Tx& tx);
  model::Component* Find(const std::string& id);
  const std::vector<model::Component>& all() const { return all_; }
  // Sets `id` to `status` at `now`, recording the change in `affected` (no-op when
  // unchanged).
  base::Status Set(store::Tx& tx, const std::string& id, model::ComponentStatus status,
                   base::Time now, std::vector<model::AffectedComponent>& affected);

 private:
  std::vector<model::Component> all_;
};

// Checks that `id` is a component and not a group; errors name `field`.
base::Status CheckComponentId(ComponentTable& table, const std::string& id,
                              const std::string& field);
// The same for each of `ids`, naming field[i].
base::Status CheckComponentIds(ComponentTable& table, const std::vector<std::string>& ids,
                               const char* field);

// Applies the side effects of moving `incident` from `old_status` to its current
// status (see incidents.h). Components in `explicit_ids` were set by the operator
// and are left alone.
base::Status ApplyTransition(store::Tx& tx, ComponentTable& table, const model::Incident& incident,
                             model::IncidentStatus old_status,
                             const std::set<std::string>& explicit_ids, base::Time now,
                             std::vector<model::AffectedComponent>& affected);

// Sets identified_at / monitoring_at / resolved_at the first time each is reached.
void StampStatusTimes(model::Incident& incident, base::Time now);

// Override, else the worst of the previous impact and the components' statuses now.
model::Impact ComputeImpact(const model::Incident& incident, ComponentTable& table);

// The text Statuspage posts when maintenance moves by itself.
std::string_view AutomaticBody(model::IncidentStatus status);

}  // namespace phare::service::rules
