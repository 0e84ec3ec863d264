// SqliteTx: the Tx of SqliteStore, valid inside one transaction on one connection.
// Its methods are implemented in tx_*.cc by concern.
#pragma once

#include "store/sqlite/db.h"
#include "store/store.h"

namespace phare::store::sqlite {

class SqliteTx final : public Tx {
 public:
  explicit SqliteTx(Connection& conn) : conn_(conn) {}

  // store/social.h (tx_social.cc)
  base::Result<int64_t> SocialCursor() override;
  base::Status SetSocialCursor(int64_t job_id) override;
  base::Result<std::vector<SocialSource>> SocialSourcesAfter(int64_t job_id, size_t limit) override;
  base::Result<bool> InsertSocialPost(SocialPost& post) override;
  base::Result<std::vector<SocialPost>> LeaseSocialPosts(base::Time now, base::Time lease_until,
                                                         size_t limit) override;
  base::Result<int64_t> ReleaseSocialLeases(base::Time now) override;
  base::Status FinishSocialPost(const SocialPost& post) override;
  base::Result<SocialThread> SocialThreadOf(std::string_view account,
                                            std::string_view incident_id) override;
  base::Result<std::vector<SocialPost>> ListSocialPosts(std::string_view incident_id,
                                                        size_t limit) override;
  base::Result<SocialPost> GetSocialPost(int64_t id) override;
  base::Status EditSocialPost(int64_t id, std::string_view text,
                              std::string_view warnings) override;
  base::Status RetrySocialPost(int64_t id, base::Time now) override;

  base::Result<model::Page> GetPage() override;
  base::Status PutPage(const model::Page& page) override;

  base::Result<std::vector<model::Component>> ListComponents() override;
  base::Result<std::vector<model::StatusChange>> ListStatusChanges(base::Time since) override;
  base::Result<model::Component> GetComponent(std::string_view id) override;
  base::Status InsertComponent(const model::Component& component) override;
  base::Status UpdateComponent(const model::Component& component) override;
  base::Status DeleteComponent(std::string_view id) override;

  base::Result<std::vector<model::Incident>> ListIncidents(const IncidentQuery& query) override;
  base::Result<model::Incident> GetIncident(std::string_view id) override;
  base::Status PutIncident(const model::Incident& incident) override;
  base::Status DeleteIncident(std::string_view id) override;
  base::Status InsertUpdate(const model::IncidentUpdate& update) override;
  base::Status UpdateUpdate(const model::IncidentUpdate& update) override;
  base::Result<std::vector<std::string>> DueMaintenance(base::Time now) override;
  base::Result<std::vector<std::pair<std::string, model::ComponentStatus>>> SavedComponentStatuses(
      std::string_view incident_id) override;
  base::Status SaveComponentStatus(std::string_view incident_id, std::string_view component_id,
                                   std::optional<model::ComponentStatus> status) override;

  base::Status AddProgress(std::string_view incident_id,
                           const model::ProgressSample& sample) override;
  base::Result<std::vector<model::ProgressSample>> ListProgress(
      std::string_view incident_id) override;
  base::Status AddOperatorEstimate(std::string_view incident_id,
                                   const model::OperatorEstimate& estimate) override;
  base::Result<std::vector<model::OperatorEstimate>> ListOperatorEstimates(
      std::string_view incident_id) override;
  base::Result<std::vector<UpdateTime>> ListUpdateTimes(model::IncidentKind kind,
                                                        size_t limit) override;

  base::Status InsertToken(const model::ApiToken& token) override;
  base::Result<model::ApiToken> FindTokenByHash(std::string_view hash) override;
  base::Result<std::vector<model::ApiToken>> ListTokens() override;
  base::Status RevokeToken(std::string_view id, base::Time at) override;

  base::Status AppendAudit(const model::AuditEntry& entry) override;
  base::Result<std::vector<model::AuditEntry>> ListAudit(size_t limit, int64_t before_id) override;

