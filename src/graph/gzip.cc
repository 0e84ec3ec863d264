#include "graph/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <cassert>
#include <cstdlib>

namespace phare::graph {

namespace {
constexpr int kGzipWindowBits = 15 + 16;
constexpr size_t kOutChunk = 64 * 1024;
}  // namespace

bool LooksGzipped(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

struct GzipInflater::Stream {
  z_stream z{};
};

GzipInflater::GzipInflater() : stream_(std::make_unique<Stream>()) {
  if (inflateInit2(&stream_->z, kGzipWindowBits) != Z_OK) std::abort();  // out of memory
}

GzipInflater::~GzipInflater() { inflateEnd(&stream_->z); }

base::Status GzipInflater::Inflate(std::string_view& input, std::string& out, size_t max_out) {
  z_stream& z = stream_->z;
  const size_t start = out.size();
  while ((!input.empty() || pending_output_) && out.size() - start < max_out) {
    if (at_member_end_ && !pending_output_ && !LooksGzipped(input) && input.size() >= 2) {
      return base::InvalidArgument("trailing data after the end of the gzip stream");
    }
    const size_t before = out.size();
    out.resize(before + kOutChunk);
    const size_t offered = std::min<size_t>(input.size(), 1u << 30);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    z.avail_in = static_cast<uInt>(offered);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    z.avail_out = static_cast<uInt>(kOutChunk);
    const int rc = inflate(&z, Z_NO_FLUSH);
    input.remove_prefix(offered - z.avail_in);
    pending_output_ = z.avail_out == 0;
    out.resize(before + kOutChunk - z.avail_out);
    at_member_end_ = false;
    if (rc == Z_STREAM_END) {
      at_member_end_ = true;
      inflateReset(&z);
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      return base::InvalidArgument(std::string("corrupt gzip data: ") +
                                   (z.msg ? z.msg : "inflate failed"));
    }
  }
  return base::Status::Ok();
}

struct GzipDeflater::Stream {
  z_stream z{};
};

GzipDeflater::GzipDeflater(int level) : stream_(std::make_unique<Stream>()) {
  if (deflateInit2(&stream_->z, level, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    std::abort();  // out of memory or a bad level: a bug
  }
}

GzipDeflater::~GzipDeflater() { deflateEnd(&stream_->z); }

namespace {

void Run(z_stream& z, std::string_view input, std::string& out, int flush) {
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  z.avail_in = static_cast<uInt>(input.size());
  int rc;
  do {
    const size_t before = out.size();
    out.resize(before + kOutChunk);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    z.avail_out = static_cast<uInt>(kOutChunk);
    rc = deflate(&z, flush);
    assert(rc != Z_STREAM_ERROR && "deflate state is consistent");
    out.resize(before + kOutChunk - z.avail_out);
  } while (z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
}

}  // namespace

void GzipDeflater::Deflate(std::string_view input, std::string& out) {
  Run(stream_->z, input, out, Z_NO_FLUSH);
}

void GzipDeflater::Finish(std::string& out) { Run(stream_->z, {}, out, Z_FINISH); }

}  // namespace phare::graph
