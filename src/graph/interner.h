// StringInterner: maps strings to dense indices 0, 1, 2... in order of first insertion,
// and back. Strings live in one arena (no allocation per string); lookup is an
// open-addressing hash table of 32-bit slots. Holds up to 2^32 - 2 strings totalling
// under 4 GiB. Not thread-safe for writes; concurrent reads of a const interner are safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace phare::graph {

class StringInterner {
 public:
  // The index of `text`, adding it when new (then `*added` is set to true).
  uint32_t Intern(std::string_view text, bool* added = nullptr);
  std::optional<uint32_t> Find(std::string_view text) const;
  // The string with index `i` (< size()); valid until the next Intern.
  std::string_view Get(uint32_t i) const {
    return std::string_view(arena_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  size_t size() const { return offsets_.size() - 1; }
  // Total bytes of all strings.
  size_t bytes() const { return arena_.size(); }
  void Reserve(size_t strings, size_t bytes);
  // Releases spare capacity once no more strings will be added.
  void ShrinkToFit();
  size_t MemoryBytes() const;

 private:
  static uint32_t Hash(std::string_view text);
  size_t Probe(std::string_view text, uint32_t hash) const;  // slot holding text or empty
  void Grow();

  std::string arena_;
  std::vector<uint32_t> offsets_{0};  // string i is arena_[offsets_[i], offsets_[i+1])
  std::vector<uint32_t> hashes_;      // per string, to rehash and to skip mismatches
  std::vector<uint32_t> slots_;       // 0 empty, else index + 1; size is a power of two
};

}  // namespace phare::graph
