// gzip streams over zlib, for inventory files and blobs. Each object owns one zlib
// stream; not thread-safe; movable only by pointer.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace phare::graph {

// True when `data` starts with the gzip magic bytes.
bool LooksGzipped(std::string_view data);

// Decompresses gzip (including several concatenated members, as `cat a.gz b.gz` makes).
class GzipInflater {
 public:
  GzipInflater();
  ~GzipInflater();
  GzipInflater(const GzipInflater&) = delete;
  GzipInflater& operator=(const GzipInflater&) = delete;

  // Decompresses from `input` (advanced past what was consumed) and appends at most
  // about `max_out` bytes to `out`. InvalidArgument on corrupt data.
  base::Status Inflate(std::string_view& input, std::string& out, size_t max_out);
  // True when the input ended cleanly at the end of a gzip member.
  bool at_member_end() const { return at_member_end_; }
  // True when zlib may hold output not yet returned (call Inflate again).
  bool has_pending_output() const { return pending_output_; }

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
  bool at_member_end_ = true;
  bool pending_output_ = false;
};

// Compresses into gzip format.
class GzipDeflater {
 public:
  explicit GzipDeflater(int level = 6);
  ~GzipDeflater();
  GzipDeflater(const GzipDeflater&) = delete;
  GzipDeflater& operator=(const GzipDeflater&) = delete;

  void Deflate(std::string_view input, std::string& out);
  void Finish(std::string& out);

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
};

}  // namespace phare::graph
