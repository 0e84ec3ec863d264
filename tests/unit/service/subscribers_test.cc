#include "service/subscribers.h"

#include "service/audit.h"

#include "service_fixture.h"

namespace phare::service {
namespace {

using model::Channel;
using model::SubscriberState;

class SubscriberServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    policy_.public_webhooks = PublicWebhooks::kOpen;  // PublicWebhookPolicies tests the others
    subscribers_ = std::make_unique<SubscriberService>(*ctx_, policy_);
  }

  SubscribeInput Email(const std::string& address) {
    SubscribeInput in;
    in.email = address;
    return in;
  }

  SubscribeInput Webhook(const std::string& url) {
    SubscribeInput in;
    in.channel = Channel::kWebhook;
    in.endpoint = url;
    return in;
  }

  store::DeliveryCounts Counts() { return subscribers_->Stats()->counts; }

  std::vector<store::FanoutJob> Jobs() { return subscribers_->Stats(100)->jobs; }

  SubscriberPolicy policy_;
  std::unique_ptr<SubscriberService> subscribers_;
};

TEST_F(SubscriberServiceTest, EmailWaitsForConfirmationWithOnlyItsConfirmationQueued) {
  auto r = subscribers_->Subscribe(actor_, Email(" Client@Example.ORG "), SubscribeOrigin::kPublic);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->created);
  EXPECT_TRUE(r->confirmation_queued);
  EXPECT_EQ(r->subscriber.address, "Client@example.org");
  EXPECT_EQ(r->subscriber.state, SubscriberState::kPending);
  EXPECT_EQ(r->subscriber.language, "en");
  EXPECT_EQ(r->subscriber.time_zone, "Europe/Paris");  // the page's
  EXPECT_EQ(Counts().by_channel[0][0], 1);             // one pending e-mail: the confirmation

  auto tokens = subscribers_->Tokens();
  ASSERT_TRUE(tokens.ok());
  auto confirmed = subscribers_->Confirm(tokens->Confirm(r->subscriber));
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  EXPECT_EQ(confirmed->state, SubscriberState::kActive);
  EXPECT_EQ(subscribers_->Get(r->subscriber.id)->state, SubscriberState::kActive);
  // Using the link again is harmless.
  EXPECT_TRUE(subscribers_->Confirm(tokens->Confirm(r->subscriber)).ok());
  EXPECT_EQ(subscribers_->Confirm(tokens->Unsubscribe(r->subscriber)).status().code(),
            base::Code::kNotFound);
}

TEST_F(SubscriberServiceTest, SubscribingAgainLooksTheSameAndResendsOnlyWhilePending) {
  auto first = subscribers_->Subscribe(actor_, Email("a@example.org"), SubscribeOrigin::kPublic);
  ASSERT_TRUE(first.ok());
  auto again = subscribers_->Subscribe(actor_, Email("A@EXAMPLE.org"), SubscribeOrigin::kPublic);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->subscriber.id, first->subscriber.id);
  EXPECT_EQ(again->address, "A@example.org");  // as given: the answer reveals nothing
  EXPECT_TRUE(again->confirmation_queued);
  EXPECT_EQ(Counts().by_channel[0][0], 1);  // the pending confirmation was replaced, not doubled
  ASSERT_TRUE(subscribers_->Confirm(subscribers_->Tokens()->Confirm(first->subscriber)).ok());
  auto active = subscribers_->Subscribe(actor_, Email("a@example.org"), SubscribeOrigin::kPublic);
  ASSERT_TRUE(active.ok());
  EXPECT_FALSE(active->confirmation_queued);
  // The admin API says what the public one must not.
  EXPECT_EQ(subscribers_->Subscribe(actor_, Email("a@example.org"), SubscribeOrigin::kAdmin)
                .status()
                .code(),
            base::Code::kAlreadyExists);
}

TEST_F(SubscriberServiceTest, ConfirmationLinksExpire) {
  auto r = subscribers_->Subscribe(actor_, Email("late@example.org"), SubscribeOrigin::kPublic);
  ASSERT_TRUE(r.ok());
  clock_.Advance(std::chrono::hours(24 * 8));
  EXPECT_EQ(subscribers_->Confirm(subscribers_->Tokens()->Confirm(r->subscriber)).status().code(),
            base::Code::kNotFound);
  EXPECT_EQ(*subscribers_->PurgeUnconfirmed(), 1);
  EXPECT_EQ(subscribers_->Get(r->subscriber.id).status().code(), base::Code::kNotFound);
}

