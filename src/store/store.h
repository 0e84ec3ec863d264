// The Store: phare's persistent state behind one interface. SQLite (embedded, one node)
// is the backend; the interface keeps to what a PostgreSQL backend for several nodes
// would also offer (transactions, leases), which is not written yet.
//
// All access happens inside a transaction: Store::Write runs a function with a Tx
// and commits if it returns OK, rolls back otherwise (nothing half-written stays).
// Store::Read runs a function on a consistent read snapshot. Transactions of one
// Store are serialized; Store methods are thread-safe, Tx objects are not and must
// not escape the function they were given to.
//
// Errors: NotFound for a missing object, AlreadyExists for a taken unique key,
// Unavailable when the database stays busy past its timeout, IoError for disk and
// file problems.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/access.h"
#include "model/component.h"
#include "model/incident.h"
#include "model/inventory.h"
#include "model/page.h"
#include "model/subscriber.h"
#include "model/uptime.h"
#include "model/user.h"
#include "store/credits.h"
#include "store/feedback.h"
#include "store/outbox.h"
#include "store/postmortems.h"
#include "store/social.h"

namespace phare::store {

struct IncidentQuery {
  std::optional<model::IncidentKind> kind;
  bool open_only = false;                   // not resolved/postmortem/completed
  std::optional<base::Time> updated_since;  // updated_at >= this
  std::string text;                         // substring of the name, case-insensitive
  size_t limit = 100;                       // newest first
  size_t offset = 0;
  bool with_details = true;  // components, estimates and updates; false: the incident only
};

// When an update was shown and the next update it promised: what restoration estimates
// learn from a page's past (no bodies, no components).
struct UpdateTime {
  std::string incident_id;
  base::Time at{};  // display_at
  model::IncidentStatus status = model::IncidentStatus::kInvestigating;
  std::optional<base::Time> next_update_at;
};

class Tx : public SocialTx, public CreditsTx, public FeedbackTx, public PostmortemTx {
 public:
  ~Tx() override = default;

  // The page; NotFound before the first start. There is one: putting a page of another
  // id replaces it (an imported page keeps its id).
  virtual base::Result<model::Page> GetPage() = 0;
  virtual base::Status PutPage(const model::Page& page) = 0;

  // Components, ordered by group then position.
  virtual base::Result<std::vector<model::Component>> ListComponents() = 0;
  virtual base::Result<model::Component> GetComponent(std::string_view id) = 0;
  virtual base::Status InsertComponent(const model::Component& component) = 0;
  virtual base::Status UpdateComponent(const model::Component& component) = 0;
  virtual base::Status DeleteComponent(std::string_view id) = 0;
  // Each component's status history: inserting a component, and updating it with a
  // different status, record (id, updated_at, status); deleting it forgets its history.
  // Changes at or after `since`, plus for each component the one in force at `since`;
  // ordered by component, then time.
  virtual base::Result<std::vector<model::StatusChange>> ListStatusChanges(base::Time since) = 0;

  // Incidents with their components, estimates and updates (newest first).
  virtual base::Result<std::vector<model::Incident>> ListIncidents(const IncidentQuery& query) = 0;
  virtual base::Result<model::Incident> GetIncident(std::string_view id) = 0;
  // Inserts or replaces the incident's own fields, components and estimates; its
  // updates are written with InsertUpdate/UpdateUpdate.
  virtual base::Status PutIncident(const model::Incident& incident) = 0;
  virtual base::Status DeleteIncident(std::string_view id) = 0;
  virtual base::Status InsertUpdate(const model::IncidentUpdate& update) = 0;
  virtual base::Status UpdateUpdate(const model::IncidentUpdate& update) = 0;
  // Incidents whose maintenance window needs attention at `now`: scheduled ones whose
  // start has come, and in-progress/verifying ones whose end has passed.
  virtual base::Result<std::vector<std::string>> DueMaintenance(base::Time now) = 0;
  // For maintenance: the status each component had before the window started.
  virtual base::Result<std::vector<std::pair<std::string, model::ComponentStatus>>>
  SavedComponentStatuses(std::string_view incident_id) = 0;
  virtual base::Status SaveComponentStatus(std::string_view incident_id,
                                           std::string_view component_id,
                                           std::optional<model::ComponentStatus> status) = 0;

