#include "service/inventory.h"

#include "inventory_fixture.h"
#include "service/audit.h"

namespace phare::service {
namespace {

using model::ComponentStatus;
using model::NodeCondition;
using std::chrono::minutes;

const model::ImpactCount* Slice(const std::vector<model::ImpactCount>& counts,
                                const std::string& dimension, const std::string& key) {
  for (const auto& c : counts) {
    if (c.dimension == dimension && c.key == key) return &c;
  }
  return nullptr;
}

TEST_F(InventoryTest, ImportStoresTheInventoryAndReportsWhatChanged) {
  auto first = Import(kSmallInventory);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_FALSE(first->unchanged);
  EXPECT_EQ(first->info.nodes, 18);
  EXPECT_EQ(first->info.resources, 4);
  EXPECT_EQ(first->info.customers, 3);
  EXPECT_EQ(first->info.sha256.size(), 64u);
  EXPECT_EQ(first->diff.nodes_added, 18u);
  EXPECT_EQ(first->stats.lines, 18u);

  auto again = Import(kSmallInventory);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(again->info.id, first->info.id);

  const std::string more =
      std::string(kSmallInventory) +
      R"({"id":"vps-3","kind":"resource","customer":"cust-d","product":"vps","on":"srv-3"})";
  auto second = Import(more);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_NE(second->info.id, first->info.id);
  EXPECT_EQ(second->diff.nodes_added, 1u);
  EXPECT_EQ(second->diff.resources_added, 1u);
  EXPECT_EQ(second->diff.customers_added, 1u);
  EXPECT_EQ(second->diff.added_ids, std::vector<std::string>{"vps-3"});
  auto snapshot = inventory_->Snapshot();
  ASSERT_TRUE(snapshot.ok());
  EXPECT_EQ((*snapshot)->info.id, second->info.id);
  EXPECT_EQ((*snapshot)->inventory->resource_count(), 5u);
  auto audit = ListAudit(*store_, 1, 0);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "inventory.import");
  EXPECT_NE(audit->front().details.find("\"nodes_added\":1"), std::string::npos);
}

TEST_F(InventoryTest, AnInvalidInventoryWritesNothingAndNamesEachLine) {
  ASSERT_TRUE(Import(kSmallInventory).ok());
  const auto before = inventory_->Snapshot().value()->info;
  graph::ErrorList errors;
  auto bad = Import(
      "{\"id\":\"a\",\"kind\":\"rack\",\"on\":\"nowhere\"}\n"
      "{\"id\":\"a\",\"kind\":\"rack\"}\n"
      "{\"id\":\"b\",\"kind\":\"spaceship\"}\n",
      &errors);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), base::Code::kInvalidArgument);
  ASSERT_EQ(errors.total(), 3u) << errors.ToString();
  EXPECT_NE(errors.ToString().find("inventory.jsonl:1"), std::string::npos) << errors.ToString();
  EXPECT_NE(errors.ToString().find("inventory.jsonl:2"), std::string::npos);
  EXPECT_NE(errors.ToString().find("inventory.jsonl:3"), std::string::npos);
  const auto after = inventory_->Snapshot().value()->info;
  EXPECT_EQ(after.id, before.id);
  EXPECT_EQ(after.sha256, before.sha256);
}

TEST_F(InventoryTest, RootNodesSetTheComponentsTheyTakeDown) {
  SetUpSmall();
  auto i = Declare({Node("rack-1")});
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  EXPECT_EQ(StatusOf(ded_), ComponentStatus::kMajorOutage);
  EXPECT_EQ(StatusOf(vps_), ComponentStatus::kOperational);
  EXPECT_EQ(i->component_ids, std::vector<std::string>{ded_});
  EXPECT_EQ(i->impact, model::Impact::kCritical);
  ASSERT_FALSE(i->impact_counts.empty());
  const auto& total = i->impact_counts.front();
  EXPECT_EQ(total.dimension, "total");
  EXPECT_EQ(total.resources, 4);
  EXPECT_EQ(total.down, 2);
  EXPECT_EQ(total.customers_down, 2);
  EXPECT_EQ(total.hit, 2);
  EXPECT_EQ(total.restored, 0);
  const auto* dedicated = Slice(i->impact_counts, "product", "dedicated");
  ASSERT_NE(dedicated, nullptr);
  EXPECT_EQ(dedicated->down, 2);
  EXPECT_EQ(Slice(i->impact_counts, "product", "vps"), nullptr);  // untouched
  const auto* site = Slice(i->impact_counts, "site", "sbg");
  ASSERT_NE(site, nullptr);
  EXPECT_EQ(site->down, 2);
  // The counts are stored with the incident.
  auto stored = incidents_->Get(i->id);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->impact_counts.size(), i->impact_counts.size());
  EXPECT_EQ(stored->impact_counts.front().down, 2);
}