TEST_F(SubscriberServiceTest, LookAlikeAddressesShareOneRecipientKey) {
  // Case, full-width letters, a soft hyphen and an ideographic full stop in the domain all
  // name the mailbox the store finds.
  const std::vector<std::string> spellings = {
      "Jean@Example.org", "jean@\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45.org",
      "jean@exam\u00ADple.org", "jean@example\u3002org", " JEAN@EXAMPLE.ORG "};
  for (const auto& address : spellings) {
    auto key = subscribers_->RecipientKey(Email(address));
    ASSERT_TRUE(key.ok()) << address << ": " << key.status().ToString();
    EXPECT_EQ(*key, "email:jean@example.org") << address;
  }
  SubscribeInput national, international;
  national.channel = international.channel = Channel::kSms;
  national.phone_country = international.phone_country = "FR";
  national.phone_number = "06 12 34 56 78";
  international.phone_number = "+33 6 12 34 56 78";
  for (const auto& in : {national, international}) {
    auto key = subscribers_->RecipientKey(in);
    ASSERT_TRUE(key.ok()) << in.phone_number << ": " << key.status().ToString();
    EXPECT_EQ(*key, "sms:+33612345678");
  }
  EXPECT_EQ(subscribers_->RecipientKey(Email("jean@")).status().field(), "subscriber.email");
  // The store agrees: the second spelling finds the first subscriber.
  auto first = subscribers_->Subscribe(actor_, Email(spellings[0]), SubscribeOrigin::kPublic);
  auto again = subscribers_->Subscribe(actor_, Email(spellings[3]), SubscribeOrigin::kPublic);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->subscriber.id, first->subscriber.id);
}

TEST_F(SubscriberServiceTest, UnsubscribeByTokenRemovesTheSubscriber) {
  auto r = subscribers_->Subscribe(actor_, Email("bye@example.org"), SubscribeOrigin::kPublic);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(subscribers_->Unsubscribe("not-a-token").status().code(), base::Code::kNotFound);
  auto gone = subscribers_->Unsubscribe(r->unsubscribe_token);
  ASSERT_TRUE(gone.ok()) << gone.status().ToString();
  EXPECT_EQ(gone->id, r->subscriber.id);
  EXPECT_EQ(subscribers_->Get(r->subscriber.id).status().code(), base::Code::kNotFound);
  EXPECT_EQ(subscribers_->Unsubscribe(r->unsubscribe_token).status().code(), base::Code::kNotFound);
}

TEST_F(SubscriberServiceTest, WebhooksAreActiveAtOnceWithASecretAndNoPrivateTargets) {
  auto refused =
      subscribers_->Subscribe(actor_, Webhook("http://127.0.0.1:9/hook"), SubscribeOrigin::kPublic);
  EXPECT_EQ(refused.status().code(), base::Code::kInvalidArgument);
  EXPECT_EQ(refused.status().field(), "subscriber.endpoint");

  policy_.allow_private_targets = true;
  SubscriberService lab(*ctx_, policy_);
  auto r = lab.Subscribe(actor_, Webhook("http://127.0.0.1:9/hook"), SubscribeOrigin::kPublic);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->subscriber.state, SubscriberState::kActive);
  EXPECT_FALSE(r->confirmation_queued);
  EXPECT_EQ(r->secret.rfind("whsec_", 0), 0u);
  EXPECT_EQ(r->subscriber.secret, r->secret);
  for (size_t k = 1; k < kMaxSubscriptionsPerTarget; ++k) {
    ASSERT_TRUE(
        lab.Subscribe(actor_, Webhook("http://127.0.0.1:9/hook"), SubscribeOrigin::kPublic).ok());
  }
  EXPECT_EQ(lab.Subscribe(actor_, Webhook("http://127.0.0.1:9/hook"), SubscribeOrigin::kPublic)
                .status()
                .code(),
            base::Code::kResourceExhausted);
}

