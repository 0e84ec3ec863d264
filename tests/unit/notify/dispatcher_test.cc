#include "notify/dispatcher.h"

#include "notify/email_message.h"
#include "notify/fanout.h"
#include "notify/webhook.h"
#include "notify_fixture.h"

namespace phare::notify {
namespace {

using model::DeliveryState;
using std::chrono::minutes;
using std::chrono::seconds;

// Keeps what it is given; the test decides each outcome.
class FakeSender final : public Sender {
 public:
  base::Status Submit(std::vector<Request> requests) override {
    for (auto& r : requests) {
      ++outstanding_;
      sent.push_back(std::move(r));
    }
    return base::Status::Ok();
  }
  size_t outstanding() const override { return outstanding_; }

  Outcome Answer(size_t index, DeliveryResult result, std::string reason = {}) {
    --outstanding_;
    Outcome o;
    o.tag = sent.at(index).tag;
    o.channel = sent.at(index).channel;
    o.result = result;
    o.reason = std::move(reason);
    return o;
  }

  std::vector<Request> sent;

 private:
  size_t outstanding_ = 0;
};

std::string Header(const std::string& mail, const std::string& name) {
  const auto at = mail.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  const auto start = at + name.size() + 4;
  return mail.substr(start, mail.find("\r\n", start) - start);
}

class DispatcherTest : public NotifyTest {
 protected:
  void SetUp() override {
    NotifyTest::SetUp();
    tokens_ = std::make_unique<service::SubscriberTokens>(*subscribers_->Tokens());
    options_.retry.max_attempts = 3;
    options_.mail_from = "status@example.net";
    options_.lease = minutes(1);
  }

  Dispatcher& D() {
    if (!dispatcher_) {
      dispatcher_ =
          std::make_unique<Dispatcher>(*store_, clock_, random_, options_, *tokens_, page_);
    }
    return *dispatcher_;
  }

  void Expand() {
    Fanout fanout(*store_, clock_, {}, [](const auto&, const model::Incident& i, const auto&) {
      return "{\"id\":\"" + i.id + "\"}";
    });
    for (;;) {
      auto worked = fanout.Step();
      ASSERT_TRUE(worked.ok()) << worked.status().ToString();
      if (!*worked) break;
    }
  }

  size_t Dispatch() {
    auto n = D().Dispatch(sender_);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    return n.ok() ? *n : 0;
  }

  void Answer(size_t index, DeliveryResult result, std::string reason = {}) {
    ASSERT_TRUE(D().Record({sender_.Answer(index, result, std::move(reason))}).ok());
  }

  int64_t Total(DeliveryState state) { return Counts().Total(state); }