  // Restoration progress and operator estimates of an incident, oldest first.
  virtual base::Status AddProgress(std::string_view incident_id,
                                   const model::ProgressSample& sample) = 0;
  virtual base::Result<std::vector<model::ProgressSample>> ListProgress(
      std::string_view incident_id) = 0;
  virtual base::Status AddOperatorEstimate(std::string_view incident_id,
                                           const model::OperatorEstimate& estimate) = 0;
  virtual base::Result<std::vector<model::OperatorEstimate>> ListOperatorEstimates(
      std::string_view incident_id) = 0;
  // The update times of the `limit` incidents of `kind` started last (the order of
  // ListIncidents), grouped by incident, oldest first within each. One query, no bodies.
  virtual base::Result<std::vector<UpdateTime>> ListUpdateTimes(model::IncidentKind kind,
                                                                size_t limit) = 0;

  // API tokens.
  virtual base::Status InsertToken(const model::ApiToken& token) = 0;
  virtual base::Result<model::ApiToken> FindTokenByHash(std::string_view hash) = 0;
  virtual base::Result<std::vector<model::ApiToken>> ListTokens() = 0;
  virtual base::Status RevokeToken(std::string_view id, base::Time at) = 0;

  // Audit trail, newest first.
  virtual base::Status AppendAudit(const model::AuditEntry& entry) = 0;
  virtual base::Result<std::vector<model::AuditEntry>> ListAudit(size_t limit,
                                                                 int64_t before_id) = 0;

  // The infrastructure inventory, as its canonical form (graph::SerializeInventory).
  // Adding one makes it the current one and keeps only the kKeptInventories newest.
  // CurrentInventory: NotFound when none was ever added. PreviousInventory: the newest
  // kept one older than the current one, NotFound when none is. InventoryBody: NotFound
  // for an id no longer kept.
  virtual base::Result<int64_t> AddInventory(const model::InventoryInfo& info,
                                             std::string_view body) = 0;
  virtual base::Result<model::InventoryInfo> CurrentInventory() = 0;
  virtual base::Result<model::InventoryInfo> PreviousInventory() = 0;
  virtual base::Result<std::string> InventoryBody(int64_t id) = 0;

  // Node reports, one row per (incident, node): a new report replaces the condition and
  // time, and `worst` keeps the worst condition ever reported (the caller's `worst` is
  // ignored on update). Listed by incident, then node id; ListOpenNodeReports lists
  // those of every incident not closed.
  virtual base::Status PutNodeReports(const std::vector<model::NodeReport>& reports) = 0;
  virtual base::Result<std::vector<model::NodeReport>> ListNodeReports(
      std::string_view incident_id) = 0;
  virtual base::Result<std::vector<model::NodeReport>> ListOpenNodeReports() = 0;
  // Replaces the incident's impact counts (read back in Incident::impact_counts).
  virtual base::Status PutImpactCounts(std::string_view incident_id,
                                       const std::vector<model::ImpactCount>& counts) = 0;

  // Which page component an inventory component node shows as, where names differ:
  // (node id, component id) pairs, by node id. An empty component id removes the pair.
  virtual base::Result<std::vector<std::pair<std::string, std::string>>> ListComponentNodes() = 0;
  virtual base::Status PutComponentNode(std::string_view node_id,
                                        std::string_view component_id) = 0;

