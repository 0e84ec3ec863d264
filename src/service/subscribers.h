// Use cases on subscribers: subscribe (double opt-in for e-mail and SMS: only a
// confirmation message goes out until its link is used; webhooks and chat are active at
// once), confirm, unsubscribe by token, the operator's list/get/delete, bulk import,
// and the delivery statistics, dead letters and their retries of the outbox.
//
// Public subscriptions answer the same whether the address was already subscribed or
// not (SubscribeResult says which, for logs and the admin API; public handlers must not
// reveal it). Addresses are validated and normalized (e-mail, E.164 phone numbers,
// http(s) URLs that are not private or loopback unless allow_private_targets; a webhook's
// contact e-mail as any e-mail address).
//
// Errors: InvalidArgument naming the field ("subscriber.email"); NotFound for unknown
// ids and tokens (expired confirmation links included); AlreadyExists when the admin
// API adds an address twice; for public webhook and chat subscriptions, PermissionDenied
// when the policy leaves them to operators and InvalidArgument ("subscriber.endpoint")
// when the endpoint did not echo its challenge (SubscriberPolicy::public_webhooks);
// ResourceExhausted past kMaxSubscriptionsPerTarget subscriptions of one webhook or chat URL;
// PermissionDenied for a public subscription to a customer's resources (only operators make those).
// Thread-safe.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/access.h"
#include "model/subscriber.h"
#include "service/context.h"
#include "service/notifications.h"

namespace phare::service {

struct SubscribeInput {
  model::Channel channel = model::Channel::kEmail;
  std::string email;                        // channel email
  std::string phone_country, phone_number;  // channel sms (phone_number may be "+...")
  std::string endpoint;                     // channel webhook or chat
  std::string contact_email;                // webhook or chat: told when the endpoint fails
  std::string flavor;                       // chat: slack (default) or mattermost
  std::optional<std::string> language;      // a shipped language; default: the page's
  std::optional<std::string> time_zone;     // IANA; default: the page's
  std::optional<model::Audience> audience;  // default: general
  std::vector<std::string> component_ids;   // non-empty: scope components
  std::string customer_id;                  // non-empty: scope customer
  std::optional<bool> all_updates;          // default: true, except SMS (start and end only)
  bool skip_confirmation = false;           // admin and import only
};

enum class SubscribeOrigin { kPublic, kAdmin, kImport };

struct SubscribeResult {
  model::Subscriber subscriber;  // the new one, or the one that already had the address
  std::string address;           // the address as given, normalized (what a public answer shows)
  bool created = false;
  bool confirmation_queued = false;
  std::string secret;             // webhook signing secret, shown once when created
  std::string unsubscribe_token;  // of `subscriber`
};

// Who may create webhook and chat subscriptions through the public endpoints.
enum class PublicWebhooks {
  kVerify,     // a webhook once its endpoint echoed a challenge; chat: operators only
  kAdminOnly,  // operators only (PermissionDenied)
  kOpen,       // anyone, active at once
};

// Sends `challenge` to a webhook URL; OK once the endpoint echoed it (notify/endpoint_check.h),
// InvalidArgument otherwise. Called outside any transaction; may block for seconds.
using EndpointCheck = std::function<base::Status(std::string_view url, std::string_view challenge)>;

struct SubscriberPolicy {
  bool allow_private_targets = false;  // tests and labs: loopback and private URLs
  base::Duration confirm_ttl = std::chrono::hours(24 * 7);
  PublicWebhooks public_webhooks = PublicWebhooks::kVerify;
  EndpointCheck check_endpoint;  // kVerify: required for public webhooks (else Unavailable)
};

struct DeliveryStats {
  store::DeliveryCounts counts;
  std::vector<store::FanoutJob> jobs;  // the most recent, newest first
};

inline constexpr size_t kMaxSubscriptionsPerTarget = 5;
inline constexpr size_t kMaxImportBatch = 10000;  // subscribers per import transaction

class SubscriberService {
 public:
  SubscriberService(Context& ctx, SubscriberPolicy policy)
      : ctx_(ctx), policy_(std::move(policy)) {}

