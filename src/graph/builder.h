// InventoryBuilder: collects node records (from an importer, a generator or a test),
// checks each as it arrives, then validates the whole graph and builds the Inventory.
//
// Checked per record: id syntax, duplicate ids, k outside 1..group size, empty groups,
// a member listed twice in a group, resource fields (customer and product required on
// resources, refused elsewhere), limits. Checked at Build(): references to undefined
// nodes, sites that are not sites, dependency cycles. Every error names the record's
// line and node id. Build() returns an Inventory only when no error at all was found:
// on any error nothing is built (no partial inventory).
//
// Not thread-safe; one builder builds one inventory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "graph/import_error.h"
#include "graph/inventory.h"
#include "graph/kinds.h"

namespace phare::graph {

namespace detail {
struct Draft;
}

// Limits on what one inventory may hold; inputs beyond them are errors.
struct Limits {
  uint32_t max_nodes = 20'000'000;
  uint32_t max_groups_per_node = 256;
  uint32_t max_members_per_group = 2'000'000;
  uint32_t max_attributes_per_node = 64;
  size_t max_id_bytes = 128;   // node and customer ids
  size_t max_name_bytes = 64;  // products, SLAs, attribute keys
  size_t max_value_bytes = 1024;
  uint32_t max_sites = 60'000;
  uint32_t max_products = 4'096;
  size_t max_text_bytes = size_t{1} << 30;  // all distinct SLAs and attribute keys and values
  size_t max_errors_kept = ErrorList::kDefaultKept;
};

// One node record. Views must stay valid for the duration of AddNode only.
struct NodeSpec {
  std::string_view id;
  NodeKind kind = NodeKind::kLogical;
  std::string_view name;  // optional display name
  std::string_view site;  // optional id of a node of kind site
  bool standby = false;
  // Resources only (kind == kResource): customer and product required, sla optional
  // (defaults to the product).
  std::string_view customer;
  std::string_view product;
  std::string_view sla;
};

// True when `id` is 1..max bytes of [A-Za-z0-9._/@-].
bool ValidNodeId(std::string_view id, size_t max_bytes);

class InventoryBuilder {
 public:
  explicit InventoryBuilder(Limits limits = {});
  ~InventoryBuilder();
  InventoryBuilder(const InventoryBuilder&) = delete;
  InventoryBuilder& operator=(const InventoryBuilder&) = delete;
  InventoryBuilder(InventoryBuilder&&) noexcept;
  InventoryBuilder& operator=(InventoryBuilder&&) noexcept;

  // Names the input in error messages (a file name).
  void set_source(std::string source);

  // Starts a node defined at `line` (1-based; 0 when there are no lines). Returns false
  // and records an error when the record is refused (bad or duplicate id, limits); the
  // following AddGroup/AddAttribute calls are then ignored. Field errors (a resource
  // without customer) are recorded but the node is kept so references to it resolve.
  bool AddNode(const NodeSpec& spec, uint64_t line);
  // Adds a dependency group to the current node: satisfied while at least k of
  // `members` (node ids, defined before or after) are up. k == 0 means all members.
  void AddGroup(uint32_t k, std::span<const std::string_view> members);
  // Starts a product record (kind "product"): `code` is a product of the resources,
  // `name` its default label (may be empty); following AddAttribute calls give its labels
  // per language ("name.fr"), and are the only ones it takes. Returns false and records
  // an error for a bad or duplicate code.
  bool AddProduct(std::string_view code, std::string_view name, uint64_t line);
  // Adds an attribute to the current node, or a label ("name.<lang>") to the current
  // product. "name" is reserved (NodeSpec::name).
  void AddAttribute(std::string_view key, std::string_view value);
  // Records an error a reader found at `line` (syntax, wrong type).
  void AddError(uint64_t line, std::string_view id, std::string message);

  const ErrorList& errors() const;
  uint32_t node_count() const;

  // Validates the whole graph and builds the inventory; nullptr when errors() is not
  // empty. The builder is spent afterwards.
  std::shared_ptr<const Inventory> Build();

 private:
  uint32_t Reference(std::string_view id);
  void AddResourceFields(const NodeSpec& spec);
  void PutAttribute(std::string_view key, std::string_view value);
  void PutProductLabel(std::string_view language, std::string_view label);
  void CheckReferences();
  bool CheckName(std::string_view field, std::string_view value, size_t max_bytes);

  Limits limits_;
  std::string source_;
  ErrorList errors_;
  std::unique_ptr<detail::Draft> draft_;
  uint32_t current_ = kNone;          // input index of the node being defined, or kNone
  uint32_t current_product_ = kNone;  // text index of the product being defined, or kNone
  uint64_t current_line_ = 0;
};

}  // namespace phare::graph
