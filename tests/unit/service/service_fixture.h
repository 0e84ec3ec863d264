// A service Context over a real SQLite file in a temporary directory, a FakeClock
// and seeded randomness, with a page created.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "base/clock.h"
#include "base/random.h"
#include "service/components.h"
#include "service/context.h"
#include "service/incidents.h"
#include "service/page.h"
#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace phare::service {

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::SqliteStore::Open(dir_.File("phare.db"), {});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    ctx_ = std::make_unique<Context>(Context{*store_, clock_, random_, [this] { ++changes_; }});
    base::PageConfig page;
    page.time_zone = "Europe/Paris";
    ASSERT_TRUE(EnsurePage(*ctx_, page).ok());
    components_ = std::make_unique<ComponentService>(*ctx_);
    incidents_ = std::make_unique<IncidentService>(*ctx_);
  }

  std::string MakeComponent(const std::string& name) {
    ComponentInput in;
    in.name = name;
    auto c = components_->Create(actor_, in);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? c->id : "";
  }

  model::ComponentStatus StatusOf(const std::string& id) {
    auto c = components_->Get(id);
    EXPECT_TRUE(c.ok());
    return c.ok() ? c->status : model::ComponentStatus::kOperational;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::sqlite::SqliteStore> store_;
  base::FakeClock clock_{base::FromMillis(1510208460000)};  // 2017-11-09T06:21:00Z
  base::SeededRandom random_{7};
  int changes_ = 0;
  std::unique_ptr<Context> ctx_;
  std::unique_ptr<ComponentService> components_;
  std::unique_ptr<IncidentService> incidents_;
  model::Actor actor_{"test"};
};

}  // namespace phare::service