TEST_F(SubscriberServiceTest, PublicWebhookPolicies) {
  policy_.allow_private_targets = true;
  const std::string url = "http://127.0.0.1:9/hook";
  auto chat = Webhook(url);
  chat.channel = Channel::kChat;
  // admin_only: the public may not, operators may.
  policy_.public_webhooks = PublicWebhooks::kAdminOnly;
  SubscriberService closed(*ctx_, policy_);
  EXPECT_EQ(closed.Subscribe(actor_, Webhook(url), SubscribeOrigin::kPublic).status().code(),
            base::Code::kPermissionDenied);
  EXPECT_EQ(closed.Subscribe(actor_, chat, SubscribeOrigin::kPublic).status().code(),
            base::Code::kPermissionDenied);
  EXPECT_TRUE(closed.Subscribe(actor_, Webhook(url), SubscribeOrigin::kAdmin).ok());
  // verify: the endpoint gets a fresh challenge each time, before anything is stored.
  policy_.public_webhooks = PublicWebhooks::kVerify;
  std::vector<std::string> challenges;
  bool echo = false;
  policy_.check_endpoint = [&](std::string_view to, std::string_view challenge) {
    EXPECT_EQ(to, url);
    challenges.emplace_back(challenge);
    return echo ? base::Status::Ok() : base::InvalidArgument("did not echo", "endpoint");
  };
  SubscriberService verified(*ctx_, policy_);
  const size_t before = verified.List({})->size();
  auto refused = verified.Subscribe(actor_, Webhook(url), SubscribeOrigin::kPublic);
  EXPECT_EQ(refused.status().code(), base::Code::kInvalidArgument);
  EXPECT_EQ(refused.status().field(), "subscriber.endpoint");
  EXPECT_EQ(verified.List({})->size(), before);
  echo = true;
  auto r = verified.Subscribe(actor_, Webhook(url), SubscribeOrigin::kPublic);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->subscriber.state, SubscriberState::kActive);
  ASSERT_EQ(challenges.size(), 2u);
  EXPECT_NE(challenges[0], challenges[1]);
  EXPECT_GE(challenges[0].size(), 24u);
  // Chat webhooks cannot answer a challenge: operators add them.
  EXPECT_EQ(verified.Subscribe(actor_, chat, SubscribeOrigin::kPublic).status().code(),
            base::Code::kPermissionDenied);
  EXPECT_EQ(challenges.size(), 2u);
  // Without a check set up, nothing is created.
  policy_.check_endpoint = nullptr;
  SubscriberService unset(*ctx_, policy_);
  EXPECT_EQ(unset.Subscribe(actor_, Webhook(url), SubscribeOrigin::kPublic).status().code(),
            base::Code::kUnavailable);
}

TEST_F(SubscriberServiceTest, AWebhookKeepsItsContactAddressValidatedAsAnyEmail) {
  policy_.allow_private_targets = true;
  SubscriberService lab(*ctx_, policy_);
  auto in = Webhook("http://127.0.0.1:9/hook");
  in.contact_email = " Ops@Example.ORG ";
  auto r = lab.Subscribe(actor_, in, SubscribeOrigin::kPublic);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->subscriber.channel, Channel::kWebhook);
  EXPECT_EQ(lab.Get(r->subscriber.id)->contact_email, "Ops@example.org");
  EXPECT_EQ(lab.Get(r->subscriber.id)->address, "http://127.0.0.1:9/hook");
  in.contact_email = "ops@";
  EXPECT_EQ(lab.Subscribe(actor_, in, SubscribeOrigin::kPublic).status().field(),
            "subscriber.email");
  auto email = Email("x@example.org");
  email.contact_email = "y@example.org";  // only an endpoint has a contact
  EXPECT_EQ(lab.Subscribe(actor_, email, SubscribeOrigin::kPublic).status().field(),
            "subscriber.email");
}

