// Notifications in a running `phare serve`: the subscriber service, the public and admin
// subscription endpoints with their rate limits, the subscription pages of the site, and
// the notification pipeline configured from [smtp], [sms] and [notify]
// (docs/notifications.md). Owned by Runtime::Serve; must outlive the HTTP server.
#pragma once

#include <memory>

#include "api/admin.h"
#include "app/publisher.h"
#include "app/scheduler.h"
#include "base/config.h"
#include "base/metrics.h"
#include "http/router.h"
#include "notify/pipeline.h"
#include "service/subscribers.h"

namespace phare::app {

// The pipeline's options from the configuration; InvalidArgument naming the setting
// (a bad --smtp URL, an SMS template that does not render, ...).
base::Result<notify::PipelineOptions> PipelineOptionsFrom(const base::Config& config,
                                                          const model::Page& page);
// What `phare serve` and the CLI use to validate and manage subscribers.
service::SubscriberPolicy SubscriberPolicyFrom(const base::Config& config);

class Notifications {
 public:
  // Starts the pipeline. Errors: the configuration's and the store's.
  static base::Result<std::unique_ptr<Notifications>> Start(const base::Config& config,
                                                            service::Context& ctx,
                                                            const model::Page& page);
  ~Notifications();

  // Adds the subscription routes (API and pages). Call before the server starts.
  void Install(http::Router& router, api::AdminDeps& admin, Publisher& publisher,
               const std::string& default_language);
  // Periodic clean-up: unconfirmed subscribers past their link's validity.
  void Schedule(Scheduler& scheduler);
  void Export(base::Registry& registry);
  // Something may be due (a published update).
  void Wake();
  void Stop();

  struct Parts;

 private:
  explicit Notifications(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace phare::app
