// The fan-out: expands each fan-out job (one per published update, store/outbox.h) into
// deliveries, one batch of subscribers per transaction, oldest job first. Every
// distinct variant (channel, language, zone, audience) is rendered once per job and
// stored; deliveries point to it. A job's progress (its cursor) commits with each
// batch, so a crash resumes where the last batch ended and nothing is queued twice.
//
// Who gets a job: active subscribers up to the job's last key, whose scope covers the
// incident (the page; one of its components or their group; or, for customers, what
// `customer_match` says: everyone until the inventory tells), and who want this kind
// of update (all of them, or only the start and the end: all_updates false).
//
// Not thread-safe: one Fanout runs on one thread. Errors: the store's.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "notify/render.h"
#include "store/store.h"

namespace phare::notify {

// The incident as /api/v2/incidents.json shows it, for webhook payloads (the app passes
// the api layer's renderer: notify does not depend on it).
using IncidentJsonFn = std::function<std::string(const model::Page&, const model::Incident&,
                                                 const std::vector<model::Component>&)>;
// The component as /api/v2/components.json shows it, for component_update webhooks.
using ComponentJsonFn = std::function<std::string(const model::Page&, const model::Component&,
                                                  const std::vector<model::Component>&)>;

struct FanoutOptions {
  size_t batch = 5000;  // subscribers read per transaction
  std::string default_language = "en";
  ComponentJsonFn component_json;  // without it, component changes go to nobody
  std::string feedback_key;        // signs the e-mails' "Was this clear?" links; empty: none
};

// Whether a customer-scoped subscriber is concerned by a job.
using CustomerMatchFn =
    std::function<bool(std::string_view customer_id, const store::FanoutJob& job)>;

class Fanout {
 public:
  Fanout(store::Store& store, const base::Clock& clock, FanoutOptions options,
         IncidentJsonFn incident_json, CustomerMatchFn customer_match = {});

  // Expands one batch of the oldest unfinished job. False when no job was waiting.
  base::Result<bool> Step();

  uint64_t variants_rendered() const { return variants_rendered_; }
  uint64_t deliveries_queued() const { return deliveries_queued_; }

 private:
  base::Status Load(store::Tx& tx, const store::FanoutJob& job);
  // Load() for a component's change (NotifyEvent::kComponent).
  base::Status LoadComponent(store::Tx& tx, const store::FanoutJob& job,
                             std::unique_ptr<UpdateContext> context);
  bool Wants(const store::FanoutCandidate& c, const store::FanoutJob& job) const;
  base::Result<int64_t> VariantFor(store::Tx& tx, const store::FanoutJob& job,
                                   const store::FanoutCandidate& c);

  store::Store& store_;
  const base::Clock& clock_;
  FanoutOptions options_;
  IncidentJsonFn incident_json_;
  CustomerMatchFn customer_match_;
  // The job being expanded.
  int64_t job_id_ = 0;
  std::unique_ptr<UpdateContext> context_;  // null when its incident or update is gone
  std::set<std::string> components_;        // affected components and their groups
  std::unordered_map<std::string, int64_t> variants_;
  uint64_t variants_rendered_ = 0;
  uint64_t deliveries_queued_ = 0;
};

}  // namespace phare::notify
