#include "service/page_import.h"

#include <gtest/gtest.h>

#include "service_fixture.h"

namespace phare::service {
namespace {

class PageImportTest : public ServiceTest {
 protected:
  static base::Time At(int64_t minutes) {
    return base::FromMillis(1500000000000 + minutes * 60000);
  }

  static PageImport Example() {
    PageImport in;
    in.page.emplace();
    in.page->id = "oldpage1";
    in.page->name = "Example";
    in.page->url = "https://status.example.com";
    in.page->time_zone = "America/New_York";
    model::Component group;
    group.id = "grp";
    group.name = "Region";
    group.group = true;
    model::Component api;
    api.id = "api";
    api.group_id = "grp";
    api.name = "API";
    api.created_at = At(0);
    api.updated_at = At(100);
    in.components = {api, group};  // a child before its group
    model::Incident incident;
    incident.id = "inc";
    incident.name = "API errors";
    incident.status = model::IncidentStatus::kResolved;
    incident.component_ids = {"api"};
    auto update = [](std::string id, model::IncidentStatus status, base::Time at,
                     model::ComponentStatus from, model::ComponentStatus to) {
      model::IncidentUpdate u;
      u.id = std::move(id);
      u.status = status;
      u.body = "text";
      u.created_at = u.updated_at = u.display_at = at;
      u.affected_components = std::vector<model::AffectedComponent>{{"api", "API", from, to}};
      return u;
    };
    using S = model::ComponentStatus;
    incident.updates = {
        update("u2", model::IncidentStatus::kResolved, At(90), S::kMajorOutage, S::kOperational),
        update("u1", model::IncidentStatus::kInvestigating, At(30), S::kOperational,
               S::kMajorOutage)};
    in.incidents = {incident};
    return in;
  }
};

TEST_F(PageImportTest, WritesThePageWithItsIdAndRebuildsTheStatusHistory) {
  auto counts = ImportPage(*ctx_, actor_, Example());
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->components, 2);
  EXPECT_EQ(counts->incidents, 1);
  EXPECT_EQ(counts->updates, 2);
  auto page = GetPage(*store_);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->id, "oldpage1");
  std::vector<model::StatusChange> changes;
  model::Incident incident;
  ASSERT_TRUE(store_
                  ->Read([&](store::Tx& tx) {
                    PHARE_ASSIGN_OR_RETURN(changes, tx.ListStatusChanges(At(-10)));
                    PHARE_ASSIGN_OR_RETURN(incident, tx.GetIncident("inc"));
                    return base::Status::Ok();
                  })
                  .ok());
  std::vector<std::pair<int64_t, model::ComponentStatus>> api;
  for (const auto& c : changes) {
    if (c.component_id == "api")
      api.emplace_back((c.at - At(0)) / std::chrono::minutes(1), c.status);
  }
  using S = model::ComponentStatus;
  EXPECT_EQ(api, (std::vector<std::pair<int64_t, S>>{
                     {0, S::kOperational}, {30, S::kMajorOutage}, {90, S::kOperational}}));
  EXPECT_EQ(incident.page_id, "oldpage1");
  ASSERT_EQ(incident.updates.size(), 2u);
  EXPECT_EQ(incident.updates[0].id, "u2");
  EXPECT_EQ(changes_, 1);
}

TEST_F(PageImportTest, OnlyIntoAnEmptyPage) {
  MakeComponent("Already here");
  auto counts = ImportPage(*ctx_, actor_, Example());
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.status().code(), base::Code::kFailedPrecondition);
  auto page = GetPage(*store_);
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->id, "oldpage1");  // nothing written
}

TEST_F(PageImportTest, RefusesWhatWouldBreakThePageAndWritesNothing) {
  auto check = [&](PageImport in, std::string_view field) {
    auto counts = ImportPage(*ctx_, actor_, in);
    ASSERT_FALSE(counts.ok()) << field;
    EXPECT_EQ(counts.status().code(), base::Code::kInvalidArgument);
    EXPECT_NE(counts.status().field().find(field), std::string::npos)
        << counts.status().ToString() << " field " << counts.status().field();
    auto components = components_->List();
    ASSERT_TRUE(components.ok());
    EXPECT_TRUE(components->empty());
  };
  auto in = Example();
  in.components[0].group_id = "nosuchgroup";
  check(in, "components.api.group_id");
  in = Example();
  in.incidents[0].component_ids = {"ghost"};
  check(in, "incidents.inc.components");
  in = Example();
  in.incidents[0].id = "a/b";
  check(in, "incidents.id");
  in = Example();
  in.incidents[0].updates[1].id = "u2";
  check(in, "incidents.inc.incident_updates");
  in = Example();
  in.incidents[0].updates[0].status = model::IncidentStatus::kCompleted;
  check(in, "incidents.inc.incident_updates.u2.status");
  in = Example();
  in.components.push_back(in.components[0]);
  check(in, "components");
}

}  // namespace
}  // namespace phare::service