TEST_F(InventoryTest, AnOperatorsExplicitStatusWins) {
  SetUpSmall();
  IncidentInput in;
  in.name = "Rack 1";
  in.components = {{ded_, ComponentStatus::kDegradedPerformance}};
  in.root_nodes = {Node("rack-1"), Node("srv-3")};
  auto i = incidents_->Create(actor_, in);
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  EXPECT_EQ(StatusOf(ded_), ComponentStatus::kDegradedPerformance);
  EXPECT_EQ(StatusOf(vps_), ComponentStatus::kMajorOutage);
  // Both changes are recorded on the update.
  ASSERT_TRUE(i->updates.front().affected_components.has_value());
  EXPECT_EQ(i->updates.front().affected_components->size(), 2u);
}

TEST_F(InventoryTest, NodeReportsAloneChangeStatusesWithoutPublishingAnUpdate) {
  SetUpSmall();
  auto i = Declare({});
  ASSERT_TRUE(i.ok());
  clock_.Advance(minutes(5));
  auto reported = Report(i->id, {Node("srv-3", NodeCondition::kDegraded)});
  ASSERT_TRUE(reported.ok()) << reported.status().ToString();
  EXPECT_EQ(reported->updates.size(), 1u);
  EXPECT_EQ(StatusOf(vps_), ComponentStatus::kDegradedPerformance);
  EXPECT_EQ(reported->impact_counts.front().degraded, 2);
}

TEST_F(InventoryTest, RestoringNodesRestoresComponentsAndFeedsProgress) {
  SetUpSmall();
  auto i = Declare({});
  ASSERT_TRUE(i.ok());
  clock_.Advance(minutes(1));
  ASSERT_TRUE(Report(i->id, {Node("rack-1"), Node("srv-3")}).ok());
  EXPECT_EQ(StatusOf(vps_), ComponentStatus::kMajorOutage);
  clock_.Advance(minutes(30));
  auto half = Report(i->id, {Node("rack-1", NodeCondition::kRestored)});
  ASSERT_TRUE(half.ok()) << half.status().ToString();
  EXPECT_EQ(StatusOf(ded_), ComponentStatus::kOperational);
  EXPECT_EQ(StatusOf(vps_), ComponentStatus::kMajorOutage);
  EXPECT_EQ(half->impact_counts.front().hit, 4);
  EXPECT_EQ(half->impact_counts.front().restored, 2);
  clock_.Advance(minutes(30));
  auto all = Report(i->id, {Node("srv-3", NodeCondition::kRestored)});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(StatusOf(vps_), ComponentStatus::kOperational);
  EXPECT_EQ(all->impact_counts.front().restored, 4);
  EXPECT_EQ(all->impact_counts.front().down, 0);
  auto progress = incidents_->Progress(i->id);
  ASSERT_TRUE(progress.ok());
  ASSERT_EQ(progress->size(), 3u);  // 0 of 4, 2 of 4, 4 of 4
  EXPECT_EQ((*progress)[0].restored, 0);
  EXPECT_EQ((*progress)[1].restored, 2);
  EXPECT_EQ((*progress)[2].restored, 4);
  EXPECT_EQ((*progress)[2].total, 4);
}

TEST_F(InventoryTest, UnknownNodesAndMaintenanceAreRefusedAndWriteNothing) {
  SetUpSmall();
  auto i = Declare({Node("rack-1"), Node("rack-9")});
  ASSERT_FALSE(i.ok());
  EXPECT_EQ(i.status().code(), base::Code::kInvalidArgument);
  EXPECT_EQ(i.status().field(), "incident.phare.root_nodes[1].id");
  EXPECT_NE(i.status().message().find("rack-9"), std::string::npos);
  EXPECT_EQ(StatusOf(ded_), ComponentStatus::kOperational);
  auto listed = incidents_->List({});
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());

  IncidentInput m;
  m.name = "Rack work";
  m.scheduled_for = clock_.Now() + minutes(60);
  m.scheduled_until = clock_.Now() + minutes(120);
  m.root_nodes = {Node("rack-1")};
  EXPECT_EQ(incidents_->Create(actor_, m).status().field(), "incident.phare.root_nodes");
}

