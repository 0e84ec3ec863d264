#include "graph/builder.h"

#include <algorithm>

#include "graph/draft.h"

namespace phare::graph {
namespace {

uint32_t LineNo(uint64_t line) {
  return static_cast<uint32_t>(std::min<uint64_t>(line, kNone - 1));
}

std::string Quote(std::string_view text) {
  if (text.size() > 80) return "'" + std::string(text.substr(0, 80)) + "...'";
  return "'" + std::string(text) + "'";
}

// A member that appears twice among `count` members, or kNone.
uint32_t FindDuplicate(const uint32_t* members, size_t count) {
  if (count <= 16) {
    for (size_t i = 1; i < count; ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (members[i] == members[j]) return members[i];
      }
    }
    return kNone;
  }
  std::vector<uint32_t> sorted(members, members + count);
  std::sort(sorted.begin(), sorted.end());
  const auto dup = std::adjacent_find(sorted.begin(), sorted.end());
  return dup == sorted.end() ? kNone : *dup;
}

}  // namespace

bool ValidNodeId(std::string_view id, size_t max_bytes) {
  if (id.empty() || id.size() > max_bytes) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == '/' || c == '@';
  });
}

uint32_t detail::Draft::NewIndex(uint32_t line_no, uint32_t referrer) {
  def_seq.push_back(kNone);
  line.push_back(line_no);
  ref_by.push_back(referrer);
  kind.push_back(NodeKind::kLogical);
  standby.push_back(0);
  site_ref.push_back(kNone);
  group_begin.push_back(0);
  group_end.push_back(0);
  attr_begin.push_back(0);
  attr_end.push_back(0);
  resource.push_back(kNone);
  return static_cast<uint32_t>(def_seq.size() - 1);
}

InventoryBuilder::InventoryBuilder(Limits limits)
    : limits_(limits), errors_(limits.max_errors_kept), draft_(std::make_unique<detail::Draft>()) {}

InventoryBuilder::~InventoryBuilder() = default;
InventoryBuilder::InventoryBuilder(InventoryBuilder&&) noexcept = default;
InventoryBuilder& InventoryBuilder::operator=(InventoryBuilder&&) noexcept = default;

void InventoryBuilder::set_source(std::string source) { source_ = std::move(source); }

const ErrorList& InventoryBuilder::errors() const { return errors_; }

uint32_t InventoryBuilder::node_count() const { return draft_ ? draft_->defined : 0; }

void InventoryBuilder::AddError(uint64_t line, std::string_view id, std::string message) {
  errors_.Add({source_, line, std::string(id), std::move(message)});
}

bool InventoryBuilder::CheckName(std::string_view field, std::string_view value, size_t max_bytes) {
  if (!value.empty() && value.size() <= max_bytes) return true;
  AddError(current_line_, draft_->ids.Get(current_),
           std::string(field) + " must be 1 to " + std::to_string(max_bytes) + " bytes");
  return false;
}

uint32_t InventoryBuilder::Reference(std::string_view id) {
  detail::Draft& d = *draft_;
  bool added = false;
  const uint32_t index = d.ids.Intern(id, &added);
  if (added) d.NewIndex(LineNo(current_line_), current_);
  return index;
}

