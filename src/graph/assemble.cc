// Turns a validated draft into the Inventory's dependency-ordered, CSR layout.
#include <algorithm>

#include "graph/draft.h"

namespace phare::graph {

class InventoryAssembler {
 public:
  InventoryAssembler(detail::Draft& draft, const std::vector<uint32_t>& order)
      : d_(draft), order_(order), inv_(std::make_shared<Inventory>()) {
    new_of_.assign(d_.def_seq.size(), kNone);
    for (uint32_t i = 0; i < order_.size(); ++i) new_of_[order_[i]] = i;
  }

  std::shared_ptr<const Inventory> Run() {
    Nodes();
    Groups();
    MemberOf();
    Sites();
    Resources();
    inv_->customer_ids_ = std::move(d_.customers);
    inv_->products_ = std::move(d_.products);
    inv_->text_ = std::move(d_.text);
    ProductLabels();
    inv_->name_key_ = inv_->text_.Find("name").value_or(kNone);
    inv_->text_.ShrinkToFit();
    inv_->customer_ids_.ShrinkToFit();
    return inv_;
  }

 private:
  void Nodes() {
    Inventory& inv = *inv_;
    const size_t count = order_.size();
    inv.ids_.Reserve(count, d_.ids.bytes());
    inv.kinds_.reserve(count);
    inv.standby_.reserve(count);
    inv.node_attrs_.reserve(count + 1);
    inv.node_attrs_.push_back(0);
    for (uint32_t v : order_) {
      inv.ids_.Intern(d_.ids.Get(v));
      inv.kinds_.push_back(d_.kind[v]);
      inv.standby_.push_back(d_.standby[v]);
      for (uint32_t a = d_.attr_begin[v]; a < d_.attr_end[v]; ++a)
        inv.attrs_.push_back(d_.attrs[a]);
      inv.node_attrs_.push_back(static_cast<uint32_t>(inv.attrs_.size()));
      if (d_.kind[v] == NodeKind::kComponent) inv.components_.push_back(inv.node_count() - 1);
    }
    inv.ids_.ShrinkToFit();
    inv.attrs_.shrink_to_fit();
    d_.ids = StringInterner();
    d_.attrs = {};
  }

  void Groups() {
    Inventory& inv = *inv_;
    inv.node_groups_.reserve(order_.size() + 1);
    inv.group_k_.reserve(d_.group_k.size());
    inv.group_owner_.reserve(d_.group_k.size());
    inv.group_members_.reserve(d_.group_k.size() + 1);
    inv.members_.reserve(d_.members.size());
    inv.group_members_.push_back(0);
    for (uint32_t i = 0; i < order_.size(); ++i) {
      const uint32_t v = order_[i];
      inv.node_groups_.push_back(static_cast<GroupIndex>(inv.group_k_.size()));
      for (uint32_t g = d_.group_begin[v]; g < d_.group_end[v]; ++g) {
        inv.group_k_.push_back(d_.group_k[g]);
        inv.group_owner_.push_back(i);
        for (uint32_t m = d_.group_members[g]; m < d_.group_members[g + 1]; ++m) {
          inv.members_.push_back(new_of_[d_.members[m]]);
        }
        inv.group_members_.push_back(static_cast<uint32_t>(inv.members_.size()));
      }
    }
    inv.node_groups_.push_back(static_cast<GroupIndex>(inv.group_k_.size()));
    d_.members = {};
  }

  void MemberOf() {
    Inventory& inv = *inv_;
    const uint32_t count = inv.node_count();
    inv.member_of_begin_.assign(count + 1, 0);
    for (NodeIndex m : inv.members_) ++inv.member_of_begin_[m + 1];
    for (uint32_t n = 0; n < count; ++n) inv.member_of_begin_[n + 1] += inv.member_of_begin_[n];
    inv.member_of_.resize(inv.members_.size());
    std::vector<uint32_t> fill(inv.member_of_begin_.begin(), inv.member_of_begin_.end() - 1);
    for (GroupIndex g = 0; g < inv.group_count(); ++g) {
      for (NodeIndex m : inv.members(g)) inv.member_of_[fill[m]++] = g;
    }
  }

  void Sites() {
    Inventory& inv = *inv_;
    const uint32_t count = inv.node_count();
    inv.site_nodes_.assign(1, kNone);
    inv.node_site_.assign(count, 0);
    for (NodeIndex n = 0; n < count; ++n) {
      if (inv.kinds_[n] != NodeKind::kSite) continue;
      inv.node_site_[n] = static_cast<SiteIndex>(inv.site_nodes_.size());
      inv.site_nodes_.push_back(n);
    }
    for (NodeIndex n = 0; n < count; ++n) {
      if (inv.kinds_[n] == NodeKind::kSite) continue;
      const uint32_t declared = d_.site_ref[order_[n]];
      if (declared != kNone) {
        inv.node_site_[n] = inv.node_site_[new_of_[declared]];
      } else if (!inv.groups(n).empty()) {
        inv.node_site_[n] = inv.node_site_[inv.members(inv.groups(n).begin)[0]];
      }
    }
  }

  // Resources are numbered by customer (counting sort), keeping node order within one.
  // Product labels sorted by product code, then language (text indices stay valid).
  void ProductLabels() {
    Inventory& inv = *inv_;
    inv.product_labels_ = std::move(d_.product_labels);
    const StringInterner& text = inv.text_;
    std::sort(inv.product_labels_.begin(), inv.product_labels_.end(),
              [&](const ProductLabelEntry& a, const ProductLabelEntry& b) {
                const auto pa = text.Get(a.product), pb = text.Get(b.product);
                return pa != pb ? pa < pb : text.Get(a.language) < text.Get(b.language);
              });
  }

  void Resources() {
    Inventory& inv = *inv_;
    const uint32_t count = inv.node_count();
    const auto customers = static_cast<uint32_t>(d_.customers.size());
    inv.customer_begin_.assign(customers + 1, 0);
    for (uint32_t c : d_.res_customer) ++inv.customer_begin_[c + 1];
    for (uint32_t c = 0; c < customers; ++c) inv.customer_begin_[c + 1] += inv.customer_begin_[c];
    const size_t total = d_.res_customer.size();
    inv.resource_node_.resize(total);
    inv.resource_customer_.resize(total);
    inv.resource_product_.resize(total);
    inv.resource_sla_.resize(total);
    inv.node_resource_.assign(count, kNone);
    std::vector<uint32_t> fill(inv.customer_begin_.begin(), inv.customer_begin_.end() - 1);
    for (NodeIndex n = 0; n < count; ++n) {
      const uint32_t source = d_.resource[order_[n]];
      if (source == kNone) continue;
      const uint32_t customer = d_.res_customer[source];
      const ResourceIndex r = fill[customer]++;
      inv.resource_node_[r] = n;
      inv.resource_customer_[r] = customer;
      inv.resource_product_[r] = d_.res_product[source];
      inv.resource_sla_[r] = d_.res_sla[source];
      inv.node_resource_[n] = r;
    }
  }

  detail::Draft& d_;
  const std::vector<uint32_t>& order_;
  std::vector<uint32_t> new_of_;
  std::shared_ptr<Inventory> inv_;
};

namespace detail {

std::shared_ptr<const Inventory> AssembleInventory(Draft draft,
                                                   const std::vector<uint32_t>& order) {
  return InventoryAssembler(draft, order).Run();
}

}  // namespace detail
}  // namespace phare::graph