TEST_F(InventoryTest, NodeReportsNeedAnInventory) {
  MakeComponent("Dedicated servers — Strasbourg");
  auto i = Declare({Node("rack-1")});
  EXPECT_EQ(i.status().code(), base::Code::kFailedPrecondition);
  EXPECT_TRUE(Declare({}).ok());  // without reports nothing needs it
}

TEST_F(InventoryTest, ClosingAnIncidentDropsItsReportsOnly) {
  SetUpSmall();
  auto a = Declare({Node("srv-1")});
  auto b = Declare({Node("srv-2")});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(StatusOf(ded_), ComponentStatus::kMajorOutage);
  IncidentInput resolve;
  resolve.status = model::IncidentStatus::kResolved;
  resolve.body = "Fixed.";
  ASSERT_TRUE(incidents_->Update(actor_, a->id, resolve).ok());
  EXPECT_EQ(StatusOf(ded_), ComponentStatus::kMajorOutage);  // srv-2: half the members down
  auto state = inventory_->Snapshot();
  ASSERT_TRUE(state.ok());
  ASSERT_EQ((*state)->incidents.size(), 1u);
  EXPECT_EQ((*state)->incidents[0].incident_id, b->id);
  ASSERT_TRUE(incidents_->Update(actor_, b->id, resolve).ok());
  EXPECT_EQ(StatusOf(ded_), ComponentStatus::kOperational);
}

TEST_F(InventoryTest, AReimportReappliesTheOpenIncidentsReports) {
  SetUpSmall();
  auto i = Declare({Node("rack-1")});
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  ASSERT_EQ(StatusOf(ded_), ComponentStatus::kMajorOutage);
  ASSERT_EQ(i->impact_counts.front().down, 2);

  // The dedicated servers turn out to live in rack 2: rack 1 going down hits nobody.
  std::string moved(kSmallInventory);
  for (const char* server : {R"("on":"srv-1"})", R"("on":"srv-2"})"}) {
    const size_t at = moved.find(server);
    ASSERT_NE(at, std::string::npos);
    moved.replace(at, std::string_view(server).size(), R"("on":"srv-3"})");
  }
  clock_.Advance(minutes(1));
  auto report = Import(moved);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->components.size(), 1u);
  EXPECT_EQ(report->components[0].component_id, ded_);
  EXPECT_EQ(report->components[0].status, ComponentStatus::kOperational);
  EXPECT_EQ(StatusOf(ded_), ComponentStatus::kOperational);
  EXPECT_EQ(StatusOf(vps_), ComponentStatus::kOperational);
  auto stored = incidents_->Get(i->id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->impact_counts.front().down, 0);

  // And back: the same report takes them down again.
  report = Import(kSmallInventory);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->components.size(), 1u);
  EXPECT_EQ(report->components[0].status, ComponentStatus::kMajorOutage);
  EXPECT_EQ(StatusOf(ded_), ComponentStatus::kMajorOutage);
  stored = incidents_->Get(i->id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->impact_counts.front().down, 2);

  // Without open reports a re-import leaves every status alone.
  IncidentInput resolve;
  resolve.status = model::IncidentStatus::kResolved;
  resolve.body = "Fixed.";
  ASSERT_TRUE(incidents_->Update(actor_, i->id, resolve).ok());
  report = Import(moved);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->components.empty());
}

TEST_F(InventoryTest, AnotherProcessSeesTheSameState) {
  SetUpSmall();
  auto i = Declare({Node("rack-2")});
  ASSERT_TRUE(i.ok());
  auto other_store = store::sqlite::SqliteStore::Open(dir_.File("phare.db"), {});
  ASSERT_TRUE(other_store.ok());
  Context other_ctx{**other_store, clock_, random_};
  InventoryService other(other_ctx);
  auto state = other.Snapshot();
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  ASSERT_TRUE((*state)->has_inventory());
  ASSERT_EQ((*state)->incidents.size(), 1u);
  const auto node = (*state)->inventory->Find("vps-2");
  ASSERT_TRUE(node.has_value());
  EXPECT_EQ((*state)->combined->state(*node), graph::NodeState::kDown);
  // A write through the first process is seen by the second at its next snapshot.
  ASSERT_TRUE(Report(i->id, {Node("rack-2", NodeCondition::kRestored)}).ok());
  auto later = other.Snapshot();
  ASSERT_TRUE(later.ok());
  EXPECT_EQ((*later)->combined->state(*node), graph::NodeState::kUp);
  EXPECT_EQ((*later)->inventory, (*state)->inventory);  // not parsed again
}

