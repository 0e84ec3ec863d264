// Use cases on components and component groups. Each validates its input, writes in
// one transaction with its audit entry, then calls ctx.on_change. Errors:
// InvalidArgument naming the field, NotFound for an unknown id in the path,
// FailedPrecondition for a change the current state forbids (a group inside a group).
// Thread-safe (the store serializes writes).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/access.h"
#include "model/component.h"
#include "model/incident.h"
#include "model/uptime.h"
#include "service/context.h"

namespace phare::service {

// Fields of a create or a patch; absent fields are left as they are (or defaulted on
// create). `std::optional<std::optional<T>>` distinguishes "absent" from "set to null".
struct ComponentInput {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> description;
  std::optional<model::ComponentStatus> status;
  std::optional<int64_t> position;
  std::optional<bool> showcase;
  std::optional<bool> only_show_if_degraded;
  std::optional<std::optional<std::string>> group_id;
  std::optional<std::optional<std::string>> start_date;
  std::optional<std::string> product;   // phare: a catalog product code, or ""
  std::optional<std::string> location;  // phare: the place customers know
  // phare: names in other languages (model/names.h); replaces all of them when given.
  std::optional<model::LocalizedNames> names;
  std::optional<model::LocalizedNames> descriptions;  // phare: likewise, for the description
};

struct GroupInput {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> description;
  std::optional<int64_t> position;
  std::optional<std::vector<std::string>> components;  // child ids; replaces the children
  std::optional<model::LocalizedNames> names;          // phare: as ComponentInput::names
};

// What a component's track record is computed from (model/uptime.h).
struct ComponentHistory {
  model::Component component;
  std::vector<model::StatusChange> changes;  // from the one in force at `since` on
  std::vector<model::Incident> incidents;    // naming the component, updated since `since`
  std::string time_zone;                     // the page's
};

class ComponentService {
 public:
  explicit ComponentService(Context& ctx) : ctx_(ctx) {}

  base::Result<std::vector<model::Component>> List();
  base::Result<model::Component> Get(const std::string& id);
  // The component `id` (not a group: NotFound) with its status changes and incidents
  // since `since`, read in one transaction.
  base::Result<ComponentHistory> History(const std::string& id, base::Time since);
  base::Result<model::Component> Create(const model::Actor& actor, const ComponentInput& input);
  base::Result<model::Component> Update(const model::Actor& actor, const std::string& id,
                                        const ComponentInput& input);
  // Deleting a group detaches its children.
  base::Status Delete(const model::Actor& actor, const std::string& id);

  base::Result<model::Component> CreateGroup(const model::Actor& actor, const GroupInput& input);
  base::Result<model::Component> UpdateGroup(const model::Actor& actor, const std::string& id,
                                             const GroupInput& input);

 private:
  base::Status Apply(store::Tx& tx, const ComponentInput& input, model::Component& c);
  base::Status SetChildren(store::Tx& tx, const model::Component& group,
                           const std::vector<std::string>& children);

  Context& ctx_;
};

// Children of `group_id` among `all`, in display order.
std::vector<const model::Component*> ChildrenOf(const std::vector<model::Component>& all,
                                                const std::string& group_id);

}  // namespace phare::service
