#include "service/incidents.h"

#include "service/audit.h"
#include "service_fixture.h"

namespace phare::service {
namespace {

using model::ComponentStatus;
using model::IncidentStatus;
using std::chrono::minutes;

class IncidentServiceTest : public ServiceTest {};

TEST_F(IncidentServiceTest, CreateSetsComponentsAndRecordsTheChange) {
  const std::string sbg = MakeComponent("Dedicated servers — Strasbourg");
  const int before = changes_;
  IncidentInput in;
  in.name = "Strasbourg power outage";
  in.body = "Both grid feeds are down.";
  in.components = {{sbg, ComponentStatus::kMajorOutage}};
  auto i = incidents_->Create(actor_, in);
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  EXPECT_EQ(i->status, IncidentStatus::kInvestigating);
  EXPECT_EQ(i->impact, model::Impact::kCritical);
  EXPECT_EQ(i->component_ids, std::vector<std::string>{sbg});
  ASSERT_EQ(i->updates.size(), 1u);
  ASSERT_TRUE(i->updates[0].affected_components.has_value());
  EXPECT_EQ(i->updates[0].affected_components->at(0).old_status, ComponentStatus::kOperational);
  EXPECT_EQ(i->updates[0].affected_components->at(0).new_status, ComponentStatus::kMajorOutage);
  EXPECT_EQ(StatusOf(sbg), ComponentStatus::kMajorOutage);
  EXPECT_EQ(changes_, before + 1);
  auto audit = ListAudit(*store_, 10, 0);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "incident.create");
  EXPECT_EQ(audit->front().actor, "test");
}

TEST_F(IncidentServiceTest, ResolvingRestoresComponentsNotHeldByAnotherIncident) {
  const std::string a = MakeComponent("A");
  const std::string b = MakeComponent("B");
  IncidentInput first;
  first.name = "first";
  first.components = {{a, ComponentStatus::kMajorOutage}, {b, ComponentStatus::kPartialOutage}};
  auto one = incidents_->Create(actor_, first);
  IncidentInput second;
  second.name = "second";
  second.components = {{b, ComponentStatus::kPartialOutage}};
  ASSERT_TRUE(incidents_->Create(actor_, second).ok());

  clock_.Advance(minutes(90));
  IncidentInput resolve;
  resolve.status = IncidentStatus::kResolved;
  resolve.body = "Fixed.";
  auto done = incidents_->Update(actor_, one->id, resolve);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(StatusOf(a), ComponentStatus::kOperational);
  EXPECT_EQ(StatusOf(b), ComponentStatus::kPartialOutage);  // still held by "second"
  EXPECT_TRUE(done->resolved_at.has_value());
  EXPECT_EQ(done->impact, model::Impact::kCritical);  // the worst it reached
  ASSERT_EQ(done->updates.size(), 2u);
  EXPECT_EQ(done->updates[0].status, IncidentStatus::kResolved);
  EXPECT_EQ(done->updates[0].affected_components->size(), 1u);
}

TEST_F(IncidentServiceTest, StatusesOfTheOtherKindAreRejected) {
  IncidentInput in;
  in.name = "x";
  auto i = incidents_->Create(actor_, in);
  IncidentInput bad;
  bad.status = IncidentStatus::kInProgress;
  auto r = incidents_->Update(actor_, i->id, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "incident.status");
}

TEST_F(IncidentServiceTest, ValidationNamesTheFieldAndWritesNothing) {
  IncidentInput in;
  in.name = "x";
  in.components = {{"nope", ComponentStatus::kMajorOutage}};
  auto r = incidents_->Create(actor_, in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), base::Code::kInvalidArgument);
  EXPECT_EQ(incidents_->List({})->size(), 0u);

  IncidentInput unnamed;
  EXPECT_EQ(incidents_->Create(actor_, unnamed).status().field(), "incident.name");
  IncidentInput maintenance;
  maintenance.name = "m";
  maintenance.status = IncidentStatus::kScheduled;
  EXPECT_EQ(incidents_->Create(actor_, maintenance).status().field(), "incident.scheduled_for");
}

TEST_F(IncidentServiceTest, MaintenanceMovesOnScheduleAndRestoresComponents) {
  const std::string vps = MakeComponent("VPS — Gravelines");
  ASSERT_TRUE(components_
                  ->Update(actor_, vps,
                           [] {
                             ComponentInput in;
                             in.status = ComponentStatus::kDegradedPerformance;
                             return in;
                           }())
                  .ok());
  IncidentInput in;
  in.name = "Router upgrade";
  in.scheduled_for = clock_.Now() + minutes(60);
  in.scheduled_until = clock_.Now() + minutes(120);
  in.scheduled_auto_in_progress = true;
  in.scheduled_auto_completed = true;
  in.component_ids = std::vector<std::string>{vps};
  auto m = incidents_->Create(actor_, in);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->kind, model::IncidentKind::kMaintenance);
  EXPECT_EQ(m->status, IncidentStatus::kScheduled);

  EXPECT_EQ(*incidents_->AdvanceMaintenance(), 0);
  clock_.Advance(minutes(60));
  EXPECT_EQ(*incidents_->AdvanceMaintenance(), 1);
  EXPECT_EQ(incidents_->Get(m->id)->status, IncidentStatus::kInProgress);
  EXPECT_EQ(StatusOf(vps), ComponentStatus::kUnderMaintenance);

  clock_.Advance(minutes(60));
  EXPECT_EQ(*incidents_->AdvanceMaintenance(), 1);
  auto done = incidents_->Get(m->id);
  EXPECT_EQ(done->status, IncidentStatus::kCompleted);
  EXPECT_EQ(StatusOf(vps), ComponentStatus::kDegradedPerformance);  // as before the window
  EXPECT_EQ(done->updates.size(), 3u);
  EXPECT_EQ(*incidents_->AdvanceMaintenance(), 0);
}

TEST_F(IncidentServiceTest, PatchWithoutPublicChangeAddsNoUpdate) {
  IncidentInput in;
  in.name = "x";
  auto i = incidents_->Create(actor_, in);
  IncidentInput rename;
  rename.name = "y";
  auto r = incidents_->Update(actor_, i->id, rename);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->name, "y");
  EXPECT_EQ(r->updates.size(), 1u);
}

TEST_F(IncidentServiceTest, UnknownIncidentIsNotFound) {
  IncidentInput in;
  in.body = "x";
  EXPECT_EQ(incidents_->Update(actor_, "missing", in).status().code(), base::Code::kNotFound);
  EXPECT_EQ(incidents_->Delete(actor_, "missing").code(), base::Code::kNotFound);
}

}  // namespace
}  // namespace phare::service
