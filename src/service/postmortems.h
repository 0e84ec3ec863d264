// Use cases on post-mortems (model/postmortem.h): save a draft (facts, bodies, drafting
// from the facts), publish, revert to draft, delete; and what the page and the cadence
// check need.
//
// Save drafts the bodies the operator did not give when asked (`draft`), from the facts
// and the incident's record: the services it hit, the inventory's impact per product and
// site (resources and customers hit), the timeline of its status changes, node reports
// and restoration progress. Every body is checked (comms/checker.h, as a post-mortem);
// findings come back in the report and block only publishing.
//
// Publish needs a resolved incident and at least one body; a blocking finding fails it
// with InvalidArgument (field "postmortem.bodies") and nothing changes. It sets
// published_at and moves the incident to status `postmortem` with an update whose bodies
// (per audience and language) say where to read the report; subscribers are told through
// the usual outbox when notify_subscribers holds. Publishing again changes nothing and
// tells no one twice. Revert unpublishes (the incident keeps its status).
//
// Errors: NotFound for an unknown incident or, except for Save, a missing post-mortem;
// FailedPrecondition for maintenance, or publishing before resolution; InvalidArgument
// naming the field. Thread-safe like the services it uses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/access.h"
#include "model/postmortem.h"
#include "service/context.h"
#include "service/drafting.h"

namespace phare::service {

class IncidentService;
class InventoryService;

struct PostmortemInput {
  std::optional<model::PostmortemFacts> facts;  // replaces every fact when given
  std::vector<model::LocalizedBody> bodies;     // the communicator's, per audience/language
  std::optional<std::string> body;              // Statuspage's postmortem_body
  std::optional<bool> notify_subscribers;
  std::optional<bool> notify_twitter;
  bool draft = false;  // draft the bodies not given in `bodies` (replacing earlier ones)
};

// What saving or publishing found: the checker's findings on every body, and notes on
// the drafts (a fact missing in a language...).
struct PostmortemReport {
  std::vector<BodyFinding> findings;
  std::vector<std::string> notes;
};

class PostmortemService {
 public:
  // `inventory` (optional, may be null) gives the customers hit; both must outlive this.
  PostmortemService(Context& ctx, IncidentService& incidents, InventoryService* inventory)
      : ctx_(ctx), incidents_(incidents), inventory_(inventory) {}

  base::Result<model::Postmortem> Get(const std::string& incident_id);
  base::Result<model::Postmortem> Save(const model::Actor& actor, const std::string& incident_id,
                                       const PostmortemInput& input,
                                       PostmortemReport* report = nullptr);
  // `notify` overrides the post-mortem's notify_subscribers.
  base::Result<model::Postmortem> Publish(const model::Actor& actor, const std::string& incident_id,
                                          std::optional<bool> notify = std::nullopt,
                                          PostmortemReport* report = nullptr);
  base::Result<model::Postmortem> Revert(const model::Actor& actor, const std::string& incident_id);
  base::Status Delete(const model::Actor& actor, const std::string& incident_id);

 private:
  Context& ctx_;
  IncidentService& incidents_;
  InventoryService* inventory_;
};

// The findings of every body of `postmortem`, checked as a post-mortem of `incident`.
base::Result<std::vector<BodyFinding>> CheckPostmortem(const model::Incident& incident,
                                                       const model::Postmortem& postmortem,
                                                       const Policies& policies,
                                                       const base::Zone& zone);

}  // namespace phare::service