TEST_F(InventoryTest, ImpactListsCustomersAndResourcesByCursor) {
  SetUpSmall();
  auto i = Declare({Node("power")});
  ASSERT_TRUE(i.ok());
  ImpactQuery q;
  q.limit = 2;
  auto page = inventory_->Impact(i->id, q);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->counts.front().down, 4);
  ASSERT_EQ(page->nodes.size(), 1u);
  EXPECT_EQ(page->nodes[0].id, "power");
  EXPECT_EQ(page->nodes[0].state, "down");
  EXPECT_EQ(page->customers.size(), 2u);
  ASSERT_TRUE(page->next_customers_cursor.has_value());
  ASSERT_EQ(page->resources.size(), 2u);
  ASSERT_TRUE(page->next_resources_cursor.has_value());
  std::vector<std::string> ids;
  for (const auto& r : page->resources) ids.push_back(r.id);
  q.customers_cursor = *page->next_customers_cursor;
  q.resources_cursor = *page->next_resources_cursor;
  auto rest = inventory_->Impact(i->id, q);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->customers.size(), 1u);
  EXPECT_FALSE(rest->next_customers_cursor);
  for (const auto& r : rest->resources) ids.push_back(r.id);
  EXPECT_FALSE(rest->next_resources_cursor);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"ded-1", "ded-2", "vps-1", "vps-2"}));
  EXPECT_EQ(inventory_->Impact("nope", {}).status().code(), base::Code::kNotFound);
}

TEST_F(InventoryTest, SinglePointsOfFailureFindTheSharedBreaker) {
  SetUpSmall();
  SpofQuery q;
  q.threshold = 1;
  auto spof = inventory_->Spof(q);
  ASSERT_TRUE(spof.ok()) << spof.status().ToString();
  ASSERT_FALSE(spof->hidden.empty());
  EXPECT_EQ(spof->hidden[0].id, "breaker");
  EXPECT_EQ(spof->hidden[0].resources_down, 0u);
  EXPECT_EQ(spof->hidden[0].resources_at_risk, 4u);
  ASSERT_FALSE(spof->hard.empty());
  EXPECT_EQ(spof->hard[0].resources_down, 4u);  // "power": nothing behind it is redundant
  for (const auto& e : spof->hard) EXPECT_GT(e.resources_down, 1u);
}

TEST_F(InventoryTest, SinglePointsOfFailureFollowReportsAndReimports) {
  SetUpSmall();
  const auto hard_ids = [&](const SpofQuery& q) {
    auto spof = inventory_->Spof(q);
    EXPECT_TRUE(spof.ok()) << spof.status().ToString();
    std::vector<std::string> ids;
    if (spof.ok()) {
      for (const auto& e : spof->hard) ids.push_back(e.id);
    }
    return ids;
  };
  const auto hidden_ids = [&](const SpofQuery& q) {
    auto spof = inventory_->Spof(q);
    std::vector<std::string> ids;
    if (spof.ok()) {
      for (const auto& e : spof->hidden) ids.push_back(e.id);
    }
    return ids;
  };
  SpofQuery live;
  live.threshold = 1;
  live.live = true;
  const auto has = [](const std::vector<std::string>& ids, const char* id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  EXPECT_FALSE(has(hard_ids(live), "breaker"));  // the generator still covers it
  EXPECT_FALSE(has(hard_ids(live), "breaker"));  // asked again: the same answer
  // With the generator down, the breaker alone takes everything down.
  ASSERT_TRUE(Declare({Node("gen")}).ok());
  EXPECT_TRUE(has(hard_ids(live), "breaker"));

  // A corrected inventory: the second feed does not go through the breaker.
  SpofQuery design;
  design.threshold = 1;
  ASSERT_TRUE(has(hidden_ids(design), "breaker"));
  std::string fixed(kSmallInventory);
  const std::string shared = R"({"id":"feed-2","kind":"power_feed","on":"breaker"})";
  const size_t at = fixed.find(shared);
  ASSERT_NE(at, std::string::npos);
  fixed.replace(at, shared.size(), R"({"id":"feed-2","kind":"power_feed","site":"sbg"})");
  ASSERT_TRUE(Import(fixed).ok());
  EXPECT_FALSE(has(hidden_ids(design), "breaker"));
  EXPECT_FALSE(has(hard_ids(live), "breaker"));
}

TEST_F(InventoryTest, ComponentNodesMapByNameOrByLink) {
  SetUpSmall();
  const std::string cloud = MakeComponent("Virtual servers");
  auto summary = inventory_->Summary();
  ASSERT_TRUE(summary.ok());
  ASSERT_EQ(summary->components.size(), 2u);
  EXPECT_EQ(summary->components[1].node_id, "component-vps");
  EXPECT_EQ(summary->components[1].component_id, vps_);
  EXPECT_EQ(summary->components[1].how, "name");
  ASSERT_TRUE(inventory_->MapComponent(actor_, "component-vps", cloud).ok());
  EXPECT_EQ(inventory_->MapComponent(actor_, "srv-1", cloud).field(), "node");
  EXPECT_EQ(inventory_->MapComponent(actor_, "component-vps", "nope").field(), "component");
  ASSERT_TRUE(Declare({Node("srv-3")}).ok());
  EXPECT_EQ(StatusOf(cloud), ComponentStatus::kMajorOutage);
  EXPECT_EQ(StatusOf(vps_), ComponentStatus::kOperational);
  summary = inventory_->Summary();
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->components[1].how, "link");
  EXPECT_EQ(summary->products,
            (std::vector<std::pair<std::string, uint32_t>>{{"dedicated", 2}, {"vps", 2}}));
}

