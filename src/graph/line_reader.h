// LineReader: reads a file or an in-memory buffer line by line, decompressing gzip on
// the fly (detected by its magic bytes), without holding more than a chunk and the
// current line in memory. Lines are returned without "\n" or "\r\n". Reports progress
// as raw (possibly compressed) bytes consumed out of the total. Not thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "graph/gzip.h"

namespace phare::graph {

// Called with (bytes consumed, total bytes) of the raw input, every mebibyte and at the end.
using ProgressCallback = std::function<void(uint64_t done, uint64_t total)>;

class LineReader {
 public:
  // NotFound or IoError when the file cannot be opened.
  static base::Result<std::unique_ptr<LineReader>> OpenFile(const std::string& path);
  // `data` must outlive the reader.
  static std::unique_ptr<LineReader> FromMemory(std::string_view data);
  ~LineReader();

  void set_progress(ProgressCallback progress) { progress_ = std::move(progress); }
  // Lines longer than this, or decompressed input larger than max_bytes, are errors.
  void set_limits(size_t max_line_bytes, uint64_t max_bytes);

  // Sets `line` to the next line (valid until the next call) and returns true, or
  // returns false at the end. InvalidArgument for a line too long, corrupt gzip or
  // input beyond the limit; IoError when reading fails.
  base::Result<bool> Next(std::string_view& line);
  // Number of the last line returned (1-based); an error concerns line_number() + 1.
  uint64_t line_number() const { return line_number_; }
  uint64_t raw_bytes_read() const { return raw_done_; }
  uint64_t bytes_decoded() const { return decoded_; }

 private:
  LineReader() = default;
  base::Status Fill();
  base::Status ReadRaw();
  void ReportProgress(bool force);

  std::FILE* file_ = nullptr;
  std::string_view memory_;  // unread raw input for memory sources
  std::string raw_;          // raw chunk read from the file
  std::string_view raw_view_;
  std::unique_ptr<GzipInflater> inflater_;
  bool detected_ = false;
  bool raw_eof_ = false;
  bool at_end_ = false;
  std::string buffer_;  // decoded bytes; lines are taken from buffer_[pos_...]
  size_t pos_ = 0;
  size_t scanned_ = 0;  // bytes after pos_ already known to hold no newline
  uint64_t line_number_ = 0;
  uint64_t raw_total_ = 0;
  uint64_t raw_done_ = 0;
  uint64_t reported_ = 0;
  uint64_t decoded_ = 0;
  size_t max_line_bytes_ = 16u << 20;
  uint64_t max_bytes_ = uint64_t{16} << 30;
  ProgressCallback progress_;
};

}  // namespace phare::graph
