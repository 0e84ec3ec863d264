// The SQLite backend's social posts outbox (store/social.h).
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace phare::store::sqlite {
namespace {

using base::Time;

Time T(int64_t seconds) { return base::FromMillis(seconds * 1000); }

class SocialStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = SqliteStore::Open(dir_.File("phare.db"), {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }

  base::Status Write(const Store::TxFn& fn) { return store_->Write(fn); }

  int64_t Job(const std::string& incident, const std::string& update,
              NotifyEvent event = NotifyEvent::kUpdated) {
    FanoutJob job;
    job.incident_id = incident;
    job.update_id = update;
    job.event = event;
    job.created_at = T(100);
    EXPECT_TRUE(Write([&](Tx& tx) { return tx.InsertFanoutJob(job); }).ok());
    return job.id;
  }

  SocialPost Post(const std::string& account, const std::string& incident,
                  const std::string& update, Time due = T(0)) {
    SocialPost p;
    p.account = account;
    p.incident_id = incident;
    p.update_id = update;
    p.text = "text of " + update;
    p.created_at = T(0);
    p.due_at = due;
    bool inserted = false;
    EXPECT_TRUE(Write([&](Tx& tx) -> base::Status {
                  PHARE_ASSIGN_OR_RETURN(inserted, tx.InsertSocialPost(p));
                  return base::Status::Ok();
                }).ok());
    EXPECT_TRUE(inserted);
    return p;
  }

  std::vector<SocialPost> Lease(Time now) {
    std::vector<SocialPost> out;
    EXPECT_TRUE(Write([&](Tx& tx) -> base::Status {
                  PHARE_ASSIGN_OR_RETURN(
                      out, tx.LeaseSocialPosts(now, now + std::chrono::minutes(2), 50));
                  return base::Status::Ok();
                }).ok());
    return out;
  }

  void Finish(SocialPost p, SocialPostState state, std::string id = "", std::string uri = "") {
    p.state = state;
    p.remote_id = std::move(id);
    p.remote_uri = std::move(uri);
    p.remote_cid = p.remote_uri.empty() ? "" : "cid-" + p.remote_uri;
    if (state == SocialPostState::kPosted) p.posted_at = T(10);
    EXPECT_TRUE(Write([&](Tx& tx) { return tx.FinishSocialPost(p); }).ok());
  }

  SocialThread Thread(const std::string& account, const std::string& incident) {
    SocialThread t;
    EXPECT_TRUE(Write([&](Tx& tx) -> base::Status {
                  PHARE_ASSIGN_OR_RETURN(t, tx.SocialThreadOf(account, incident));
                  return base::Status::Ok();
                }).ok());
    return t;
  }

  phare::testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SocialStoreTest, CursorStartsAtTheNewestJobAndSkipsComponentJobs) {
  Job("i0", "u0");
  int64_t cursor = -1;
  ASSERT_TRUE(Write([&](Tx& tx) -> base::Status {
                PHARE_ASSIGN_OR_RETURN(cursor, tx.SocialCursor());
                return base::Status::Ok();
              }).ok());
  const int64_t j1 = Job("i1", "u1", NotifyEvent::kCreated);
  Job(ComponentJobKey("c1"), "change", NotifyEvent::kComponent);
  const int64_t j3 = Job("i1", "u2");
  std::vector<SocialSource> sources;
  ASSERT_TRUE(Write([&](Tx& tx) -> base::Status {
                PHARE_ASSIGN_OR_RETURN(int64_t again, tx.SocialCursor());
                EXPECT_EQ(again, cursor);  // set once, not moved by new jobs
                PHARE_ASSIGN_OR_RETURN(sources, tx.SocialSourcesAfter(cursor, 10));
                return tx.SetSocialCursor(j3);
              }).ok());
  ASSERT_EQ(sources.size(), 2u);  // the past job is not posted, the component one never
  EXPECT_EQ(sources[0].job_id, j1);
  EXPECT_EQ(sources[0].event, NotifyEvent::kCreated);
  EXPECT_EQ(sources[1].update_id, "u2");
}

TEST_F(SocialStoreTest, OnePostPerAccountAndUpdate) {
  Post("m", "i1", "u1");
  SocialPost again;
  again.account = "m";
  again.incident_id = "i1";
  again.update_id = "u1";
  again.text = "again";
  bool inserted = true;
  ASSERT_TRUE(Write([&](Tx& tx) -> base::Status {
                PHARE_ASSIGN_OR_RETURN(inserted, tx.InsertSocialPost(again));
                return base::Status::Ok();
              }).ok());
  EXPECT_FALSE(inserted);
}

TEST_F(SocialStoreTest, AThreadIsLeasedInOrderAndRepliesToItsLatestPost) {
  const SocialPost a = Post("m", "i1", "u1");
  const SocialPost b = Post("m", "i1", "u2");
  const SocialPost other = Post("b", "i1", "u1");
  auto leased = Lease(T(1));
  ASSERT_EQ(leased.size(), 2u);  // u2 waits for u1 of the same account
  EXPECT_EQ(leased[0].id, a.id);
  EXPECT_EQ(leased[0].attempts, 1);
  EXPECT_EQ(leased[1].id, other.id);
  EXPECT_TRUE(Lease(T(2)).empty());  // leased until T(1) + 2 min
  Finish(leased[0], SocialPostState::kPosted, "101");
  auto next = Lease(T(3));
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].id, b.id);
  const SocialThread thread = Thread("m", "i1");
  ASSERT_TRUE(thread.root && thread.parent);
  EXPECT_EQ(thread.root->id, "101");
  EXPECT_EQ(thread.parent->id, "101");
  Finish(next[0], SocialPostState::kPosted, "102");
  EXPECT_EQ(Thread("m", "i1").root->id, "101");
  EXPECT_EQ(Thread("m", "i1").parent->id, "102");
  EXPECT_FALSE(Thread("b", "i1").root);
}

