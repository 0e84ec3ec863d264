// The SQLite backend's subscribers, fan-out jobs and delivery outbox.
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace phare::store::sqlite {
namespace {

using base::Time;
using model::Channel;
using model::DeliveryState;
using model::SubscriberState;

Time T(int64_t seconds) { return base::FromMillis(seconds * 1000); }

class NotifyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = SqliteStore::Open(dir_.File("phare.db"), {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }

  model::Subscriber Sub(const std::string& id, Channel channel = Channel::kEmail,
                        SubscriberState state = SubscriberState::kActive) {
    model::Subscriber s;
    s.id = id;
    s.channel = channel;
    s.address = id + "@example.org";
    s.language = "fr";
    s.time_zone = "Europe/Paris";
    s.state = state;
    s.unsubscribe_hash = "u-" + id;
    s.created_at = T(100);
    return s;
  }

  int64_t Insert(model::Subscriber s) {
    EXPECT_TRUE(Write([&](Tx& tx) { return tx.InsertSubscriber(s); }).ok());
    return s.key;
  }

  int64_t Job(const std::string& incident, Time created_at = T(200)) {
    FanoutJob job;
    job.incident_id = incident;
    job.update_id = incident + "-u" + std::to_string(++updates_);
    job.created_at = created_at;
    EXPECT_TRUE(Write([&](Tx& tx) { return tx.InsertFanoutJob(job); }).ok());
    return job.id;
  }

  QueueCounts Queue(int64_t job, int64_t subscriber, const std::string& incident, Time due = T(0)) {
    QueueCounts counts;
    EXPECT_TRUE(Write([&](Tx& tx) {
                  PHARE_ASSIGN_OR_RETURN(
                      counts,
                      tx.QueueDeliveries({{job, 1, subscriber, incident, Channel::kEmail, due}}));
                  return base::Status::Ok();
                }).ok());
    return counts;
  }

  std::vector<LeasedDelivery> Lease(Time now, size_t limit = 100) {
    std::vector<LeasedDelivery> out;
    EXPECT_TRUE(Write([&](Tx& tx) {
                  PHARE_ASSIGN_OR_RETURN(
                      out, tx.LeaseDeliveries(now, now + std::chrono::minutes(1), limit));
                  return base::Status::Ok();
                }).ok());
    return out;
  }

  // Returns the keys of the subscribers the outcome quarantined.
  std::vector<int64_t> Record(const LeasedDelivery& d, DeliveryState state, Time due = T(0),
                              int quarantine_after = 0) {
    std::vector<int64_t> quarantined;
    EXPECT_TRUE(Write([&](Tx& tx) {
                  PHARE_ASSIGN_OR_RETURN(
                      quarantined,
                      tx.RecordDeliveries({{d.id, d.subscriber.key, d.channel, state, due, "why"}},
                                          quarantine_after, T(1000)));
                  return base::Status::Ok();
                }).ok());
    return quarantined;
  }

  DeliveryCounts Counts() {
    DeliveryCounts counts;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) {
                      PHARE_ASSIGN_OR_RETURN(counts, tx.CountDeliveries());
                      return base::Status::Ok();
                    })
                    .ok());
    return counts;
  }

  base::Status Write(const Store::TxFn& fn) { return store_->Write(fn); }
  // Marks fan-out job `job` finished at `at`.
  void Finish(int64_t job, Time at) {
    ASSERT_TRUE(Write([&](Tx& tx) {
                  FanoutJob j;
                  j.id = job;
                  j.finished_at = at;
                  return tx.UpdateFanoutJob(j);
                }).ok());
  }

  model::Subscriber Get(const std::string& id) {
    model::Subscriber out;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) {
                      PHARE_ASSIGN_OR_RETURN(out, tx.GetSubscriber(id));
                      return base::Status::Ok();
                    })
                    .ok());
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
  int updates_ = 0;
};

