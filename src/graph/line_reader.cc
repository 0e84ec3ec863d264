#include "graph/line_reader.h"

#include <cerrno>
#include <cstring>

namespace phare::graph {
namespace {

constexpr size_t kChunk = 1 << 20;
constexpr uint64_t kProgressEvery = 1 << 20;

}  // namespace

base::Result<std::unique_ptr<LineReader>> LineReader::OpenFile(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    const int error = errno;
    std::string message = "cannot open '" + path + "': " + std::strerror(error);
    if (error == ENOENT) return base::NotFound(std::move(message));
    return base::IoError(std::move(message));
  }
  std::unique_ptr<LineReader> reader(new LineReader());
  reader->file_ = file;
  if (std::fseek(file, 0, SEEK_END) == 0) {
    const long size = std::ftell(file);
    reader->raw_total_ = size > 0 ? static_cast<uint64_t>(size) : 0;
  }
  std::rewind(file);
  return reader;
}

std::unique_ptr<LineReader> LineReader::FromMemory(std::string_view data) {
  std::unique_ptr<LineReader> reader(new LineReader());
  reader->memory_ = data;
  reader->raw_total_ = data.size();
  return reader;
}

LineReader::~LineReader() {
  if (file_) std::fclose(file_);
}

void LineReader::set_limits(size_t max_line_bytes, uint64_t max_bytes) {
  max_line_bytes_ = max_line_bytes;
  max_bytes_ = max_bytes;
}

base::Status LineReader::ReadRaw() {
  if (!file_) {
    raw_view_ = memory_.substr(0, kChunk);
    memory_.remove_prefix(raw_view_.size());
    raw_eof_ = memory_.empty();
  } else {
    raw_.resize(kChunk);
    const size_t n = std::fread(raw_.data(), 1, kChunk, file_);
    if (n < kChunk) {
      if (std::ferror(file_)) return base::IoError("reading the inventory failed");
      raw_eof_ = true;
    }
    raw_view_ = std::string_view(raw_.data(), n);
  }
  raw_done_ += raw_view_.size();
  return base::Status::Ok();
}

void LineReader::ReportProgress(bool force) {
  if (!progress_ || (!force && raw_done_ - reported_ < kProgressEvery)) return;
  reported_ = raw_done_;
  progress_(raw_done_, raw_total_);
}

// Appends decoded bytes to buffer_; sets at_end_ when everything has been decoded.
base::Status LineReader::Fill() {
  if (raw_view_.empty() && !raw_eof_) PHARE_RETURN_IF_ERROR(ReadRaw());
  if (!detected_) {
    detected_ = true;
    if (LooksGzipped(raw_view_)) inflater_ = std::make_unique<GzipInflater>();
  }
  const size_t before = buffer_.size();
  if (inflater_) {
    PHARE_RETURN_IF_ERROR(inflater_->Inflate(raw_view_, buffer_, kChunk));
  } else {
    buffer_.append(raw_view_);
    raw_view_ = {};
  }
  decoded_ += buffer_.size() - before;
  if (decoded_ > max_bytes_) {
    return base::InvalidArgument("input is larger than " + std::to_string(max_bytes_) +
                                 " bytes once decompressed");
  }
  if (raw_view_.empty() && raw_eof_ && !(inflater_ && inflater_->has_pending_output())) {
    if (inflater_ && !inflater_->at_member_end()) {
      return base::InvalidArgument("gzip data ends early (truncated file?)");
    }
    at_end_ = true;
  }
  ReportProgress(false);
  return base::Status::Ok();
}

base::Result<bool> LineReader::Next(std::string_view& line) {
  while (true) {
    const size_t newline = buffer_.find('\n', pos_ + scanned_);
    if (newline != std::string::npos) {
      line = std::string_view(buffer_).substr(pos_, newline - pos_);
      pos_ = newline + 1;
      scanned_ = 0;
      break;
    }
    scanned_ = buffer_.size() - pos_;
    if (scanned_ > max_line_bytes_) {
      return base::InvalidArgument("line " + std::to_string(line_number_ + 1) + " is longer than " +
                                   std::to_string(max_line_bytes_) + " bytes");
    }
    if (at_end_) {
      if (pos_ == buffer_.size()) {
        ReportProgress(true);
        return false;
      }
      line = std::string_view(buffer_).substr(pos_);
      pos_ = buffer_.size();
      scanned_ = 0;
      break;
    }
    if (pos_ > 0) {
      buffer_.erase(0, pos_);
      pos_ = 0;
    }
    PHARE_RETURN_IF_ERROR(Fill());
  }
  if (line.size() > max_line_bytes_) {
    return base::InvalidArgument("line " + std::to_string(line_number_ + 1) + " is longer than " +
                                 std::to_string(max_line_bytes_) + " bytes");
  }
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return true;
}

}  // namespace phare::graph
