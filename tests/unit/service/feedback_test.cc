#include "service/feedback.h"

#include "service_fixture.h"

namespace phare::service {
namespace {

class FeedbackTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    auto key = FeedbackKey::Load(*store_, random_);
    ASSERT_TRUE(key.ok()) << key.status().ToString();
    key_ = std::make_unique<FeedbackKey>(std::move(key).value());
    IncidentInput in;
    in.name = "Strasbourg power outage";
    in.body = "Both grid feeds are down.";
    auto i = incidents_->Create(actor_, in);
    ASSERT_TRUE(i.ok()) << i.status().ToString();
    incident_ = i->id;
    update_ = i->updates.front().id;
  }

  FeedbackForm Form(const std::string& answer, const std::string& lang = "fr") {
    FeedbackForm f;
    f.incident_id = incident_;
    f.update_id = update_;
    f.audience = "general";
    f.language = lang;
    f.answer = answer;
    f.token = key_->Sign(incident_, update_, model::Audience::kGeneral, lang);
    return f;
  }

  std::unique_ptr<FeedbackKey> key_;
  std::string incident_, update_;
};

TEST_F(FeedbackTest, CountsPerUpdateAudienceAndLanguageWithComments) {
  ASSERT_TRUE(RecordFeedback(*ctx_, *key_, Form("yes")).ok());
  auto no = Form("no");
  no.comment = "Quels serveurs ?";
  ASSERT_TRUE(RecordFeedback(*ctx_, *key_, no).ok());
  ASSERT_TRUE(RecordFeedback(*ctx_, *key_, Form("no", "en")).ok());
  auto report = ReportFeedback(*store_, incident_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->tallies.size(), 2u);
  EXPECT_EQ(report->tallies[0].language, "en");
  EXPECT_EQ(report->tallies[0].no, 1);
  EXPECT_EQ(report->tallies[1].language, "fr");
  EXPECT_EQ(report->tallies[1].yes, 1);
  EXPECT_EQ(report->tallies[1].no, 1);
  ASSERT_EQ(report->comments.size(), 1u);
  EXPECT_EQ(report->comments[0].comment, "Quels serveurs ?");
  EXPECT_FALSE(report->comments[0].clear);
}

TEST_F(FeedbackTest, RefusesForgedTokensBotsAndBadInput) {
  auto forged = Form("no");
  forged.language = "de";  // the token was signed for fr
  EXPECT_EQ(RecordFeedback(*ctx_, *key_, forged).status().code(), base::Code::kPermissionDenied);
  auto bot = Form("yes");
  bot.honeypot = "http://spam.example";
  EXPECT_EQ(RecordFeedback(*ctx_, *key_, bot).status().code(), base::Code::kPermissionDenied);
  auto maybe = Form("maybe");
  EXPECT_EQ(RecordFeedback(*ctx_, *key_, maybe).status().field(), "answer");
  auto long_comment = Form("no");
  long_comment.comment.assign(model::kMaxFeedbackCommentBytes + 1, 'x');
  EXPECT_EQ(RecordFeedback(*ctx_, *key_, long_comment).status().field(), "comment");
  auto other_key = FeedbackKey(std::string(32, 'k'));
  EXPECT_FALSE(RecordFeedback(*ctx_, other_key, Form("yes")).ok());
  auto report = ReportFeedback(*store_, incident_);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->tallies.empty());
}

TEST_F(FeedbackTest, TheKeyIsKeptAcrossLoads) {
  auto again = FeedbackKey::Load(*store_, random_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->Sign("i", "u", model::Audience::kGeneral, "en"),
            key_->Sign("i", "u", model::Audience::kGeneral, "en"));
}

TEST_F(FeedbackTest, UnclearNeedsEnoughGeneralVotesAndANoShare) {
  model::FeedbackTally t;
  t.audience = model::Audience::kGeneral;
  t.yes = 6;
  t.no = 4;
  EXPECT_TRUE(IsUnclear(t, 10, 0.3));
  EXPECT_FALSE(IsUnclear(t, 11, 0.3));  // too few votes
  EXPECT_FALSE(IsUnclear(t, 10, 0.4));  // not above the share
  t.audience = model::Audience::kTechnical;
  EXPECT_FALSE(IsUnclear(t, 10, 0.3));
}

}  // namespace
}  // namespace phare::service
