// A table of an enum's names, for the ToString/Parse pairs of the model (and the
// store's row codes): one array, looked up both ways. Internal; header-only.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace phare::model {

template <class E, size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

// The name of `value`; the first name if the table lacks it (never for a complete table).
template <class E, size_t N>
constexpr std::string_view NameOf(const Names<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return names[0].second;
}

template <class E, size_t N>
constexpr std::optional<E> ValueOf(const Names<E, N>& names, std::string_view text) {
  for (const auto& [v, name] : names) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace phare::model
