#include "graph/inventory.h"

namespace phare::graph {
namespace {

template <class T>
size_t Bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

std::string_view Inventory::name(NodeIndex n) const {
  if (name_key_ != kNone) {
    for (uint32_t a = node_attrs_[n]; a < node_attrs_[n + 1]; ++a) {
      if (attrs_[a].first == name_key_) return text_.Get(attrs_[a].second);
    }
  }
  return id(n);
}

std::optional<std::string_view> Inventory::Attribute(NodeIndex n, std::string_view key) const {
  for (uint32_t a = node_attrs_[n]; a < node_attrs_[n + 1]; ++a) {
    if (text_.Get(attrs_[a].first) == key) return text_.Get(attrs_[a].second);
  }
  return std::nullopt;
}

std::vector<std::pair<std::string_view, std::string_view>> Inventory::Attributes(
    NodeIndex n) const {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (uint32_t a = node_attrs_[n]; a < node_attrs_[n + 1]; ++a) {
    out.emplace_back(text_.Get(attrs_[a].first), text_.Get(attrs_[a].second));
  }
  return out;
}

std::optional<CustomerIndex> Inventory::FindCustomer(std::string_view id) const {
  return customer_ids_.Find(id);
}

std::optional<ProductIndex> Inventory::FindProduct(std::string_view name) const {
  const auto p = products_.Find(name);
  if (!p) return std::nullopt;
  return static_cast<ProductIndex>(*p);
}

size_t Inventory::MemoryBytes() const {
  return ids_.MemoryBytes() + customer_ids_.MemoryBytes() + products_.MemoryBytes() +
         text_.MemoryBytes() + Bytes(kinds_) + Bytes(standby_) + Bytes(node_site_) +
         Bytes(site_nodes_) + Bytes(node_attrs_) + Bytes(attrs_) + Bytes(node_groups_) +
         Bytes(group_k_) + Bytes(group_owner_) + Bytes(group_members_) + Bytes(members_) +
         Bytes(member_of_begin_) + Bytes(member_of_) + Bytes(resource_node_) +
         Bytes(resource_customer_) + Bytes(resource_product_) + Bytes(resource_sla_) +
         Bytes(node_resource_) + Bytes(customer_begin_) + Bytes(components_) +
         Bytes(product_labels_);
}

}  // namespace phare::graph