  // Validates and normalizes `in` into a subscriber (no id, key or tokens yet).
  base::Result<model::Subscriber> Validate(const SubscribeInput& in,
                                           const std::vector<std::string>& known_components,
                                           const std::string& page_zone) const;

  // The key per-recipient limits count on: the channel and the address as the store
  // compares it ("email:jean@example.org", "sms:+33612345678"), so look-alike spellings of
  // one mailbox or number share it (case; full-width letters, soft hyphens and ideographic
  // full stops in the domain, mapped by UTS #46; national or international numbers).
  // Errors as Validate for a bad address.
  base::Result<std::string> RecipientKey(const SubscribeInput& in) const;

  // Checks a public subscription as Subscribe would, without looking at whether its
  // address is known (one read of the page and components, whatever the address):
  // the normalized address, or Subscribe's errors for bad input.
  base::Result<std::string> CheckPublic(const SubscribeInput& in);

  base::Result<SubscribeResult> Subscribe(const model::Actor& actor, const SubscribeInput& in,
                                          SubscribeOrigin origin);
  // Activates the subscriber whose confirmation link carries `token`.
  base::Result<model::Subscriber> Confirm(std::string_view token);
  // Removes the subscriber whose unsubscribe link carries `token`; returns it.
  base::Result<model::Subscriber> Unsubscribe(std::string_view token);
  // The subscriber a confirmation or unsubscribe link names, changing nothing (the pages
  // a link opens, before their button is pressed). NotFound as Confirm/Unsubscribe.
  base::Result<model::Subscriber> FindByConfirmToken(std::string_view token);
  base::Result<model::Subscriber> FindByUnsubscribeToken(std::string_view token);

  base::Result<model::Subscriber> Get(const std::string& id);
  base::Result<std::vector<model::Subscriber>> List(const store::SubscriberQuery& query);
  base::Status Delete(const model::Actor& actor, const std::string& id);
  // Adds active subscribers in batches of kMaxImportBatch per transaction (without
  // confirmation: import only lists whose consent was collected elsewhere); addresses
  // already subscribed are skipped. Stops at the first invalid one, naming its position
  // ("subscriber 3", or positions[k] when given, e.g. line numbers); earlier batches stay
  // imported. Returns how many were added.
  base::Result<int64_t> Import(const model::Actor& actor, const std::vector<SubscribeInput>& in,
                               const std::vector<size_t>& positions = {});

  base::Result<DeliveryStats> Stats(size_t jobs = 10);
  // Dead letters of `channel` (or all) become due now; returns how many.
  base::Result<int64_t> RetryDeadLetters(const model::Actor& actor,
                                         std::optional<model::Channel> channel);
  // The one dead letter `delivery_id` becomes due now (its subscriber, if quarantined,
  // active again); NotFound when it is not a dead letter. Audited as delivery.retry.
  base::Status RetryDeadLetter(const model::Actor& actor, int64_t delivery_id);
  // Dead letters, newest first, at most `limit`.
  base::Result<std::vector<store::DeadLetter>> DeadLetters(size_t limit);
  // Forgets subscribers who never confirmed within confirm_ttl; returns how many.
  base::Result<int64_t> PurgeUnconfirmed();

  // The unsubscribe link's token of `subscriber`.
  base::Result<std::string> UnsubscribeToken(const model::Subscriber& subscriber);
  base::Result<SubscriberTokens> Tokens();

 private:
  // What validating and preparing subscribers needs, loaded once per transaction.
  struct Env {
    std::string page_zone;
    std::vector<std::string> components;
    SubscriberTokens tokens;
  };
  base::Result<Env> LoadEnv(store::Tx& tx);
  // The public webhook policy for `in`: OK, or why it may not be created (the endpoint's
  // challenge is sent here, before any transaction).
  base::Status AdmitPublicEndpoint(const SubscribeInput& in);
  base::Status Prepare(const Env& env, const SubscribeInput& in, bool confirmed,
                       model::Subscriber& out, std::string& secret);

  Context& ctx_;
  SubscriberPolicy policy_;
  std::mutex mu_;
  std::optional<SubscriberTokens> tokens_;  // GUARDED_BY(mu_): loaded on first use
};

}  // namespace phare::service
