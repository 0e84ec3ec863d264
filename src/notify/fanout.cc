#include "notify/fanout.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "model/rollup.h"

namespace phare::notify {
namespace {

VariantKey KeyOf(const store::FanoutCandidate& c) {
  VariantKey key;
  key.channel = c.channel;
  if (c.channel == model::Channel::kWebhook) return key;
  key.flavor = c.flavor;
  key.language = c.language;
  key.zone = c.time_zone;
  key.audience = c.audience;
  return key;
}

// The page, its components and its status now, for `context`.
base::Status LoadPage(store::Tx& tx, UpdateContext& context) {
  PHARE_ASSIGN_OR_RETURN(context.page, tx.GetPage());
  PHARE_ASSIGN_OR_RETURN(context.components, tx.ListComponents());
  store::IncidentQuery open;
  open.open_only = true;
  open.with_details = false;
  open.limit = 1000;
  PHARE_ASSIGN_OR_RETURN(auto open_incidents, tx.ListIncidents(open));
  context.page_status = model::ComputePageStatus(context.components, open_incidents);
  return base::Status::Ok();
}

}  // namespace

Fanout::Fanout(store::Store& store, const base::Clock& clock, FanoutOptions options,
               IncidentJsonFn incident_json, CustomerMatchFn customer_match)
    : store_(store),
      clock_(clock),
      options_(std::move(options)),
      incident_json_(std::move(incident_json)),
      customer_match_(std::move(customer_match)) {}

base::Status Fanout::Load(store::Tx& tx, const store::FanoutJob& job) {
  job_id_ = job.id;
  context_.reset();
  components_.clear();
  variants_.clear();
  PHARE_ASSIGN_OR_RETURN(auto variants, tx.ListVariants(job.id));
  variants_.insert(variants.begin(), variants.end());
  if (job.event == store::NotifyEvent::kComponent) {
    return LoadComponent(tx, job, std::make_unique<UpdateContext>());
  }
  auto incident = tx.GetIncident(job.incident_id);
  if (!incident.ok()) {
    if (incident.status().code() == base::Code::kNotFound) return base::Status::Ok();
    return incident.status();
  }
  auto update = std::find_if(incident->updates.begin(), incident->updates.end(),
                             [&](const auto& u) { return u.id == job.update_id; });
  if (update == incident->updates.end()) return base::Status::Ok();  // deleted since
  auto context = std::make_unique<UpdateContext>();
  PHARE_RETURN_IF_ERROR(LoadPage(tx, *context));
  context->update = *update;
  context->incident = std::move(incident).value();
  context->default_language = options_.default_language;
  context->feedback_key = options_.feedback_key;
  if (incident_json_) {
    context->incident_json = incident_json_(context->page, context->incident, context->components);
  }
  for (const auto& id : job.component_ids) {
    components_.insert(id);
    for (const auto& c : context->components) {
      if (c.id == id && c.group_id) components_.insert(*c.group_id);
    }
  }
  context_ = std::move(context);
  return base::Status::Ok();
}

base::Status Fanout::LoadComponent(store::Tx& tx, const store::FanoutJob& job,
                                   std::unique_ptr<UpdateContext> context) {
  if (!options_.component_json) return base::Status::Ok();
  const std::string id(store::ComponentOfJobKey(job.incident_id));
  auto component = tx.GetComponent(id);
  if (!component.ok()) {  // deleted since: nobody to tell
    if (component.status().code() == base::Code::kNotFound) return base::Status::Ok();
    return component.status();
  }
  PHARE_RETURN_IF_ERROR(LoadPage(tx, *context));
  context->default_language = options_.default_language;
  context->component_json = options_.component_json(context->page, *component, context->components);
  const std::string_view detail = job.detail;
  const size_t arrow = detail.find('>');
  context->component_change = ComponentChange{
      job.update_id, component->id, std::string(detail.substr(0, arrow)),
      arrow == std::string_view::npos ? std::string(model::ToString(component->status))
                                      : std::string(detail.substr(arrow + 1)),
      job.created_at};
  components_.insert(component->id);
  if (component->group_id) components_.insert(*component->group_id);
  context_ = std::move(context);
  return base::Status::Ok();
}

bool Fanout::Wants(const store::FanoutCandidate& c, const store::FanoutJob& job) const {
  if (!c.all_updates && job.event == store::NotifyEvent::kUpdated) return false;
  if (job.event == store::NotifyEvent::kComponent) {
    // Statuspage's component_update: for webhooks, page-wide or of that component.
    if (c.channel != model::Channel::kWebhook) return false;
    if (c.scope == model::SubscriberScope::kCustomer) return false;
  }
  switch (c.scope) {
    case model::SubscriberScope::kPage:
      return true;
    case model::SubscriberScope::kComponents:
      return std::any_of(c.component_ids.begin(), c.component_ids.end(),
                         [&](const std::string& id) { return components_.count(id) > 0; });
    case model::SubscriberScope::kCustomer:
      return !customer_match_ || customer_match_(c.customer_id, job);
  }
  return false;
}

// The stored variant for `c`'s reading, rendered now if this job has not rendered it yet.
// A reading that cannot be rendered (a zone tzdata no longer knows) falls back to the
// page's default language in UTC, so no subscriber is left out.
base::Result<int64_t> Fanout::VariantFor(store::Tx& tx, const store::FanoutJob& job,
                                         const store::FanoutCandidate& c) {
  VariantKey key = KeyOf(c);
  const std::string text = key.Text();
  if (auto it = variants_.find(text); it != variants_.end()) return it->second;
  context_->now = clock_.Now();
  auto variant = RenderUpdate(*context_, key);
  if (!variant.ok()) {
    spdlog::warn("notification variant {} of job {}: {}; using {} in UTC", text, job.id,
                 variant.status().ToString(), options_.default_language);
    key.language = options_.default_language;
    key.zone = "UTC";
    PHARE_ASSIGN_OR_RETURN(variant, RenderUpdate(*context_, key));
  }
  PHARE_ASSIGN_OR_RETURN(int64_t id, tx.InsertVariant(job.id, text, variant->Serialize()));
  ++variants_rendered_;
  variants_.emplace(text, id);
  return id;
}

base::Result<bool> Fanout::Step() {
  bool worked = false;
  uint64_t queued = 0, rendered = variants_rendered_;
  const auto status = store_.Write([&](store::Tx& tx) {
    PHARE_ASSIGN_OR_RETURN(auto next, tx.NextFanoutJob());
    if (!next) return base::Status::Ok();
    worked = true;
    store::FanoutJob job = std::move(*next);
    if (job.id != job_id_) PHARE_RETURN_IF_ERROR(Load(tx, job));
    std::vector<store::FanoutCandidate> batch;
    if (context_) {
      PHARE_ASSIGN_OR_RETURN(batch,
                             tx.FanoutBatch(job.cursor, job.last_subscriber, options_.batch));
    }
    const auto now = clock_.Now();
    std::vector<store::NewDelivery> deliveries;
    deliveries.reserve(batch.size());
    for (const auto& c : batch) {
      if (!Wants(c, job)) continue;
      PHARE_ASSIGN_OR_RETURN(int64_t variant, VariantFor(tx, job, c));
      deliveries.push_back({job.id, variant, c.key, job.incident_id, c.channel, now});
    }
    PHARE_ASSIGN_OR_RETURN(auto counts, tx.QueueDeliveries(deliveries));
    const bool done = batch.size() < options_.batch;
    job.cursor = done ? job.last_subscriber : batch.back().key;
    job.queued += counts.inserted + counts.coalesced;
    job.coalesced += counts.coalesced;
    if (done) job.finished_at = now;
    queued = static_cast<uint64_t>(counts.inserted + counts.coalesced);
    return tx.UpdateFanoutJob(job);
  });
  if (!status.ok()) {
    // The transaction rolled back: forget what this batch rendered and reload the job.
    variants_rendered_ = rendered;
    job_id_ = 0;
    return status;
  }
  deliveries_queued_ += queued;
  return worked;
}

}  // namespace phare::notify
