// A terse way to build small inventories in tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/builder.h"
#include "graph/inventory.h"

namespace phare::graph::testing {

struct G {
  uint32_t k = 0;  // 0: all members
  std::vector<std::string_view> members;
};

class TestGraph {
 public:
  TestGraph& Node(std::string_view id, NodeKind kind, std::vector<G> groups = {},
                  bool standby = false, std::string_view site = {}) {
    NodeSpec spec;
    spec.id = id;
    spec.kind = kind;
    spec.standby = standby;
    spec.site = site;
    return Add(spec, groups);
  }
  TestGraph& Resource(std::string_view id, std::string_view customer, std::string_view product,
                      std::string_view on) {
    NodeSpec spec;
    spec.id = id;
    spec.kind = NodeKind::kResource;
    spec.customer = customer;
    spec.product = product;
    return Add(spec, {G{1, {on}}});
  }
  std::shared_ptr<const Inventory> Build() {
    auto inventory = builder_.Build();
    EXPECT_TRUE(inventory) << builder_.errors().ToString();
    return inventory;
  }
  InventoryBuilder& builder() { return builder_; }

 private:
  TestGraph& Add(const NodeSpec& spec, const std::vector<G>& groups) {
    builder_.AddNode(spec, ++line_);
    for (const G& g : groups) builder_.AddGroup(g.k, g.members);
    return *this;
  }

  InventoryBuilder builder_;
  uint64_t line_ = 0;
};

inline NodeIndex N(const Inventory& inventory, std::string_view id) {
  const auto n = inventory.Find(id);
  EXPECT_TRUE(n.has_value()) << id;
  return n.value_or(0);
}

}  // namespace phare::graph::testing
