#include "notify/fanout.h"

#include "notify_fixture.h"

namespace phare::notify {
namespace {

using model::Channel;
using model::DeliveryState;

class FanoutTest : public NotifyTest {
 protected:
  std::unique_ptr<Fanout> MakeFanout(size_t batch) {
    FanoutOptions options;
    options.batch = batch;
    options.component_json = [](const model::Page&, const model::Component& c,
                                const std::vector<model::Component>&) {
      return "{\"id\":\"" + c.id + "\"}";
    };
    return std::make_unique<Fanout>(
        *store_, clock_, options,
        [](const model::Page&, const model::Incident& i, const std::vector<model::Component>&) {
          return "{\"id\":\"" + i.id + "\"}";
        });
  }

  // Runs `fanout` until no job is left; returns the number of steps.
  int Drain(Fanout& fanout) {
    int steps = 0;
    for (;;) {
      auto worked = fanout.Step();
      EXPECT_TRUE(worked.ok()) << worked.status().ToString();
      if (!worked.ok() || !*worked) return steps;
      ++steps;
    }
  }

  int64_t Pending(Channel channel) { return Counts().by_channel[static_cast<size_t>(channel)][0]; }

  // 20 e-mail readers in two readings, 5 SMS, 3 webhooks, 2 chat channels, and readers
  // of one component or one group only.
  void Readers(const std::string& a_group, const std::string& b) {
    std::vector<service::SubscribeInput> in;
    for (int k = 0; k < 10; ++k) in.push_back(Email("en" + std::to_string(k) + "@example.org"));
    for (int k = 0; k < 10; ++k) {
      in.push_back(Email("fr" + std::to_string(k) + "@example.org", "fr", "Europe/Paris",
                         model::Audience::kTechnical));
    }
    for (int k = 0; k < 5; ++k) {
      service::SubscribeInput sms;
      sms.channel = Channel::kSms;
      sms.phone_country = "FR";
      sms.phone_number = "+3361234560" + std::to_string(k);
      sms.language = "fr";
      in.push_back(sms);
    }
    for (int k = 0; k < 3; ++k) {
      service::SubscribeInput hook;
      hook.channel = Channel::kWebhook;
      hook.endpoint = "http://127.0.0.1:9/hook/" + std::to_string(k);
      in.push_back(hook);
    }
    for (int k = 0; k < 2; ++k) {
      service::SubscribeInput chat;
      chat.channel = Channel::kChat;
      chat.endpoint = "https://hooks.example.com/chat/" + std::to_string(k);
      in.push_back(chat);
    }
    for (int k = 0; k < 4; ++k) {
      auto only_b = Email("b" + std::to_string(k) + "@example.org");
      only_b.component_ids = {b};
      in.push_back(only_b);
    }
    for (int k = 0; k < 2; ++k) {
      auto group = Email("g" + std::to_string(k) + "@example.org");
      group.component_ids = {a_group};
      in.push_back(group);
    }
    Import(in);
  }
};

TEST_F(FanoutTest, ReachesTheRightReadersAndRendersEachVariantOnce) {
  const std::string a = MakeComponent("Dedicated servers SBG");
  const std::string b = MakeComponent("Web hosting RBX");
  service::GroupInput group;
  group.name = "Strasbourg";
  group.components = std::vector<std::string>{a};
  auto g = components_->CreateGroup(actor_, group);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  Readers(g->id, b);
  Declare(a, "Both grid feeds are down.");

  auto fanout = MakeFanout(7);
  EXPECT_GE(Drain(*fanout), 6);             // 46 subscribers in batches of 7
  EXPECT_EQ(Pending(Channel::kEmail), 22);  // 20 + the group's 2, not component b's 4
  EXPECT_EQ(Pending(Channel::kSms), 5);     // an incident's start reaches SMS readers
  EXPECT_EQ(Pending(Channel::kWebhook), 3);
  EXPECT_EQ(Pending(Channel::kChat), 2);
  // e-mail en/UTC/general, fr/Paris/technical; SMS fr/Paris/general; webhook; chat.
  EXPECT_EQ(fanout->variants_rendered(), 5u);
  auto jobs = subscribers_->Stats()->jobs;
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_TRUE(jobs[0].finished_at.has_value());
  EXPECT_EQ(jobs[0].queued, 32);
}

TEST_F(FanoutTest, AComponentsOwnChangeReachesWebhooksOfThePageOrOfThatComponent) {
  const std::string a = MakeComponent("Dedicated servers SBG");
  const std::string b = MakeComponent("Web hosting RBX");
  Readers(a, b);  // among them 3 page-wide webhooks
  std::vector<service::SubscribeInput> hooks;
  for (const std::string& component : {b, b, a}) {
    service::SubscribeInput hook;
    hook.channel = Channel::kWebhook;
    hook.endpoint = "http://127.0.0.1:9/hook/" + component + std::to_string(hooks.size());
    hook.component_ids = {component};
    hooks.push_back(hook);
  }
  Import(hooks);
  service::ComponentInput renamed;
  renamed.name = "Web hosting — Roubaix";
  ASSERT_TRUE(components_->Update(actor_, b, renamed).ok());  // no status change: no job
  service::ComponentInput down;
  down.status = model::ComponentStatus::kMajorOutage;
  ASSERT_TRUE(components_->Update(actor_, b, down).ok());

  auto fanout = MakeFanout(100);
  Drain(*fanout);
  EXPECT_EQ(Pending(Channel::kWebhook), 5);  // the 3 page-wide and b's 2, not a's
  EXPECT_EQ(Pending(Channel::kEmail), 0);
  EXPECT_EQ(Pending(Channel::kSms), 0);
  EXPECT_EQ(Pending(Channel::kChat), 0);
  EXPECT_EQ(fanout->variants_rendered(), 1u);
  auto jobs = subscribers_->Stats()->jobs;
  ASSERT_EQ(jobs.size(), 1u);
  Variant variant;
  ASSERT_TRUE(store_
                  ->Read([&](store::Tx& tx) {
                    PHARE_ASSIGN_OR_RETURN(auto list, tx.ListVariants(jobs[0].id));
                    if (list.size() != 1) return base::Internal("one variant expected");
                    PHARE_ASSIGN_OR_RETURN(auto text, tx.GetVariant(list[0].second));
                    PHARE_ASSIGN_OR_RETURN(variant, Variant::Parse(text));
                    return base::Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(variant.channel, Channel::kWebhook);
  EXPECT_EQ(variant.component_json, "{\"id\":\"" + b + "\"}");
  EXPECT_EQ(variant.component_change.component_id, b);
  EXPECT_EQ(variant.component_change.old_status, "operational");
  EXPECT_EQ(variant.component_change.new_status, "major_outage");
  EXPECT_FALSE(variant.component_change.id.empty());
}

TEST_F(FanoutTest, ANewerUpdateReplacesQueuedOnesAndSmsWaitForTheEnd) {
  const std::string a = MakeComponent("A");
  const std::string b = MakeComponent("B");
  Readers(b, b);
  auto incident = Declare(a, "Down.");
  service::IncidentInput update;
  update.status = model::IncidentStatus::kIdentified;
  update.body = "Found it.";
  ASSERT_TRUE(incidents_->Update(actor_, incident.id, update).ok());

  auto fanout = MakeFanout(100);
  Drain(*fanout);
  const auto jobs = subscribers_->Stats()->jobs;
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].coalesced, 25);         // e-mail, webhook and chat readers of the first one
  EXPECT_EQ(Pending(Channel::kEmail), 20);  // one each: the latest state only
  EXPECT_EQ(Pending(Channel::kSms), 5);     // from the first update: the second is not for SMS
}

TEST_F(FanoutTest, ACrashBetweenBatchesResumesWithoutDuplicates) {
  const std::string a = MakeComponent("A");
  std::vector<service::SubscribeInput> in;
  for (int k = 0; k < 50; ++k) in.push_back(Email("r" + std::to_string(k) + "@example.org"));
  Import(in);
  Declare(a, "Down.");
  {
    auto first = MakeFanout(8);
    ASSERT_TRUE(first->Step().ok());
    ASSERT_TRUE(first->Step().ok());
  }  // the process dies here; a new one starts over
  auto second = MakeFanout(8);
  Drain(*second);
  EXPECT_EQ(Pending(Channel::kEmail), 50);
  EXPECT_EQ(second->variants_rendered(), 0u);  // the first process had rendered it
}

TEST_F(FanoutTest, UpdatesWithoutNotificationsAndDeletedIncidentsQueueNothing) {
  const std::string a = MakeComponent("A");
  Import({Email("x@example.org")});
  auto incident = Declare(a, "Down.");
  ASSERT_TRUE(incidents_->Delete(actor_, incident.id).ok());
  auto fanout = MakeFanout(10);
  Drain(*fanout);
  EXPECT_EQ(Counts().Total(DeliveryState::kPending), 0);
  EXPECT_TRUE(subscribers_->Stats()->jobs[0].finished_at.has_value());
}

}  // namespace
}  // namespace phare::notify