  // Customers' "my services" links, found by the hash of their token.
  virtual base::Status InsertCustomerLink(const model::CustomerLink& link) = 0;
  virtual base::Result<model::CustomerLink> FindCustomerLinkByHash(std::string_view hash) = 0;
  virtual base::Result<std::vector<model::CustomerLink>> ListCustomerLinks(
      std::string_view customer_id) = 0;
  // Revokes the customer's active links, or only `link_id` when not empty; returns how
  // many were revoked.
  virtual base::Result<int64_t> RevokeCustomerLinks(std::string_view customer_id,
                                                    std::string_view link_id, base::Time at) = 0;
  // Subscribers (model/subscriber.h). InsertSubscriber sets `key`; AlreadyExists when
  // the id or a token hash is taken. Update, Delete and Get: NotFound for an unknown id.
  virtual base::Status InsertSubscriber(model::Subscriber& subscriber) = 0;
  virtual base::Status UpdateSubscriber(const model::Subscriber& subscriber) = 0;
  virtual base::Status DeleteSubscriber(std::string_view id) = 0;
  virtual base::Result<model::Subscriber> GetSubscriber(std::string_view id) = 0;
  // By the BLAKE2b hash of a confirmation or unsubscribe token; NotFound otherwise.
  virtual base::Result<model::Subscriber> FindSubscriberByConfirmHash(std::string_view hash) = 0;
  virtual base::Result<model::Subscriber> FindSubscriberByUnsubscribeHash(
      std::string_view hash) = 0;
  // Addresses compare without regard to ASCII case (Jean@ and jean@ are one mailbox).
  virtual base::Result<std::vector<model::Subscriber>> FindSubscribersByAddress(
      model::Channel channel, std::string_view address) = 0;
  // In key order, from query.after_key.
  virtual base::Result<std::vector<model::Subscriber>> ListSubscribers(
      const SubscriberQuery& query) = 0;
  // Removes subscribers still waiting for confirmation that were created before `before`.
  virtual base::Result<int64_t> DeleteUnconfirmedSubscribers(base::Time before) = 0;
  // The secret called `name`; stores `initial` first if there is none yet.
  virtual base::Result<std::string> NotifySecret(std::string_view name,
                                                 std::string_view initial) = 0;

  // Fan-out jobs (store/outbox.h). InsertFanoutJob sets `id` and `last_subscriber`.
  virtual base::Status InsertFanoutJob(FanoutJob& job) = 0;
  // The oldest unfinished job, if any.
  virtual base::Result<std::optional<FanoutJob>> NextFanoutJob() = 0;
  virtual base::Result<std::vector<FanoutJob>> ListFanoutJobs(size_t limit) = 0;  // newest first
  // Saves cursor, queued, coalesced and finished_at.
  virtual base::Status UpdateFanoutJob(const FanoutJob& job) = 0;
  // Active subscribers with after_key < key <= last_key, in key order.
  virtual base::Result<std::vector<FanoutCandidate>> FanoutBatch(int64_t after_key,
                                                                 int64_t last_key,
                                                                 size_t limit) = 0;
  // The content rendered once for a (job, variant key); AlreadyExists if rendered already.
  virtual base::Result<int64_t> InsertVariant(int64_t job_id, std::string_view key,
                                              std::string_view content) = 0;
  virtual base::Result<std::vector<std::pair<std::string, int64_t>>> ListVariants(
      int64_t job_id) = 0;
  virtual base::Result<std::string> GetVariant(int64_t id) = 0;

