// Labels for readers: product records (InventoryBuilder::AddProduct) and the labels of
// sites and products (Inventory::SiteLabels, ProductLabels).
#include <algorithm>

#include "graph/builder.h"
#include "graph/draft.h"

namespace phare::graph {
namespace {

constexpr size_t kMaxLanguageBytes = 16;

// "fr", "de-CH": 2 or 3 letters, then subtags of letters, digits and '-'.
bool ValidLanguage(std::string_view tag) {
  if (tag.size() < 2 || tag.size() > kMaxLanguageBytes) return false;
  const size_t primary = std::min(tag.find('-'), tag.size());
  if (primary < 2 || primary > 3) return false;
  return std::all_of(tag.begin(), tag.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

bool InventoryBuilder::AddProduct(std::string_view code, std::string_view name, uint64_t line) {
  detail::Draft& d = *draft_;
  current_ = kNone;
  current_product_ = kNone;
  current_line_ = line;
  if (code.empty() || code.size() > limits_.max_name_bytes) {
    AddError(line, code,
             "a product code must be 1 to " + std::to_string(limits_.max_name_bytes) + " bytes");
    return false;
  }
  bool added = false;
  d.product_records.Intern(code, &added);
  if (!added) {
    AddError(line, code, "a second product record for this product");
    return false;
  }
  if (d.product_records.size() > limits_.max_products) {
    AddError(line, code, "more than " + std::to_string(limits_.max_products) + " products");
    return false;
  }
  current_product_ = d.text.Intern(code);
  if (!name.empty()) PutProductLabel("", name);
  return true;
}

void InventoryBuilder::PutProductLabel(std::string_view language, std::string_view label) {
  detail::Draft& d = *draft_;
  const std::string code(d.text.Get(current_product_));  // Intern below moves the text
  if (!language.empty() && !ValidLanguage(language)) {
    return AddError(current_line_, code,
                    "'name." + std::string(language) + "': not a language tag such as fr or de");
  }
  if (label.empty() || label.size() > limits_.max_value_bytes) {
    return AddError(current_line_, code,
                    "a label must be 1 to " + std::to_string(limits_.max_value_bytes) + " bytes");
  }
  const uint32_t lang = d.text.Intern(language);
  for (const auto& e : d.product_labels) {
    if (e.product == current_product_ && e.language == lang) {
      return AddError(current_line_, code, "label '" + std::string(language) + "' is given twice");
    }
  }
  d.product_labels.push_back({current_product_, lang, d.text.Intern(label)});
}

Labels Inventory::SiteLabels(SiteIndex s) const {
  Labels out;
  if (s == 0 || s >= site_nodes_.size()) return out;
  const NodeIndex n = site_nodes_[s];
  if (auto name = Attribute(n, "name")) out.emplace_back("", *name);
  for (const auto& [key, value] : Attributes(n)) {
    if (key.starts_with("name.") && key.size() > 5) out.emplace_back(key.substr(5), value);
  }
  return out;
}

Labels Inventory::ProductLabels(std::string_view product) const {
  Labels out;
  for (const auto& e : product_labels_) {
    if (text_.Get(e.product) == product)
      out.emplace_back(text_.Get(e.language), text_.Get(e.label));
  }
  return out;
}

std::vector<std::string_view> Inventory::LabelledProducts() const {
  std::vector<std::string_view> out;
  for (const auto& e : product_labels_) {
    const std::string_view code = text_.Get(e.product);
    if (out.empty() || out.back() != code) out.push_back(code);
  }
  return out;
}

}  // namespace phare::graph