bool InventoryBuilder::AddNode(const NodeSpec& spec, uint64_t line) {
  detail::Draft& d = *draft_;
  current_ = kNone;
  current_product_ = kNone;
  current_line_ = line;
  if (!ValidNodeId(spec.id, limits_.max_id_bytes)) {
    AddError(line, "",
             "invalid id " + Quote(spec.id) + ": use 1 to " + std::to_string(limits_.max_id_bytes) +
                 " of [A-Za-z0-9._/@-]");
    return false;
  }
  if (d.defined >= limits_.max_nodes) {
    AddError(line, spec.id, "more than " + std::to_string(limits_.max_nodes) + " nodes");
    return false;
  }
  bool added = false;
  const uint32_t n = d.ids.Intern(spec.id, &added);
  if (added) d.NewIndex(LineNo(line), kNone);
  if (d.def_seq[n] != kNone) {
    AddError(line, spec.id,
             "duplicate id (first defined at line " + std::to_string(d.line[n]) + ")");
    return false;
  }
  d.def_seq[n] = d.defined++;
  d.line[n] = LineNo(line);
  d.ref_by[n] = kNone;
  d.kind[n] = spec.kind;
  d.standby[n] = spec.standby ? 1 : 0;
  d.group_begin[n] = d.group_end[n] = static_cast<uint32_t>(d.group_k.size());
  d.attr_begin[n] = d.attr_end[n] = static_cast<uint32_t>(d.attrs.size());
  current_ = n;
  if (!spec.site.empty()) {
    if (ValidNodeId(spec.site, limits_.max_id_bytes)) {
      d.site_ref[n] = Reference(spec.site);
    } else {
      AddError(line, spec.id, "invalid site id " + Quote(spec.site));
    }
  }
  if (!spec.name.empty()) PutAttribute("name", spec.name);
  AddResourceFields(spec);
  return true;
}