TEST_F(NotifyStoreTest, SubscriberRoundTripAndLookups) {
  auto s = Sub("abc");
  s.scope = model::SubscriberScope::kComponents;
  s.component_ids = {"c1", "c2"};
  s.confirm_hash = "confirm";
  s.state = SubscriberState::kPending;
  s.audience = model::Audience::kTechnical;
  s.all_updates = false;
  const int64_t key = Insert(s);
  EXPECT_GT(key, 0);
  auto got = Get("abc");
  EXPECT_EQ(got.key, key);
  EXPECT_EQ(got.contact_email, "");
  EXPECT_EQ(got.component_ids, (std::vector<std::string>{"c1", "c2"}));
  EXPECT_EQ(got.scope, model::SubscriberScope::kComponents);
  EXPECT_EQ(got.audience, model::Audience::kTechnical);
  EXPECT_EQ(got.state, SubscriberState::kPending);
  EXPECT_FALSE(got.all_updates);
  EXPECT_EQ(got.time_zone, "Europe/Paris");
  ASSERT_TRUE(
      store_
          ->Read([&](Tx& tx) {
            EXPECT_EQ(tx.FindSubscriberByConfirmHash("confirm")->id, "abc");
            EXPECT_EQ(tx.FindSubscriberByUnsubscribeHash("u-abc")->id, "abc");
            EXPECT_EQ(tx.FindSubscriberByUnsubscribeHash("nope").status().code(),
                      base::Code::kNotFound);
            EXPECT_EQ(tx.FindSubscribersByAddress(Channel::kEmail, "ABC@example.org")->size(), 1u);
            EXPECT_TRUE(tx.FindSubscribersByAddress(Channel::kSms, "abc@example.org")->empty());
            return base::Status::Ok();
          })
          .ok());
  // The unsubscribe hash is unique: a second subscriber cannot reuse it.
  auto twin = Sub("def");
  twin.unsubscribe_hash = "u-abc";
  EXPECT_EQ(Write([&](Tx& tx) { return tx.InsertSubscriber(twin); }).code(),
            base::Code::kAlreadyExists);
  EXPECT_EQ(Write([&](Tx& tx) { return tx.DeleteSubscriber("nope"); }).code(),
            base::Code::kNotFound);
}

TEST_F(NotifyStoreTest, UnconfirmedSubscribersExpire) {
  auto old = Sub("old", Channel::kEmail, SubscriberState::kPending);
  Insert(old);
  auto fresh = Sub("fresh", Channel::kEmail, SubscriberState::kPending);
  fresh.created_at = T(500);
  Insert(fresh);
  Insert(Sub("active"));
  int64_t removed = 0;
  ASSERT_TRUE(Write([&](Tx& tx) {
                PHARE_ASSIGN_OR_RETURN(removed, tx.DeleteUnconfirmedSubscribers(T(300)));
                return base::Status::Ok();
              }).ok());
  EXPECT_EQ(removed, 1);
}

TEST_F(NotifyStoreTest, SecretIsCreatedOnceAndKept) {
  std::string first, second;
  ASSERT_TRUE(Write([&](Tx& tx) {
                PHARE_ASSIGN_OR_RETURN(first, tx.NotifySecret("tokens", "one"));
                PHARE_ASSIGN_OR_RETURN(second, tx.NotifySecret("tokens", "two"));
                return base::Status::Ok();
              }).ok());
  EXPECT_EQ(first, "one");
  EXPECT_EQ(second, "one");
}

