// ServiceTest with an InventoryService wired into the IncidentService, and a small
// inventory: one site whose two grid feeds share a breaker (a generator is the spare),
// two racks, three servers, four resources of three customers, two components.
#pragma once

#include <memory>
#include <string>

#include "service/inventory.h"
#include "service_fixture.h"

namespace phare::service {

inline constexpr std::string_view kSmallInventory =
    R"({"id":"sbg","kind":"site","name":"Strasbourg"}
{"id":"breaker","kind":"breaker","site":"sbg"}
{"id":"feed-1","kind":"power_feed","on":"breaker"}
{"id":"feed-2","kind":"power_feed","on":"breaker"}
{"id":"grid","kind":"logical","depends":[{"k":1,"members":["feed-1","feed-2"]}]}
{"id":"gen","kind":"generator","site":"sbg"}
{"id":"power","kind":"logical","depends":[{"k":1,"members":["grid","gen"]}]}
{"id":"rack-1","kind":"rack","on":"power"}
{"id":"rack-2","kind":"rack","on":"power"}
{"id":"srv-1","kind":"server","on":"rack-1"}
{"id":"srv-2","kind":"server","on":"rack-1"}
{"id":"srv-3","kind":"server","on":"rack-2"}
{"id":"ded-1","kind":"resource","customer":"cust-a","product":"dedicated","on":"srv-1"}
{"id":"ded-2","kind":"resource","customer":"cust-b","product":"dedicated","on":"srv-2"}
{"id":"vps-1","kind":"resource","customer":"cust-a","product":"vps","on":"srv-3"}
{"id":"vps-2","kind":"resource","customer":"cust-c","product":"vps","on":"srv-3"}
{"id":"component-ded","kind":"component","name":"Dedicated servers — Strasbourg","depends":[{"k":1,"members":["ded-1","ded-2"]}]}
{"id":"component-vps","kind":"component","name":"VPS — Strasbourg","depends":[{"k":1,"members":["vps-1","vps-2"]}]}
)";

class InventoryTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    inventory_ = std::make_unique<InventoryService>(*ctx_);
    incidents_->set_inventory(inventory_.get());
  }

  base::Result<ImportReport> Import(std::string_view text, graph::ErrorList* errors = nullptr) {
    ImportRequest request;
    request.bytes = text;
    request.source_name = "inventory.jsonl";
    return inventory_->Import(actor_, request, errors);
  }

  // Imports the small inventory and creates its two page components (by name).
  void SetUpSmall() {
    auto imported = Import(kSmallInventory);
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
    ded_ = MakeComponent("Dedicated servers — Strasbourg");
    vps_ = MakeComponent("VPS — Strasbourg");
  }

  static model::NodeReport Node(const std::string& id,
                                model::NodeCondition c = model::NodeCondition::kDown) {
    model::NodeReport r;
    r.node_id = id;
    r.condition = c;
    return r;
  }

  base::Result<model::Incident> Declare(std::vector<model::NodeReport> nodes) {
    IncidentInput in;
    in.name = "Strasbourg power";
    in.body = "Investigating.";
    in.root_nodes = std::move(nodes);
    return incidents_->Create(actor_, in);
  }

  base::Result<model::Incident> Report(const std::string& id,
                                       std::vector<model::NodeReport> nodes) {
    IncidentInput in;
    in.root_nodes = std::move(nodes);
    return incidents_->Update(actor_, id, in);
  }

  std::unique_ptr<InventoryService> inventory_;
  std::string ded_, vps_;
};

}  // namespace phare::service