TEST_F(SubscriberServiceTest, ValidationNamesTheField) {
  auto bad = subscribers_->Subscribe(actor_, Email("not an address"), SubscribeOrigin::kPublic);
  EXPECT_EQ(bad.status().field(), "subscriber.email");
  auto in = Email("x@example.org");
  in.language = "xx";
  EXPECT_EQ(subscribers_->Subscribe(actor_, in, SubscribeOrigin::kPublic).status().field(),
            "subscriber.phare.language");
  in = Email("x@example.org");
  in.time_zone = "Mars/Olympus";
  EXPECT_EQ(subscribers_->Subscribe(actor_, in, SubscribeOrigin::kPublic).status().field(),
            "subscriber.phare.time_zone");
  in = Email("x@example.org");
  in.component_ids = {"nope"};
  EXPECT_EQ(subscribers_->Subscribe(actor_, in, SubscribeOrigin::kPublic).status().field(),
            "subscriber.component_ids");
  in = Email("x@example.org");
  in.flavor = "slack";
  EXPECT_EQ(subscribers_->Subscribe(actor_, in, SubscribeOrigin::kPublic).status().field(),
            "subscriber.phare.flavor");
}

TEST_F(SubscriberServiceTest, PreferencesAndScopes) {
  const std::string sbg = MakeComponent("Strasbourg");
  SubscribeInput sms;
  sms.channel = Channel::kSms;
  sms.phone_country = "FR";
  sms.phone_number = "06 12 34 56 78";
  sms.language = "fr";
  sms.audience = model::Audience::kTechnical;
  sms.component_ids = {sbg, sbg};
  auto r = subscribers_->Subscribe(actor_, sms, SubscribeOrigin::kPublic);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->subscriber.address, "+33612345678");
  EXPECT_FALSE(r->subscriber.all_updates);  // SMS: start and end only, by default
  EXPECT_EQ(r->subscriber.scope, model::SubscriberScope::kComponents);
  EXPECT_EQ(r->subscriber.component_ids, std::vector<std::string>{sbg});
  EXPECT_EQ(r->subscriber.audience, model::Audience::kTechnical);
  auto customer = Email("c@example.org");
  customer.customer_id = "cust-42";
  EXPECT_EQ(subscribers_->Subscribe(actor_, customer, SubscribeOrigin::kPublic).status().code(),
            base::Code::kPermissionDenied);  // nobody follows another customer publicly
  auto c = subscribers_->Subscribe(actor_, customer, SubscribeOrigin::kAdmin);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->subscriber.scope, model::SubscriberScope::kCustomer);
  EXPECT_EQ(c->subscriber.customer_id, "cust-42");
}

TEST_F(SubscriberServiceTest, ImportAddsActiveSubscribersAndSkipsKnownAddresses) {
  ASSERT_TRUE(
      subscribers_->Subscribe(actor_, Email("known@example.org"), SubscribeOrigin::kPublic).ok());
  std::vector<SubscribeInput> in = {Email("one@example.org"), Email("known@example.org"),
                                    Email("two@example.org")};
  auto imported = subscribers_->Import(actor_, in);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(*imported, 2);
  auto active = subscribers_->List({0, 100, std::nullopt, SubscriberState::kActive});
  EXPECT_EQ(active->size(), 2u);
  in.push_back(Email("broken"));
  auto failed = subscribers_->Import(actor_, in);
  EXPECT_EQ(failed.status().field(), "subscriber.email");
  EXPECT_NE(failed.status().message().find("subscriber 4"), std::string::npos);
}

TEST_F(SubscriberServiceTest, PublishedUpdatesQueueOneJobInTheirTransaction) {
  const std::string sbg = MakeComponent("Strasbourg");
  IncidentInput in;
  in.name = "Power outage";
  in.components = {{sbg, model::ComponentStatus::kMajorOutage}};
  auto i = incidents_->Create(actor_, in);
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  ASSERT_EQ(Jobs().size(), 1u);
  EXPECT_EQ(Jobs()[0].event, store::NotifyEvent::kCreated);
  EXPECT_EQ(Jobs()[0].incident_id, i->id);
  EXPECT_EQ(Jobs()[0].update_id, i->updates[0].id);
  EXPECT_EQ(Jobs()[0].component_ids, std::vector<std::string>{sbg});

  IncidentInput quiet;
  quiet.body = "A detail nobody needs to be told about.";
  quiet.deliver_notifications = false;
  ASSERT_TRUE(incidents_->Update(actor_, i->id, quiet).ok());
  EXPECT_EQ(Jobs().size(), 1u);

  IncidentInput wrong;
  wrong.status = model::IncidentStatus::kCompleted;  // a maintenance status: refused
  EXPECT_FALSE(incidents_->Update(actor_, i->id, wrong).ok());
  EXPECT_EQ(Jobs().size(), 1u);  // nothing half-written

  IncidentInput resolve;
  resolve.status = model::IncidentStatus::kResolved;
  resolve.body = "Power is back.";
  ASSERT_TRUE(incidents_->Update(actor_, i->id, resolve).ok());
  ASSERT_EQ(Jobs().size(), 2u);
  EXPECT_EQ(Jobs()[0].event, store::NotifyEvent::kResolved);
}