TEST_F(NotifyStoreTest, FanoutBatchesCoverActiveSubscribersUpToTheJobsEnd) {
  const int64_t a = Insert(Sub("a"));
  Insert(Sub("p", Channel::kEmail, SubscriberState::kPending));
  const int64_t b = Insert(Sub("b", Channel::kSms));
  FanoutJob job;
  job.incident_id = "inc";
  job.update_id = "u1";
  job.component_ids = {"c1"};
  ASSERT_TRUE(Write([&](Tx& tx) { return tx.InsertFanoutJob(job); }).ok());
  EXPECT_EQ(job.last_subscriber, b);
  Insert(Sub("late"));  // subscribed after the update was published
  std::vector<FanoutCandidate> batch;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    PHARE_ASSIGN_OR_RETURN(batch, tx.FanoutBatch(0, job.last_subscriber, 10));
                    return base::Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(batch[0].key, a);
  EXPECT_EQ(batch[1].key, b);
  EXPECT_EQ(batch[1].channel, Channel::kSms);
  std::optional<FanoutJob> next;
  ASSERT_TRUE(Write([&](Tx& tx) {
                PHARE_ASSIGN_OR_RETURN(next, tx.NextFanoutJob());
                EXPECT_TRUE(next.has_value());
                next->cursor = b;
                next->finished_at = T(300);
                PHARE_RETURN_IF_ERROR(tx.UpdateFanoutJob(*next));
                PHARE_ASSIGN_OR_RETURN(next, tx.NextFanoutJob());
                return base::Status::Ok();
              }).ok());
  EXPECT_FALSE(next.has_value());
}

TEST_F(NotifyStoreTest, VariantsAreUniquePerJobAndKey) {
  const int64_t job = Job("inc");
  ASSERT_TRUE(Write([&](Tx& tx) {
                PHARE_ASSIGN_OR_RETURN(auto id, tx.InsertVariant(job, "email/fr", "{}"));
                EXPECT_EQ(tx.InsertVariant(job, "email/fr", "{}").status().code(),
                          base::Code::kAlreadyExists);
                PHARE_ASSIGN_OR_RETURN(auto list, tx.ListVariants(job));
                EXPECT_EQ(list.size(), 1u);
                EXPECT_EQ(*tx.GetVariant(id), "{}");
                return base::Status::Ok();
              }).ok());
}

TEST_F(NotifyStoreTest, ANewerUpdateReplacesThePendingDeliveryOfTheSameIncident) {
  const int64_t sub = Insert(Sub("a"));
  const int64_t first = Job("inc");
  EXPECT_EQ(Queue(first, sub, "inc").inserted, 1);
  const int64_t second = Job("inc");
  auto counts = Queue(second, sub, "inc");
  EXPECT_EQ(counts.inserted, 0);
  EXPECT_EQ(counts.coalesced, 1);
  EXPECT_EQ(Queue(Job("other"), sub, "other").inserted, 1);  // another incident is separate
  ASSERT_TRUE(Write([&](Tx& tx) {
                for (int64_t id : {first, second, first + 2}) {
                  FanoutJob j;
                  j.id = id;
                  j.finished_at = T(1);
                  PHARE_RETURN_IF_ERROR(tx.UpdateFanoutJob(j));
                }
                return base::Status::Ok();
              }).ok());
  auto leased = Lease(T(10));
  ASSERT_EQ(leased.size(), 2u);
  EXPECT_EQ(leased[0].job_id, second);
  EXPECT_EQ(leased[0].update_id, "inc-u2");
  EXPECT_EQ(leased[0].attempts, 1);
  EXPECT_EQ(leased[0].subscriber.id, "a");
  EXPECT_EQ(Counts().Total(DeliveryState::kLeased), 2);
  EXPECT_EQ(Counts().Total(DeliveryState::kPending), 0);
}

TEST_F(NotifyStoreTest, WhileAFanoutExpandsNewerAndSameIncidentDeliveriesWait) {
  const int64_t a = Insert(Sub("a"));
  const int64_t b = Insert(Sub("b"));
  const int64_t first = Job("inc");  // published at 200
  Queue(first, a, "inc", T(250));
  Queue(Job("other"), b, "other", T(100));  // queued before the open job was published
  auto leased = Lease(T(300));
  ASSERT_EQ(leased.size(), 1u);  // the fan-out of "inc" is still expanding
  EXPECT_EQ(leased[0].incident_id, "other");
  ASSERT_TRUE(Write([&](Tx& tx) {
                for (int64_t id : {first, first + 1}) {
                  FanoutJob j;
                  j.id = id;
                  j.finished_at = T(260);
                  PHARE_RETURN_IF_ERROR(tx.UpdateFanoutJob(j));
                }
                return base::Status::Ok();
              }).ok());
  // A newer update of "inc" is being expanded: the older delivery waits to be replaced,
  // even though it was due before the newer job was published.
  const int64_t newer = Job("inc", T(280));
  EXPECT_TRUE(Lease(T(300)).empty());
  Finish(newer, T(301));
  leased = Lease(T(302));
  ASSERT_EQ(leased.size(), 1u);
  EXPECT_EQ(leased[0].subscriber.id, "a");
}

