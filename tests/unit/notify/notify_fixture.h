// A page with components, subscribers and incidents over a real SQLite file, a FakeClock
// and seeded randomness: what the fan-out and dispatcher tests run against.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "base/clock.h"
#include "base/random.h"
#include "service/components.h"
#include "service/context.h"
#include "service/incidents.h"
#include "service/page.h"
#include "service/subscribers.h"
#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace phare::notify {

class NotifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::SqliteStore::Open(dir_.File("phare.db"), {});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    ctx_ = std::make_unique<service::Context>(service::Context{*store_, clock_, random_});
    base::PageConfig page;
    page.name = "Acme";
    page.url = "https://status.example.net";
    page.time_zone = "Europe/Paris";
    auto p = service::EnsurePage(*ctx_, page);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    page_ = *p;
    components_ = std::make_unique<service::ComponentService>(*ctx_);
    incidents_ = std::make_unique<service::IncidentService>(*ctx_);
    service::SubscriberPolicy policy;
    policy.allow_private_targets = true;
    subscribers_ = std::make_unique<service::SubscriberService>(*ctx_, policy);
  }

  std::string MakeComponent(const std::string& name) {
    service::ComponentInput in;
    in.name = name;
    auto c = components_->Create(actor_, in);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? c->id : "";
  }

  service::SubscribeInput Email(const std::string& address, const std::string& language = "en",
                                const std::string& zone = "UTC",
                                model::Audience audience = model::Audience::kGeneral) {
    service::SubscribeInput in;
    in.email = address;
    in.language = language;
    in.time_zone = zone;
    in.audience = audience;
    return in;
  }

  void Import(const std::vector<service::SubscribeInput>& in) {
    auto n = subscribers_->Import(actor_, in);
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    ASSERT_EQ(*n, static_cast<int64_t>(in.size()));
  }

  model::Incident Declare(const std::string& component, const std::string& body) {
    service::IncidentInput in;
    in.name = "Panne électrique à Strasbourg";
    in.body = body;
    in.components = {{component, model::ComponentStatus::kMajorOutage}};
    in.bodies = {{model::Audience::kGeneral, "fr", "Nos équipes sont mobilisées."},
                 {model::Audience::kTechnical, "fr", "Les deux arrivées électriques sont coupées."},
                 {model::Audience::kGeneral, "en", "Our teams are on it."}};
    auto i = incidents_->Create(actor_, in);
    EXPECT_TRUE(i.ok()) << i.status().ToString();
    return i.ok() ? *i : model::Incident{};
  }

  store::DeliveryCounts Counts() { return subscribers_->Stats()->counts; }

  testing::TempDir dir_;
  std::unique_ptr<store::sqlite::SqliteStore> store_;
  base::FakeClock clock_{base::FromMillis(1510208460000)};  // 2017-11-09T06:21:00Z
  base::SeededRandom random_{11};
  std::unique_ptr<service::Context> ctx_;
  model::Page page_;
  std::unique_ptr<service::ComponentService> components_;
  std::unique_ptr<service::IncidentService> incidents_;
  std::unique_ptr<service::SubscriberService> subscribers_;
  model::Actor actor_{"test"};
};

}  // namespace phare::notify
