// Internal to the builder: the records collected so far, indexed by "input index" (the
// order in which node ids were first seen, as definition or reference). Build() orders
// the nodes (draft_order.cc) and assembles the Inventory from this (assemble.cc).
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "graph/builder.h"
#include "graph/interner.h"
#include "graph/inventory.h"

namespace phare::graph::detail {

struct Draft {
  StringInterner ids;        // input index of every id seen
  StringInterner customers;  // CustomerIndex, in order of first appearance
  StringInterner products;   // ProductIndex
  StringInterner text;       // SLAs, attribute keys and values

  // Per input index.
  std::vector<uint32_t> def_seq;  // definition order; kNone while only referenced
  std::vector<uint32_t> line;     // line of the definition, or of the first reference
  std::vector<uint32_t> ref_by;   // while undefined: input index of the first referrer
  std::vector<NodeKind> kind;
  std::vector<uint8_t> standby;
  std::vector<uint32_t> site_ref;  // input index of the declared site, or kNone
  std::vector<uint32_t> group_begin;
  std::vector<uint32_t> group_end;
  std::vector<uint32_t> attr_begin;
  std::vector<uint32_t> attr_end;
  std::vector<uint32_t> resource;  // index into res_*, or kNone

  // Groups, in definition order; members are input indices.
  std::vector<uint32_t> group_k;
  std::vector<uint32_t> group_owner;
  std::vector<uint32_t> group_members{0};  // group g: members[group_members[g], [g+1])
  std::vector<uint32_t> members;
  std::vector<std::pair<uint32_t, uint32_t>> attrs;  // (key, value) in text

  // Resources, in definition order.
  std::vector<uint32_t> res_customer;
  std::vector<ProductIndex> res_product;
  std::vector<uint32_t> res_sla;  // text index

  // Product records: (product, language, label) in text; language "" for the default.
  std::vector<ProductLabelEntry> product_labels;
  StringInterner product_records;  // codes given a record, to refuse a second one

  uint32_t defined = 0;

  uint32_t NewIndex(uint32_t line_no, uint32_t referrer);
};

// Orders the defined nodes so that every member precedes its owners: by depth, then
// resources by customer, then definition order. Reports each dependency cycle into
// `errors` and returns an empty order when there is one.
std::vector<uint32_t> OrderDraft(const Draft& draft, const std::string& source, ErrorList& errors);

// Builds the Inventory from a validated draft and its order (input indices).
std::shared_ptr<const Inventory> AssembleInventory(Draft draft, const std::vector<uint32_t>& order);

}  // namespace phare::graph::detail
