#include "graph/interner.h"

#include <functional>

namespace phare::graph {

uint32_t StringInterner::Hash(std::string_view text) {
  const size_t h = std::hash<std::string_view>{}(text);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

size_t StringInterner::Probe(std::string_view text, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t pos = hash & mask;; pos = (pos + 1) & mask) {
    const uint32_t slot = slots_[pos];
    if (slot == 0) return pos;
    if (hashes_[slot - 1] == hash && Get(slot - 1) == text) return pos;
  }
}

void StringInterner::Grow() {
  const size_t capacity = slots_.empty() ? 1024 : slots_.size() * 2;
  slots_.assign(capacity, 0);
  const size_t mask = capacity - 1;
  for (uint32_t i = 0; i < size(); ++i) {
    size_t pos = hashes_[i] & mask;
    while (slots_[pos] != 0) pos = (pos + 1) & mask;
    slots_[pos] = i + 1;
  }
}

uint32_t StringInterner::Intern(std::string_view text, bool* added) {
  if ((size() + 1) * 2 > slots_.size()) Grow();  // load factor stays at or below 1/2
  const uint32_t hash = Hash(text);
  const size_t pos = Probe(text, hash);
  if (slots_[pos] != 0) {
    if (added) *added = false;
    return slots_[pos] - 1;
  }
  const auto index = static_cast<uint32_t>(size());
  arena_.append(text);
  offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  hashes_.push_back(hash);
  slots_[pos] = index + 1;
  if (added) *added = true;
  return index;
}

std::optional<uint32_t> StringInterner::Find(std::string_view text) const {
  if (slots_.empty()) return std::nullopt;
  const size_t pos = Probe(text, Hash(text));
  if (slots_[pos] == 0) return std::nullopt;
  return slots_[pos] - 1;
}

void StringInterner::Reserve(size_t strings, size_t bytes) {
  arena_.reserve(bytes);
  offsets_.reserve(strings + 1);
  hashes_.reserve(strings);
  while ((strings + 1) * 2 > slots_.size()) Grow();
}

void StringInterner::ShrinkToFit() {
  arena_.shrink_to_fit();
  offsets_.shrink_to_fit();
  hashes_.shrink_to_fit();
}

size_t StringInterner::MemoryBytes() const {
  return arena_.capacity() + (offsets_.capacity() + hashes_.capacity() + slots_.capacity()) * 4;
}

}  // namespace phare::graph