TEST_F(NotifyStoreTest, LeasesExpireAndRetriesWaitForTheirTime) {
  const int64_t sub = Insert(Sub("a", Channel::kEmail, SubscriberState::kPending));
  Queue(0, sub, "", T(5));           // a confirmation message: no job
  EXPECT_TRUE(Lease(T(4)).empty());  // not due yet
  auto leased = Lease(T(5));
  ASSERT_EQ(leased.size(), 1u);
  EXPECT_TRUE(Lease(T(30)).empty());  // leased for a minute
  auto again = Lease(T(5 + 60));      // the lease expired: handed out again
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].attempts, 2);
  Record(again[0], DeliveryState::kPending, T(200));  // retry at 200
  EXPECT_TRUE(Lease(T(199)).empty());
  auto retry = Lease(T(200));
  ASSERT_EQ(retry.size(), 1u);
  EXPECT_EQ(retry[0].attempts, 3);
  Record(retry[0], DeliveryState::kDelivered);
  const auto counts = Counts();
  EXPECT_EQ(counts.by_channel[0][static_cast<size_t>(DeliveryState::kDelivered)], 1);
  EXPECT_EQ(counts.Total(DeliveryState::kLeased), 0);
  EXPECT_EQ(counts.Total(DeliveryState::kPending), 0);
}

TEST_F(NotifyStoreTest, DeliveriesToSubscribersWhoLeftAreSkipped) {
  const int64_t sub = Insert(Sub("a"));
  Queue(0, sub, "");  // a confirmation for an active subscriber: nothing to confirm
  const int64_t gone = Insert(Sub("b"));
  const int64_t job = Job("inc");
  Queue(job, gone, "inc");
  ASSERT_TRUE(Write([&](Tx& tx) {
                FanoutJob j;
                j.id = job;
                j.finished_at = T(1);
                PHARE_RETURN_IF_ERROR(tx.UpdateFanoutJob(j));
                return tx.DeleteSubscriber("b");
              }).ok());
  EXPECT_TRUE(Lease(T(10)).empty());
  EXPECT_EQ(Counts().Total(DeliveryState::kSkipped), 2);
}

TEST_F(NotifyStoreTest, DeadLettersQuarantineAndRetryRestores) {
  const int64_t sub = Insert(Sub("a"));
  for (int k = 0; k < 2; ++k) {
    const std::string incident = "inc" + std::to_string(k);
    const int64_t job = Job(incident);
    Queue(job, sub, incident);
    Finish(job, T(1));
    auto leased = Lease(T(10));
    ASSERT_EQ(leased.size(), 1u);
    Record(leased[0], DeliveryState::kDead, T(10), /*quarantine_after=*/2);
  }
  EXPECT_EQ(Get("a").state, SubscriberState::kQuarantined);
  EXPECT_EQ(Get("a").dead_letters, 2);
  int64_t retried = 0;
  ASSERT_TRUE(Write([&](Tx& tx) {
                PHARE_ASSIGN_OR_RETURN(retried, tx.RetryDeadDeliveries(T(20), Channel::kEmail));
                return base::Status::Ok();
              }).ok());
  EXPECT_EQ(retried, 2);
  EXPECT_EQ(Get("a").state, SubscriberState::kActive);
  auto leased = Lease(T(20));
  ASSERT_EQ(leased.size(), 2u);
  EXPECT_EQ(leased[0].attempts, 1);  // a retried dead letter starts over
  Record(leased[0], DeliveryState::kDelivered);
  EXPECT_EQ(Get("a").dead_letters, 0);
}

