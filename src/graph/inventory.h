// Inventory: the immutable infrastructure graph of one page: nodes (sites, racks, power
// feeds, components, customer resources...), the dependency groups each node relies on,
// and the customers owning the resources.
//
// Layout: node ids are interned to dense indices numbered in dependency order (every
// member of a node's groups has a smaller index than the node), so propagation is one
// forward sweep. Groups and members are CSR arrays; resources are numbered by customer,
// so a customer's resources are one contiguous range. About 100 bytes per node.
//
// Built by InventoryBuilder (builder.h) or the importers (import.h); never modified
// afterwards, so one Inventory can be shared (shared_ptr<const Inventory>) and read
// from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/interner.h"
#include "graph/kinds.h"

namespace phare::graph {

using NodeIndex = uint32_t;
using GroupIndex = uint32_t;
using ResourceIndex = uint32_t;
using CustomerIndex = uint32_t;
using ProductIndex = uint16_t;
using SiteIndex = uint16_t;  // 0 is "no site"; sites are numbered 1..site_count()-1

inline constexpr uint32_t kNone = UINT32_MAX;

// A label of a product record, as indices of the inventory's text: the product code,
// the language ("" for the default label) and the label.
struct ProductLabelEntry {
  uint32_t product = 0;
  uint32_t language = 0;
  uint32_t label = 0;
};

// Labels for readers: (language, text), the default label first with language "".
using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

// [begin, end) of consecutive indices.
struct IndexRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
};

class Inventory {
 public:
  // Nodes.
  uint32_t node_count() const { return static_cast<uint32_t>(kinds_.size()); }
  std::optional<NodeIndex> Find(std::string_view id) const { return ids_.Find(id); }
  std::string_view id(NodeIndex n) const { return ids_.Get(n); }
  NodeKind kind(NodeIndex n) const { return kinds_[n]; }
  // A standby source (a battery) keeps dependents up but never counts as redundancy.
  bool standby(NodeIndex n) const { return standby_[n] != 0; }
  // The "name" attribute, or the id when there is none.
  std::string_view name(NodeIndex n) const;
  // The value of attribute `key`, or nullopt.
  std::optional<std::string_view> Attribute(NodeIndex n, std::string_view key) const;
  std::vector<std::pair<std::string_view, std::string_view>> Attributes(NodeIndex n) const;

  // Sites: a node's site is itself for a site, its declared site, or else the site of
  // the first member of its first group.
  SiteIndex site(NodeIndex n) const { return node_site_[n]; }
  uint32_t site_count() const { return static_cast<uint32_t>(site_nodes_.size()); }
  NodeIndex site_node(SiteIndex s) const { return site_nodes_[s]; }  // kNone for 0
  std::string_view site_id(SiteIndex s) const { return s == 0 ? "" : id(site_nodes_[s]); }

  // Dependency groups. A node's groups are consecutive; a group is satisfied while at
  // least k of its members are up.
  IndexRange groups(NodeIndex n) const { return {node_groups_[n], node_groups_[n + 1]}; }
  uint32_t group_k(GroupIndex g) const { return group_k_[g]; }
  NodeIndex group_owner(GroupIndex g) const { return group_owner_[g]; }
  std::span<const NodeIndex> members(GroupIndex g) const {
    return {members_.data() + group_members_[g], group_members_[g + 1] - group_members_[g]};
  }
  uint32_t group_size(GroupIndex g) const { return group_members_[g + 1] - group_members_[g]; }
  uint32_t group_count() const { return static_cast<uint32_t>(group_k_.size()); }
  // The groups in which `n` is a member (its dependents are their owners).
  std::span<const GroupIndex> member_of(NodeIndex n) const {
    return {member_of_.data() + member_of_begin_[n], member_of_begin_[n + 1] - member_of_begin_[n]};
  }

  // Resources, numbered by customer. resource_of(n) is kNone for other nodes.
  uint32_t resource_count() const { return static_cast<uint32_t>(resource_node_.size()); }
  ResourceIndex resource_of(NodeIndex n) const { return node_resource_[n]; }
  NodeIndex resource_node(ResourceIndex r) const { return resource_node_[r]; }
  CustomerIndex resource_customer(ResourceIndex r) const { return resource_customer_[r]; }
  ProductIndex resource_product(ResourceIndex r) const { return resource_product_[r]; }
  std::string_view resource_sla(ResourceIndex r) const { return text_.Get(resource_sla_[r]); }

  // Customers and products.
  uint32_t customer_count() const { return static_cast<uint32_t>(customer_ids_.size()); }
  std::optional<CustomerIndex> FindCustomer(std::string_view id) const;
  std::string_view customer_id(CustomerIndex c) const { return customer_ids_.Get(c); }
  IndexRange customer_resources(CustomerIndex c) const {
    return {customer_begin_[c], customer_begin_[c + 1]};
  }
  uint32_t product_count() const { return static_cast<uint32_t>(products_.size()); }
  std::string_view product_name(ProductIndex p) const { return products_.Get(p); }
  std::optional<ProductIndex> FindProduct(std::string_view name) const;

  // Labels (docs/inventory.md, "Labels"). A site's: its name (when it has one), then its
  // "name.<lang>" attributes. A product's: those of its product record; empty without one.
  Labels SiteLabels(SiteIndex s) const;
  Labels ProductLabels(std::string_view product) const;
  // The codes of the products given a product record, sorted.
  std::vector<std::string_view> LabelledProducts() const;

  // Component nodes, in index order.
  std::span<const NodeIndex> components() const { return components_; }

  // Approximate heap bytes held.
  size_t MemoryBytes() const;

 private:
  friend class InventoryAssembler;

  StringInterner ids_;           // node ids, index = NodeIndex
  StringInterner customer_ids_;  // index = CustomerIndex
  StringInterner products_;      // index = ProductIndex
  StringInterner text_;          // SLAs, attribute keys and values
  std::vector<NodeKind> kinds_;
  std::vector<uint8_t> standby_;
  std::vector<SiteIndex> node_site_;
  std::vector<NodeIndex> site_nodes_;                 // [0] = kNone
  std::vector<uint32_t> node_attrs_;                  // CSR into attrs_, node_count + 1
  std::vector<std::pair<uint32_t, uint32_t>> attrs_;  // (key, value) in text_
  uint32_t name_key_ = kNone;                         // text_ index of "name"
  std::vector<GroupIndex> node_groups_;               // node_count + 1
  std::vector<uint32_t> group_k_;
  std::vector<NodeIndex> group_owner_;
  std::vector<uint32_t> group_members_;  // group_count + 1
  std::vector<NodeIndex> members_;
  std::vector<uint32_t> member_of_begin_;  // node_count + 1
  std::vector<GroupIndex> member_of_;
  std::vector<NodeIndex> resource_node_;
  std::vector<CustomerIndex> resource_customer_;
  std::vector<ProductIndex> resource_product_;
  std::vector<uint32_t> resource_sla_;        // text_ index
  std::vector<ResourceIndex> node_resource_;  // per node, kNone for non-resources
  std::vector<uint32_t> customer_begin_;      // customer_count + 1
  std::vector<NodeIndex> components_;
  std::vector<ProductLabelEntry> product_labels_;  // sorted by product, then language
};

}  // namespace phare::graph
