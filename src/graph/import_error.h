// Errors found while reading or validating an inventory, each naming where: the
// source (file name), the line, and the node id when known. ErrorList keeps the first
// `max_kept` errors and counts the rest. Plain values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace phare::graph {

struct ImportError {
  std::string source;  // file name, or "" for data given in memory
  uint64_t line = 0;   // 1-based; 0 when the error concerns no single line
  std::string id;      // the node the error is about, or ""
  std::string message;

  // "inventory.csv:12: node 'sbg-rack-1': unknown reference 'sbg-room-9'"
  std::string ToString() const;
};

class ErrorList {
 public:
  static constexpr size_t kDefaultKept = 100;

  explicit ErrorList(size_t max_kept = kDefaultKept) : max_kept_(max_kept) {}

  void Add(ImportError error);
  bool empty() const { return total_ == 0; }
  // Every error found, kept or not.
  size_t total() const { return total_; }
  // The first max_kept errors, in the order they were found.
  const std::vector<ImportError>& kept() const { return kept_; }
  // One line per kept error, then "... and N more errors" when some were dropped.
  std::string ToString() const;

 private:
  size_t max_kept_;
  size_t total_ = 0;
  std::vector<ImportError> kept_;
};

}  // namespace phare::graph