// A webhook's contact hears once that it was set aside: the dead letter that quarantines it
// is reported once; its failure notice goes out while it stays quarantined, one at most
// pending, and none once an operator lets it deliver again.
TEST_F(NotifyStoreTest, AQuarantineIsReportedOnceAndItsNoticeGoesOutWhileItLasts) {
  auto hook = Sub("hook", Channel::kWebhook);
  hook.address = "https://hooks.example.org/x";
  hook.contact_email = "ops@example.org";
  const int64_t sub = Insert(hook);
  EXPECT_EQ(Get("hook").contact_email, "ops@example.org");
  for (int k = 0; k < 3; ++k) {
    const std::string incident = "inc" + std::to_string(k);
    const int64_t job = Job(incident);
    ASSERT_TRUE(
        Write([&](Tx& tx) {
          return tx.QueueDeliveries({{job, 1, sub, incident, Channel::kWebhook, T(0)}}).status();
        }).ok());
    Finish(job, T(1));
  }
  auto sent = Lease(T(10));  // three messages in flight at once
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].channel, Channel::kWebhook);
  EXPECT_FALSE(sent[0].failure_notice());
  std::vector<std::vector<int64_t>> reported;
  for (const auto& d : sent) {
    reported.push_back(Record(d, DeliveryState::kDead, T(10), /*quarantine_after=*/2));
  }
  // The second dead letter quarantines; the third, sent before, reports nothing more.
  EXPECT_EQ(reported, (std::vector<std::vector<int64_t>>{{}, {sub}, {}}));
  EXPECT_EQ(Get("hook").state, SubscriberState::kQuarantined);

  const NewDelivery notice{0, 0, sub, std::string(kFailureNoticeKey), Channel::kEmail, T(20)};
  QueueCounts twice;
  ASSERT_TRUE(Write([&](Tx& tx) {
                PHARE_RETURN_IF_ERROR(tx.QueueDeliveries({notice}).status());
                PHARE_ASSIGN_OR_RETURN(twice, tx.QueueDeliveries({notice}));
                return base::Status::Ok();
              }).ok());
  EXPECT_EQ(twice.coalesced, 1);  // one pending notice per subscriber
  auto leased = Lease(T(30));
  ASSERT_EQ(leased.size(), 1u);  // a quarantined subscriber's notice is not a dead letter
  EXPECT_TRUE(leased[0].failure_notice());
  EXPECT_EQ(leased[0].channel, Channel::kEmail);
  EXPECT_EQ(leased[0].subscriber.contact_email, "ops@example.org");
  DeliveryOutcome done{leased[0].id, 0, Channel::kEmail, DeliveryState::kDelivered, T(30), ""};
  ASSERT_TRUE(Write([&](Tx& tx) { return tx.RecordDeliveries({done}, 2, T(30)).status(); }).ok());
  EXPECT_EQ(Get("hook").dead_letters, 3);  // a notice counts for no subscriber
  EXPECT_EQ(Counts().by_channel[0][static_cast<size_t>(DeliveryState::kDelivered)], 1);

  // Released by an operator before it went out: the notice is skipped.
  ASSERT_TRUE(Write([&](Tx& tx) { return tx.QueueDeliveries({notice}).status(); }).ok());
  ASSERT_TRUE(Write([&](Tx& tx) {
                return tx.RetryDeadDeliveries(T(40), Channel::kWebhook).status();
              }).ok());
  for (const auto& d : Lease(T(50))) EXPECT_FALSE(d.failure_notice());
  EXPECT_EQ(Counts().by_channel[0][static_cast<size_t>(DeliveryState::kSkipped)], 1);
}