TEST_F(SubscriberServiceTest, RetryingDeadLettersIsAudited) {
  auto retried = subscribers_->RetryDeadLetters(actor_, Channel::kWebhook);
  ASSERT_TRUE(retried.ok());
  EXPECT_EQ(*retried, 0);
  EXPECT_EQ(ListAudit(*store_, 1, 0)->front().action, "deliveries.retry");
}

// Both confirmations of `a` and `b` fail for good.
TEST_F(SubscriberServiceTest, ADeadLetterIsListedAndRetriedAlone) {
  for (const char* address : {"a@example.org", "b@example.net"}) {
    ASSERT_TRUE(subscribers_->Subscribe(actor_, Email(address), SubscribeOrigin::kPublic).ok());
  }
  const auto now = clock_.Now();
  ASSERT_TRUE(store_
                  ->Write([&](store::Tx& tx) {
                    PHARE_ASSIGN_OR_RETURN(
                        auto leased, tx.LeaseDeliveries(now, now + std::chrono::minutes(1), 10));
                    std::vector<store::DeliveryOutcome> dead;
                    for (const auto& d : leased) {
                      dead.push_back({d.id, d.subscriber.key, d.channel,
                                      model::DeliveryState::kDead, now, "550 no such user"});
                    }
                    return tx.RecordDeliveries(dead, 5, now).status();
                  })
                  .ok());
  auto dead = subscribers_->DeadLetters(10);
  ASSERT_TRUE(dead.ok()) << dead.status().ToString();
  ASSERT_EQ(dead->size(), 2u);
  EXPECT_GT((*dead)[0].id, (*dead)[1].id);  // newest first
  EXPECT_EQ((*dead)[0].address, "b@example.net");
  EXPECT_EQ((*dead)[0].last_error, "550 no such user");
  EXPECT_EQ((*dead)[0].channel, Channel::kEmail);

  ASSERT_TRUE(subscribers_->RetryDeadLetter(actor_, (*dead)[1].id).ok());
  EXPECT_EQ(Counts().Total(model::DeliveryState::kDead), 1);  // only that one
  EXPECT_EQ(Counts().Total(model::DeliveryState::kPending), 1);
  const auto audit = ListAudit(*store_, 1, 0)->front();
  EXPECT_EQ(audit.action, "delivery.retry");
  EXPECT_EQ(audit.target_id, std::to_string((*dead)[1].id));
  ASSERT_EQ(subscribers_->DeadLetters(10)->size(), 1u);
  EXPECT_EQ(subscribers_->RetryDeadLetter(actor_, (*dead)[1].id).code(), base::Code::kNotFound);
  EXPECT_EQ(subscribers_->RetryDeadLetter(actor_, 987654).code(), base::Code::kNotFound);
}

TEST_F(SubscriberServiceTest, ListFindsAddressesContainingText) {
  for (const char* address : {"alice@example.org", "bob@example.net", "carol@Example.org"}) {
    ASSERT_TRUE(subscribers_->Subscribe(actor_, Email(address), SubscribeOrigin::kAdmin).ok());
  }
  store::SubscriberQuery q;
  q.address_contains = "EXAMPLE.ORG";
  auto found = subscribers_->List(q);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 2u);
  EXPECT_EQ((*found)[0].address, "alice@example.org");
  q.address_contains = "%";  // no pattern: literal text
  EXPECT_TRUE(subscribers_->List(q)->empty());
}

}  // namespace
}  // namespace phare::service