  DispatcherOptions options_;
  std::unique_ptr<service::SubscriberTokens> tokens_;
  std::unique_ptr<Dispatcher> dispatcher_;
  FakeSender sender_;
};

TEST_F(DispatcherTest, AnUpdateMailCarriesItsStableIdAndTheReadersLinks) {
  const std::string a = MakeComponent("A");
  Import({Email("reader@example.org", "fr", "Europe/Paris")});
  auto incident = Declare(a, "Down.");
  Expand();
  ASSERT_EQ(Dispatch(), 1u);
  const Request& r = sender_.sent[0];
  EXPECT_EQ(r.rcpt_to, "reader@example.org");
  EXPECT_EQ(r.mail_from, "status@example.net");
  auto subscriber = subscribers_->List({})->front();
  const std::string key = "update/" + incident.updates[0].id + "/" + subscriber.id;
  EXPECT_EQ(Header(r.body, "Message-ID"), MessageIdFor(key, "status.example.net"));
  const std::string unsubscribe =
      "https://status.example.net/unsubscribe/" + tokens_->Unsubscribe(subscriber);
  EXPECT_EQ(Header(r.body, "List-Unsubscribe"), "<" + unsubscribe + ">");
  EXPECT_EQ(Header(r.body, "References"), "<incident-" + incident.id + "@status.example.net>");
  EXPECT_EQ(r.body.find("%%PHARE"), std::string::npos);
  Answer(0, DeliveryResult::kDelivered);
  EXPECT_EQ(Total(DeliveryState::kDelivered), 1);
  EXPECT_EQ(D().counters().by_channel[0][DispatchCounters::kDelivered].load(), 1u);
  EXPECT_EQ(Dispatch(), 0u);
}

TEST_F(DispatcherTest, RetriesBackOffKeepTheirIdThenDeadLetter) {
  const std::string a = MakeComponent("A");
  service::SubscribeInput hook;
  hook.channel = model::Channel::kWebhook;
  hook.endpoint = "http://127.0.0.1:9/hook";
  Import({hook});
  Declare(a, "Down.");
  Expand();
  ASSERT_EQ(Dispatch(), 1u);
  const std::string id = sender_.sent[0].webhook_id;
  EXPECT_EQ(id.rfind("msg_", 0), 0u);
  EXPECT_FALSE(sender_.sent[0].webhook_key.empty());
  Answer(0, DeliveryResult::kRetryable, "HTTP 503");
  EXPECT_EQ(Dispatch(), 0u);  // waits out the back-off (15 to 30 s after the first attempt)
  clock_.Advance(seconds(31));
  ASSERT_EQ(Dispatch(), 1u);
  EXPECT_EQ(sender_.sent[1].webhook_id, id);
  Answer(1, DeliveryResult::kRetryable, "HTTP 503");
  clock_.Advance(seconds(61));
  ASSERT_EQ(Dispatch(), 1u);
  Answer(2, DeliveryResult::kRetryable, "HTTP 503");  // the third of three attempts
  EXPECT_EQ(Total(DeliveryState::kDead), 1);
  clock_.Advance(minutes(10));
  EXPECT_EQ(Dispatch(), 0u);
  ASSERT_EQ(*subscribers_->RetryDeadLetters(actor_, std::nullopt), 1);
  ASSERT_EQ(Dispatch(), 1u);
  EXPECT_EQ(sender_.sent[3].webhook_id, id);
  Answer(3, DeliveryResult::kDelivered);
  EXPECT_EQ(Total(DeliveryState::kDelivered), 1);
  EXPECT_EQ(Total(DeliveryState::kDead), 0);
}

TEST_F(DispatcherTest, PermanentErrorsAndUnbuildableMessagesAreDeadLetters) {
  const std::string a = MakeComponent("A");
  service::SubscribeInput sms;
  sms.channel = model::Channel::kSms;
  sms.phone_country = "FR";
  sms.phone_number = "+33612345678";
  Import({Email("x@example.org"), sms});
  Declare(a, "Down.");
  Expand();
  ASSERT_EQ(Dispatch(), 1u);  // the SMS cannot be built: no gateway
  Answer(0, DeliveryResult::kPermanent, "550 no such user");
  EXPECT_EQ(Total(DeliveryState::kDead), 2);
}

TEST_F(DispatcherTest, AnExpiredLeaseStillInFlightIsNotSentTwice) {
  const std::string a = MakeComponent("A");
  Import({Email("slow@example.org")});
  Declare(a, "Down.");
  Expand();
  ASSERT_EQ(Dispatch(), 1u);
  clock_.Advance(minutes(2));  // the lease expired while the relay is still answering
  EXPECT_EQ(Dispatch(), 0u);
  Answer(0, DeliveryResult::kDelivered);
  EXPECT_EQ(Total(DeliveryState::kDelivered), 1);
  EXPECT_EQ(Total(DeliveryState::kLeased), 0);
}

TEST_F(DispatcherTest, AfterACrashLeasesAreReleasedAndTheMessageKeepsItsId) {
  const std::string a = MakeComponent("A");
  Import({Email("crash@example.org")});
  Declare(a, "Down.");
  Expand();
  ASSERT_EQ(Dispatch(), 1u);
  const std::string first = Header(sender_.sent[0].body, "Message-ID");
  dispatcher_.reset();  // the process dies with the message in flight
  EXPECT_EQ(*D().ReleaseLeases(), 1);
  ASSERT_EQ(Dispatch(), 1u);
  EXPECT_EQ(Header(sender_.sent[1].body, "Message-ID"), first);
}

TEST_F(DispatcherTest, TheConfirmationLinkConfirms) {
  auto r = subscribers_->Subscribe(actor_, Email("new@example.org", "fr"),
                                   service::SubscribeOrigin::kPublic);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(Dispatch(), 1u);
  std::string body = sender_.sent[0].body;
  // Undo quoted-printable's soft line breaks.
  for (size_t at; (at = body.find("=\r\n")) != std::string::npos;) body.erase(at, 3);
  const std::string prefix = "https://status.example.net/subscriptions/confirm/";
  const auto at = body.find(prefix);
  ASSERT_NE(at, std::string::npos);
  const std::string token = body.substr(at + prefix.size(), 43);
  EXPECT_EQ(token, tokens_->Confirm(r->subscriber));
  Answer(0, DeliveryResult::kDelivered);
  ASSERT_TRUE(subscribers_->Confirm(token).ok());
  EXPECT_EQ(subscribers_->Get(r->subscriber.id)->state, model::SubscriberState::kActive);
}

// Statuspage's webhook subscriber with an e-mail: once its endpoint failed enough to be
// quarantined, that address gets one notice, in the subscriber's language, through the
// outbox; a webhook without a contact is quarantined silently.
TEST_F(DispatcherTest, AQuarantinedWebhookTellsItsContactOnceByEmail) {
  options_.quarantine_after = 2;
  const std::string a = MakeComponent("A");
  service::SubscribeInput told;
  told.channel = model::Channel::kWebhook;
  told.endpoint = "http://127.0.0.1:9/told";
  told.contact_email = "Ops@Example.ORG";
  told.language = "fr";
  service::SubscribeInput silent = told;
  silent.endpoint = "http://127.0.0.1:9/silent";
  silent.contact_email.clear();
  Import({told, silent});
  for (size_t k = 0; k < 2; ++k) {
    Declare(a, "Down.");
    Expand();
    ASSERT_EQ(Dispatch(), 2u);
    Answer(2 * k, DeliveryResult::kPermanent, "HTTP 410");
    Answer(2 * k + 1, DeliveryResult::kPermanent, "HTTP 410");
  }
  ASSERT_EQ(Dispatch(), 1u);  // the notice, and only one
  const Request& notice = sender_.sent[4];
  EXPECT_EQ(notice.channel, Channel::kEmail);
  EXPECT_EQ(notice.rcpt_to, "Ops@example.org");
  EXPECT_NE(Header(notice.body, "Message-ID"), "");
  EXPECT_NE(Header(notice.body, "Subject").find("=?UTF-8?"), std::string::npos);  // French
  Answer(4, DeliveryResult::kDelivered);
  Declare(a, "Still down.");
  Expand();
  EXPECT_EQ(Dispatch(), 0u);  // quarantined: nothing queued for them, and no second notice
  EXPECT_EQ(Counts().by_channel[1][static_cast<size_t>(DeliveryState::kDead)], 4);
  EXPECT_EQ(Counts().by_channel[0][static_cast<size_t>(DeliveryState::kDelivered)], 1);
  for (const auto& s : *subscribers_->List({})) {
    EXPECT_EQ(s.state, model::SubscriberState::kQuarantined);
    EXPECT_EQ(s.dead_letters, 2);
  }
}

TEST_F(DispatcherTest, NothingGoesToThoseWhoLeft) {
  const std::string a = MakeComponent("A");
  Import({Email("leaving@example.org")});
  Declare(a, "Down.");
  Expand();
  auto subscriber = subscribers_->List({})->front();
  ASSERT_TRUE(subscribers_->Unsubscribe(tokens_->Unsubscribe(subscriber)).ok());
  EXPECT_EQ(Dispatch(), 0u);
  EXPECT_EQ(Total(DeliveryState::kSkipped), 1);
}

}  // namespace
}  // namespace phare::notify