TEST_F(NotifyStoreTest, PurgeRemovesOnlyFinishedDeliveriesOfOldJobs) {
  const int64_t a = Insert(Sub("a"));
  const int64_t b = Insert(Sub("b"));
  const int64_t c = Insert(Sub("c"));
  const auto purge = [&](Time before, size_t limit) {
    int64_t removed = -1;
    EXPECT_TRUE(Write([&](Tx& tx) {
                  PHARE_ASSIGN_OR_RETURN(removed, tx.PurgeDeliveries(before, limit));
                  return base::Status::Ok();
                }).ok());
    return removed;
  };
  // An old job: delivered to a, a dead letter for b, still pending (a retry) for c.
  const int64_t old_job = Job("old");
  for (int64_t sub : {a, b, c}) Queue(old_job, sub, "old");
  Finish(old_job, T(10));
  auto leased = Lease(T(20));
  ASSERT_EQ(leased.size(), 3u);
  for (const auto& d : leased) {
    const DeliveryState state = d.subscriber.key == a   ? DeliveryState::kDelivered
                                : d.subscriber.key == b ? DeliveryState::kDead
                                                        : DeliveryState::kPending;
    Record(d, state, T(5000));
  }
  // A newer job, delivered to a.
  const int64_t new_job = Job("new", T(300));
  Queue(new_job, a, "new");
  Finish(new_job, T(400));
  leased = Lease(T(410));
  ASSERT_EQ(leased.size(), 1u);
  Record(leased[0], DeliveryState::kDelivered);
  const DeliveryCounts before = Counts();

  EXPECT_EQ(purge(T(100), 100), 1);   // the old job's delivery to a
  EXPECT_EQ(purge(T(100), 100), 0);   // the dead letter and the retry stay
  EXPECT_EQ(purge(T(1000), 0), 0);    // at most `limit`
  EXPECT_EQ(purge(T(1000), 100), 1);  // the newer job's, once it is old enough
  const DeliveryCounts after = Counts();
  EXPECT_EQ(after.by_channel, before.by_channel);  // the counts remember them
  int64_t retried = 0;
  ASSERT_TRUE(Write([&](Tx& tx) {
                PHARE_ASSIGN_OR_RETURN(retried, tx.RetryDeadDeliveries(T(6000), std::nullopt));
                return base::Status::Ok();
              }).ok());
  EXPECT_EQ(retried, 1);
  EXPECT_EQ(Lease(T(6000)).size(), 2u);  // b's retried dead letter and c's retry
}

TEST_F(NotifyStoreTest, ReleasedLeasesAreDueAtOnceAndNeverDuplicatePending) {
  const int64_t sub = Insert(Sub("a"));
  const int64_t job = Job("inc");
  Queue(job, sub, "inc");
  Finish(job, T(1));
  ASSERT_EQ(Lease(T(10)).size(), 1u);
  // While it was leased a newer update was queued for the same reader.
  const int64_t newer = Job("inc");
  Queue(newer, sub, "inc");
  ASSERT_TRUE(Write([&](Tx& tx) {
                FanoutJob j;
                j.id = newer;
                j.finished_at = T(1);
                PHARE_RETURN_IF_ERROR(tx.UpdateFanoutJob(j));
                return tx.ReleaseLeases(T(11)).status();
              }).ok());
  auto leased = Lease(T(11));
  ASSERT_EQ(leased.size(), 1u);  // the older one was replaced, not sent again
  EXPECT_EQ(leased[0].job_id, newer);
  const auto counts = Counts();
  EXPECT_EQ(counts.Total(DeliveryState::kSkipped), 1);
  EXPECT_EQ(counts.Total(DeliveryState::kLeased), 1);
}

TEST_F(NotifyStoreTest, SecondOutcomeOfOneLeaseIsIgnored) {
  const int64_t sub = Insert(Sub("a"));
  const int64_t job = Job("inc");
  Queue(job, sub, "inc");
  Finish(job, T(1));
  auto leased = Lease(T(10));
  ASSERT_EQ(leased.size(), 1u);
  Record(leased[0], DeliveryState::kDelivered);
  Record(leased[0], DeliveryState::kDead);
  const auto counts = Counts();
  EXPECT_EQ(counts.Total(DeliveryState::kDelivered), 1);
  EXPECT_EQ(counts.Total(DeliveryState::kDead), 0);
  EXPECT_EQ(Get("a").dead_letters, 0);
}

}  // namespace
}  // namespace phare::store::sqlite