  // tx_inventory.cc
  base::Result<int64_t> AddInventory(const model::InventoryInfo& info,
                                     std::string_view body) override;
  base::Result<model::InventoryInfo> CurrentInventory() override;
  base::Result<model::InventoryInfo> PreviousInventory() override;
  base::Result<std::string> InventoryBody(int64_t id) override;
  base::Status PutNodeReports(const std::vector<model::NodeReport>& reports) override;
  base::Result<std::vector<model::NodeReport>> ListNodeReports(
      std::string_view incident_id) override;
  base::Result<std::vector<model::NodeReport>> ListOpenNodeReports() override;
  base::Status PutImpactCounts(std::string_view incident_id,
                               const std::vector<model::ImpactCount>& counts) override;
  base::Result<std::vector<std::pair<std::string, std::string>>> ListComponentNodes() override;
  base::Status PutComponentNode(std::string_view node_id, std::string_view component_id) override;
  base::Status InsertCustomerLink(const model::CustomerLink& link) override;
  base::Result<model::CustomerLink> FindCustomerLinkByHash(std::string_view hash) override;
  base::Result<std::vector<model::CustomerLink>> ListCustomerLinks(
      std::string_view customer_id) override;
  base::Result<int64_t> RevokeCustomerLinks(std::string_view customer_id, std::string_view link_id,
                                            base::Time at) override;
  // tx_notify.cc: subscribers, fan-out jobs; tx_deliveries.cc: the outbox.
  base::Status InsertSubscriber(model::Subscriber& subscriber) override;
  base::Status UpdateSubscriber(const model::Subscriber& subscriber) override;
  base::Status DeleteSubscriber(std::string_view id) override;
  base::Result<model::Subscriber> GetSubscriber(std::string_view id) override;
  base::Result<model::Subscriber> FindSubscriberByConfirmHash(std::string_view hash) override;
  base::Result<model::Subscriber> FindSubscriberByUnsubscribeHash(std::string_view hash) override;
  base::Result<std::vector<model::Subscriber>> FindSubscribersByAddress(
      model::Channel channel, std::string_view address) override;
  base::Result<std::vector<model::Subscriber>> ListSubscribers(
      const SubscriberQuery& query) override;
  base::Result<int64_t> DeleteUnconfirmedSubscribers(base::Time before) override;
  base::Result<std::string> NotifySecret(std::string_view name, std::string_view initial) override;
  base::Status InsertFanoutJob(FanoutJob& job) override;
  base::Result<std::optional<FanoutJob>> NextFanoutJob() override;
  base::Result<std::vector<FanoutJob>> ListFanoutJobs(size_t limit) override;
  base::Status UpdateFanoutJob(const FanoutJob& job) override;
  base::Result<std::vector<FanoutCandidate>> FanoutBatch(int64_t after_key, int64_t last_key,
                                                         size_t limit) override;
  base::Result<int64_t> InsertVariant(int64_t job_id, std::string_view key,
                                      std::string_view content) override;
  base::Result<std::vector<std::pair<std::string, int64_t>>> ListVariants(int64_t job_id) override;
  base::Result<std::string> GetVariant(int64_t id) override;
  base::Result<QueueCounts> QueueDeliveries(const std::vector<NewDelivery>& batch) override;
  base::Result<std::vector<LeasedDelivery>> LeaseDeliveries(base::Time now, base::Time lease_until,
                                                            size_t limit) override;
  base::Result<std::vector<int64_t>> RecordDeliveries(const std::vector<DeliveryOutcome>& outcomes,
                                                      int quarantine_after,
                                                      base::Time now) override;
  base::Result<int64_t> ReleaseLeases(base::Time now) override;
  base::Result<int64_t> RetryDeadDeliveries(base::Time now,
                                            std::optional<model::Channel> channel) override;
  base::Status RetryDeadDelivery(base::Time now, int64_t id) override;
  base::Result<std::vector<DeadLetter>> ListDeadDeliveries(size_t limit) override;
  base::Result<DeliveryCounts> CountDeliveries() override;
  base::Result<int64_t> PurgeDeliveries(base::Time before, size_t limit) override;
  // tx_users.cc: console users, set-password links and sessions.
  base::Status InsertUser(const model::User& user) override;
  base::Status UpdateUser(const model::User& user) override;
  base::Result<model::User> GetUser(std::string_view id) override;
  base::Result<model::User> FindUserByEmail(std::string_view email) override;
  base::Result<std::vector<model::User>> ListUsers() override;
  base::Status InsertPasswordLink(const model::PasswordLink& link) override;
  base::Result<model::PasswordLink> FindPasswordLink(std::string_view hash) override;
  base::Status UsePasswordLinks(std::string_view user_id, base::Time at) override;
  base::Status InsertSession(const model::UserSession& session) override;
  base::Result<model::UserSession> FindSession(std::string_view id_hash) override;
  base::Status TouchSession(std::string_view id_hash, base::Time at) override;
  base::Status DeleteSession(std::string_view id_hash) override;
  base::Result<int64_t> DeleteSessions(std::string_view user_id, base::Time idle_before) override;

  // tx_credits.cc
  base::Status OpenDowntime(const std::vector<model::Downtime>& intervals) override;
  base::Status CloseDowntime(const std::vector<std::string>& resource_ids, base::Time at) override;
  base::Result<std::vector<model::Downtime>> ListOpenDowntime() override;
  base::Status ScanDowntime(const DowntimeQuery& query,
                            const std::function<base::Status(model::Downtime&&)>& fn) override;

  // Readers' feedback (tx_feedback.cc).
  base::Status InsertFeedback(const model::FeedbackVote& vote) override;
  base::Result<std::vector<model::FeedbackVote>> ListFeedback(std::string_view incident_id,
                                                              size_t limit) override;
  base::Result<std::vector<model::FeedbackTally>> TallyFeedback(base::Time since) override;

  // tx_postmortems.cc
  base::Result<model::Postmortem> GetPostmortem(std::string_view incident_id) override;
  base::Status PutPostmortem(const model::Postmortem& postmortem) override;
  base::Status DeletePostmortem(std::string_view incident_id) override;
  base::Result<std::vector<model::Postmortem>> ListPromisedPostmortems() override;

 private:
  base::Status RecordStatus(const model::Component& c);
  // Fills components, estimates and updates of `incidents` (keyed by position).
  base::Status LoadIncidentDetails(std::vector<model::Incident>& incidents);
  base::Status WriteUpdateChildren(const model::IncidentUpdate& update);
  // Fills impact_counts of `incidents`, listed in temp.want_incidents (tx_inventory.cc).
  base::Status LoadImpactCounts(std::vector<model::Incident>& incidents);
  // Fills postmortem of `incidents`, listed in temp.want_incidents (tx_postmortems.cc).
  base::Status LoadPostmortems(std::vector<model::Incident>& incidents);

  Connection& conn_;
};

}  // namespace phare::store::sqlite