TEST_F(SocialStoreTest, ExpiredLeasesAndReleasedLeasesComeBack) {
  Post("m", "i1", "u1");
  ASSERT_EQ(Lease(T(0)).size(), 1u);
  EXPECT_TRUE(Lease(T(60)).empty());
  ASSERT_EQ(Lease(T(121)).size(), 1u);  // the lease expired: a crash, sent again
  int64_t released = 0;
  ASSERT_TRUE(Write([&](Tx& tx) -> base::Status {
                PHARE_ASSIGN_OR_RETURN(released, tx.ReleaseSocialLeases(T(122)));
                return base::Status::Ok();
              }).ok());
  EXPECT_EQ(released, 1);
  auto again = Lease(T(122));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].attempts, 3);
}

TEST_F(SocialStoreTest, OnlyPendingPostsAreEditedAndOnlyDeadOnesRetried) {
  const SocialPost p = Post("m", "i1", "u1", T(100));
  ASSERT_TRUE(
      Write([&](Tx& tx) { return tx.EditSocialPost(p.id, "new text", "jargon: x\n"); }).ok());
  auto leased = Lease(T(100));
  ASSERT_EQ(leased.size(), 1u);
  EXPECT_EQ(leased[0].text, "new text");
  EXPECT_TRUE(leased[0].edited);
  EXPECT_EQ(leased[0].warnings, "jargon: x\n");
  EXPECT_EQ(Write([&](Tx& tx) { return tx.EditSocialPost(p.id, "late", ""); }).code(),
            base::Code::kFailedPrecondition);
  EXPECT_EQ(Write([&](Tx& tx) { return tx.RetrySocialPost(p.id, T(101)); }).code(),
            base::Code::kFailedPrecondition);
  Finish(leased[0], SocialPostState::kDead);
  ASSERT_TRUE(Write([&](Tx& tx) { return tx.RetrySocialPost(p.id, T(102)); }).ok());
  auto retried = Lease(T(102));
  ASSERT_EQ(retried.size(), 1u);
  EXPECT_EQ(retried[0].attempts, 1);
  EXPECT_EQ(Write([&](Tx& tx) { return tx.EditSocialPost(999, "x", ""); }).code(),
            base::Code::kNotFound);
}

}  // namespace
}  // namespace phare::store::sqlite