void InventoryBuilder::AddResourceFields(const NodeSpec& spec) {
  detail::Draft& d = *draft_;
  const bool has_fields = !spec.customer.empty() || !spec.product.empty() || !spec.sla.empty();
  if (spec.kind != NodeKind::kResource) {
    if (has_fields) {
      AddError(current_line_, spec.id, "customer, product and sla apply to resources only");
    }
    return;
  }
  if (spec.customer.empty() || spec.product.empty()) {
    AddError(current_line_, spec.id, "a resource needs a customer and a product");
    return;
  }
  if (spec.customer.size() > limits_.max_id_bytes ||
      std::any_of(spec.customer.begin(), spec.customer.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    AddError(current_line_, spec.id,
             "customer must be 1 to " + std::to_string(limits_.max_id_bytes) +
                 " bytes without control characters");
    return;
  }
  if (!CheckName("product", spec.product, limits_.max_name_bytes)) return;
  if (!spec.sla.empty() && !CheckName("sla", spec.sla, limits_.max_name_bytes)) return;
  if (!d.products.Find(spec.product) && d.products.size() >= limits_.max_products) {
    AddError(current_line_, spec.id,
             "more than " + std::to_string(limits_.max_products) + " distinct products");
    return;
  }
  d.resource[current_] = static_cast<uint32_t>(d.res_customer.size());
  d.res_customer.push_back(d.customers.Intern(spec.customer));
  d.res_product.push_back(static_cast<ProductIndex>(d.products.Intern(spec.product)));
  d.res_sla.push_back(d.text.Intern(spec.sla.empty() ? spec.product : spec.sla));
}

void InventoryBuilder::AddGroup(uint32_t k, std::span<const std::string_view> members) {
  if (current_ == kNone) return;
  detail::Draft& d = *draft_;
  const std::string_view id = d.ids.Get(current_);
  const uint64_t line = current_line_;
  if (members.empty()) return AddError(line, id, "a dependency group needs members");
  if (members.size() > limits_.max_members_per_group) {
    return AddError(
        line, id,
        "a group has more than " + std::to_string(limits_.max_members_per_group) + " members");
  }
  if (d.group_end[current_] - d.group_begin[current_] >= limits_.max_groups_per_node) {
    return AddError(line, id,
                    "more than " + std::to_string(limits_.max_groups_per_node) + " groups");
  }
  if (k > members.size()) {
    return AddError(line, id,
                    "k = " + std::to_string(k) + " is larger than its group of " +
                        std::to_string(members.size()) + " members");
  }
  // Reference() may grow the interner's arena, which `id` points into: past this point the
  // owner's id is read again (a use after free, found by fuzzing).
  const size_t first = d.members.size();
  for (std::string_view member : members) {
    if (!ValidNodeId(member, limits_.max_id_bytes)) {
      d.members.resize(first);
      return AddError(line, d.ids.Get(current_), "invalid member id " + Quote(member));
    }
    d.members.push_back(Reference(member));
  }
  if (const uint32_t dup = FindDuplicate(d.members.data() + first, members.size()); dup != kNone) {
    d.members.resize(first);
    return AddError(line, d.ids.Get(current_),
                    "member " + Quote(d.ids.Get(dup)) + " is listed twice in a group");
  }
  d.group_k.push_back(k == 0 ? static_cast<uint32_t>(members.size()) : k);
  d.group_owner.push_back(current_);
  d.group_members.push_back(static_cast<uint32_t>(d.members.size()));
  d.group_end[current_] = static_cast<uint32_t>(d.group_k.size());
}

void InventoryBuilder::AddAttribute(std::string_view key, std::string_view value) {
  if (current_product_ != kNone) {
    if (!key.starts_with("name.")) {
      return AddError(
          current_line_, draft_->text.Get(current_product_),
          "a product record takes only 'name.<language>' attributes, not " + Quote(key));
    }
    return PutProductLabel(key.substr(5), value);
  }
  if (current_ == kNone) return;
  if (key == "name") {
    return AddError(current_line_, draft_->ids.Get(current_),
                    "attribute 'name' is reserved: use the name field");
  }
  PutAttribute(key, value);
}

void InventoryBuilder::PutAttribute(std::string_view key, std::string_view value) {
  detail::Draft& d = *draft_;
  const std::string_view id = d.ids.Get(current_);
  if (d.attr_end[current_] - d.attr_begin[current_] >= limits_.max_attributes_per_node) {
    return AddError(current_line_, id,
                    "more than " + std::to_string(limits_.max_attributes_per_node) + " attributes");
  }
  if (!CheckName("attribute key", key, limits_.max_name_bytes)) return;
  if (value.size() > limits_.max_value_bytes) {
    return AddError(current_line_, id,
                    "attribute " + Quote(key) + " is longer than " +
                        std::to_string(limits_.max_value_bytes) + " bytes");
  }
  if (d.text.bytes() + key.size() + value.size() > limits_.max_text_bytes) {
    return AddError(
        current_line_, id,
        "attributes exceed " + std::to_string(limits_.max_text_bytes) + " bytes in all");
  }
  for (uint32_t a = d.attr_begin[current_]; a < d.attr_end[current_]; ++a) {
    if (d.text.Get(d.attrs[a].first) == key) {
      return AddError(current_line_, id, "attribute " + Quote(key) + " is given twice");
    }
  }
  d.attrs.emplace_back(d.text.Intern(key), d.text.Intern(value));
  d.attr_end[current_] = static_cast<uint32_t>(d.attrs.size());
}

void InventoryBuilder::CheckReferences() {
  const detail::Draft& d = *draft_;
  for (uint32_t n = 0; n < d.def_seq.size(); ++n) {
    if (d.def_seq[n] == kNone) {
      const uint32_t by = d.ref_by[n];
      AddError(d.line[n], by == kNone ? "" : d.ids.Get(by),
               "unknown reference " + Quote(d.ids.Get(n)));
    } else if (d.site_ref[n] != kNone && d.def_seq[d.site_ref[n]] != kNone &&
               d.kind[d.site_ref[n]] != NodeKind::kSite) {
      const uint32_t s = d.site_ref[n];
      AddError(d.line[n], d.ids.Get(n),
               "site " + Quote(d.ids.Get(s)) + " is a " + std::string(ToString(d.kind[s])) +
                   ", not a site");
    }
  }
  uint32_t sites = 0;
  for (NodeKind k : d.kind) sites += k == NodeKind::kSite ? 1 : 0;
  if (sites > limits_.max_sites) {
    AddError(0, "", "more than " + std::to_string(limits_.max_sites) + " sites");
  }
}

std::shared_ptr<const Inventory> InventoryBuilder::Build() {
  if (!draft_) return nullptr;
  current_ = kNone;
  current_product_ = kNone;
  CheckReferences();
  std::vector<uint32_t> order = detail::OrderDraft(*draft_, source_, errors_);
  if (!errors_.empty()) {
    draft_.reset();
    return nullptr;
  }
  std::unique_ptr<detail::Draft> draft = std::move(draft_);
  return detail::AssembleInventory(std::move(*draft), order);
}

}  // namespace phare::graph
