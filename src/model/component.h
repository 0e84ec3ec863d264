// Components: what the public page lists ("Dedicated servers — Strasbourg").
// Field names and status values are Statuspage v2's. A group is a component with
// `group == true`; its children point to it with `group_id`. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "model/names.h"

namespace phare::model {

enum class ComponentStatus : uint8_t {
  kOperational,
  kDegradedPerformance,
  kPartialOutage,
  kMajorOutage,
  kUnderMaintenance,
};

std::string_view ToString(ComponentStatus status);  // "partial_outage"
std::optional<ComponentStatus> ParseComponentStatus(std::string_view text);
// "operational, degraded_performance, ..." for error messages.
std::string_view ComponentStatusNames();
// How bad a status is for the reader: operational 0, under_maintenance 1,
// degraded 2, partial 3, major 4. Groups show their worst child.
int Severity(ComponentStatus status);

struct Component {
  std::string id;
  std::string page_id;
  std::optional<std::string> group_id;
  std::string name;      // in the page's default language
  LocalizedNames names;  // phare: in other languages
  std::optional<std::string> description;
  LocalizedNames descriptions;  // phare: the description in other languages
  ComponentStatus status = ComponentStatus::kOperational;
  int32_t position = 0;
  bool showcase = true;
  bool only_show_if_degraded = false;
  bool group = false;
  std::optional<std::string> start_date;  // "YYYY-MM-DD"
  // phare: what customers call it, for drafting plain-language messages: a product code
  // of the catalogs ("dedicated_servers", "vps"...) and a place ("Strasbourg").
  std::string product;
  std::string location;
  base::Time created_at{};
  base::Time updated_at{};
};

// Limits on what operators may store.
inline constexpr size_t kMaxComponentNameBytes = 200;
inline constexpr size_t kMaxDescriptionBytes = 2000;
inline constexpr size_t kMaxComponents = 5000;

}  // namespace phare::model