TEST(CheckShrink, RefusesRemovingAllOrMoreThanTheShare) {
  EXPECT_TRUE(CheckShrink(0, 0, 0.25).ok());     // nothing to remove
  EXPECT_TRUE(CheckShrink(100, 25, 0.25).ok());  // at the share
  EXPECT_EQ(CheckShrink(100, 26, 0.25).code(), base::Code::kFailedPrecondition);
  const base::Status all = CheckShrink(212399, 212399, 1.0);  // all, whatever the share
  EXPECT_EQ(all.code(), base::Code::kFailedPrecondition);
  EXPECT_EQ(all.field(), "allow_shrink");
  EXPECT_NE(all.message().find("212399 of the current 212399 nodes (100%)"), std::string::npos);
}

TEST_F(InventoryTest, AnEmptyInventoryDoesNotReplaceTheCurrentOneUnlessAllowed) {
  auto first = Import(kSmallInventory);
  ASSERT_TRUE(first.ok());
  for (std::string_view empty : {"", "\n"}) {
    auto refused = Import(empty);
    EXPECT_EQ(refused.status().code(), base::Code::kFailedPrecondition) << empty;
  }
  // Losing 9 of 18 nodes (50%) is more than the default 25%.
  std::string smaller(kSmallInventory.substr(0, kSmallInventory.find("{\"id\":\"srv-1\"")));
  EXPECT_EQ(Import(smaller).status().code(), base::Code::kFailedPrecondition);
  EXPECT_EQ(inventory_->Snapshot().value()->info.id, first->info.id);

  ImportRequest allowed;
  allowed.bytes = smaller;
  allowed.allow_shrink = true;
  auto shrunk = inventory_->Import(actor_, allowed, nullptr);
  ASSERT_TRUE(shrunk.ok()) << shrunk.status().ToString();
  EXPECT_EQ(shrunk->info.nodes, 9);
}

TEST_F(InventoryTest, RollbackRestoresThePreviousInventoryAndCanBeUndone) {
  EXPECT_EQ(inventory_->Rollback(actor_).status().code(), base::Code::kFailedPrecondition);
  auto first = Import(kSmallInventory);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(inventory_->Rollback(actor_).status().code(), base::Code::kFailedPrecondition);
  ImportRequest empty;
  empty.bytes = "";
  empty.allow_shrink = true;
  auto emptied = inventory_->Import(actor_, empty, nullptr);
  ASSERT_TRUE(emptied.ok()) << emptied.status().ToString();
  EXPECT_EQ(emptied->info.nodes, 0);

  auto restored = inventory_->Rollback(actor_);
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_EQ(restored->info.nodes, 18);
  EXPECT_EQ(restored->info.sha256, first->info.sha256);
  EXPECT_EQ(inventory_->Snapshot().value()->inventory->resource_count(), 4u);
  // A second rollback goes back to the empty one.
  auto undone = inventory_->Rollback(actor_);
  ASSERT_TRUE(undone.ok()) << undone.status().ToString();
  EXPECT_EQ(undone->info.nodes, 0);
}

}  // namespace
}  // namespace phare::service