  // Deliveries. QueueDeliveries coalesces (see outbox.h).
  virtual base::Result<QueueCounts> QueueDeliveries(const std::vector<NewDelivery>& batch) = 0;
  // Leases up to `limit` due deliveries (pending ones due by `now`, and leases expired by
  // then) until `lease_until`, counting an attempt. While a fan-out job expands, what
  // became due after it was published waits for it to finish, and so do deliveries of
  // its incident from older jobs (it may replace them). Deliveries whose subscriber is
  // gone become skipped, those of a quarantined subscriber dead; neither is returned. A
  // failure notice (outbox.h) goes out only while its subscriber is quarantined.
  virtual base::Result<std::vector<LeasedDelivery>> LeaseDeliveries(base::Time now,
                                                                    base::Time lease_until,
                                                                    size_t limit) = 0;
  // Records outcomes of leased deliveries. A dead letter counts against its subscriber,
  // who is quarantined after `quarantine_after` in a row; a delivery clears the count
  // (an outcome with subscriber 0 counts for nobody). Returns the keys of the subscribers
  // these outcomes quarantined (each once: an active subscriber becomes quarantined).
  virtual base::Result<std::vector<int64_t>> RecordDeliveries(
      const std::vector<DeliveryOutcome>& outcomes, int quarantine_after, base::Time now) = 0;
  // Makes every leased delivery due at `now` (a restarted single node reclaims its own
  // leases at once instead of waiting for them to expire). Returns how many.
  virtual base::Result<int64_t> ReleaseLeases(base::Time now) = 0;
  // Dead letters (of `channel`, or all) become pending at `now` and their quarantined
  // subscribers active again. Returns how many.
  virtual base::Result<int64_t> RetryDeadDeliveries(base::Time now,
                                                    std::optional<model::Channel> channel) = 0;
  // The one dead letter `id` as RetryDeadDeliveries does; NotFound when `id` is not a
  // dead letter (unknown, or no longer dead).
  virtual base::Status RetryDeadDelivery(base::Time now, int64_t id) = 0;
  // Dead letters, newest first, at most `limit`.
  virtual base::Result<std::vector<DeadLetter>> ListDeadDeliveries(size_t limit) = 0;
  virtual base::Result<DeliveryCounts> CountDeliveries() = 0;
  // Removes up to `limit` delivered and skipped deliveries of fan-out jobs finished
  // before `before` (CountDeliveries keeps counting them; dead letters stay for a retry).
  // Returns how many.
  virtual base::Result<int64_t> PurgeDeliveries(base::Time before, size_t limit) = 0;

  // Console users (model/user.h). InsertUser: AlreadyExists when the id or the e-mail
  // (without regard to ASCII case) is taken. Get/Find/Update: NotFound for an unknown one.
  virtual base::Status InsertUser(const model::User& user) = 0;
  virtual base::Status UpdateUser(const model::User& user) = 0;
  virtual base::Result<model::User> GetUser(std::string_view id) = 0;
  virtual base::Result<model::User> FindUserByEmail(std::string_view email) = 0;
  virtual base::Result<std::vector<model::User>> ListUsers() = 0;  // by e-mail
  // Set-password links, found by hash (NotFound otherwise). UsePasswordLinks marks every
  // unused link of the user used at `at`.
  virtual base::Status InsertPasswordLink(const model::PasswordLink& link) = 0;
  virtual base::Result<model::PasswordLink> FindPasswordLink(std::string_view hash) = 0;
  virtual base::Status UsePasswordLinks(std::string_view user_id, base::Time at) = 0;
  // Console sessions, found by the hash of their cookie (NotFound otherwise).
  // DeleteSessions removes the user's sessions, or every session last seen before
  // `idle_before` when `user_id` is empty; returns how many.
  virtual base::Status InsertSession(const model::UserSession& session) = 0;
  virtual base::Result<model::UserSession> FindSession(std::string_view id_hash) = 0;
  virtual base::Status TouchSession(std::string_view id_hash, base::Time at) = 0;
  virtual base::Status DeleteSession(std::string_view id_hash) = 0;
  virtual base::Result<int64_t> DeleteSessions(std::string_view user_id,
                                               base::Time idle_before) = 0;
};

// How many inventories the store keeps (the current one and the previous ones).
inline constexpr int kKeptInventories = 3;

class Store {
 public:
  virtual ~Store() = default;

  using TxFn = std::function<base::Status(Tx&)>;
  virtual base::Status Write(const TxFn& fn) = 0;
  virtual base::Status Read(const TxFn& fn) = 0;

  // A number that changes whenever any process commits a change to what the public
  // page or the inventory's live state are built from (page, components, incidents and
  // their updates, inventory, node reports): used to notice writes made by other
  // processes (the CLI) and other nodes. Tokens, the audit log, subscribers and the
  // notification outbox do not move it.
  virtual base::Result<int64_t> ChangeCounter() = 0;
  // Human-readable location, for logs ("sqlite:/var/lib/phare/phare.db").
  virtual std::string Describe() const = 0;
};

}  // namespace phare::store
