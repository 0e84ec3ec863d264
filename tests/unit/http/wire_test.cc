#include "http/wire.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace phare::http {
namespace {

// Runs a Feed over `chunks` as successive socket reads (then end of stream).
struct Fed {
  ErrorCode ec;
  int reads = 0;
};
Fed FeedChunks(Parser& parser, beast::flat_buffer& buffer, bool header_only,
               const std::vector<std::string>& chunks) {
  Feed feed(parser, buffer, header_only);
  Fed out;
  while (!feed.Parse()) {
    const bool eof = out.reads == static_cast<int>(chunks.size());
    size_t n = 0;
    if (!eof) {
      const std::string& chunk = chunks[out.reads];
      const auto space = feed.Space();
      EXPECT_GE(space.size(), chunk.size());
      std::memcpy(space.data(), chunk.data(), chunk.size());
      n = chunk.size();
    }
    ++out.reads;
    if (feed.Received(eof ? ErrorCode(asio::error::eof) : ErrorCode(), n)) break;
  }
  out.ec = feed.ec;
  return out;
}

TEST(Feed, ParsesAHeaderSplitAcrossReads) {
  Parser parser;
  beast::flat_buffer buffer;
  const Fed fed = FeedChunks(parser, buffer, true,
                             {"GET /api/v2/summary.json HT", "TP/1.1\r\nHo", "st: x\r\n\r\n"});
  EXPECT_FALSE(fed.ec) << fed.ec.message();
  EXPECT_EQ(fed.reads, 3);
  EXPECT_TRUE(parser.is_done());
  EXPECT_EQ(parser.get().target(), "/api/v2/summary.json");
}

TEST(Feed, LeavesAPipelinedRequestInTheBuffer) {
  Parser first;
  beast::flat_buffer buffer;
  const std::string two = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_FALSE(FeedChunks(first, buffer, true, {two}).ec);
  EXPECT_EQ(first.get().target(), "/a");
  Parser second;
  const Fed fed = FeedChunks(second, buffer, true, {});
  EXPECT_FALSE(fed.ec);
  EXPECT_EQ(fed.reads, 0);  // parsed from what was buffered
  EXPECT_EQ(second.get().target(), "/b");
}

TEST(Feed, ReadsTheBodyAfterTheHeader) {
  Parser parser;
  beast::flat_buffer buffer;
  ASSERT_FALSE(
      FeedChunks(parser, buffer, true, {"POST /x HTTP/1.1\r\nContent-Length: 10\r\n\r\n12345"}).ec);
  EXPECT_TRUE(parser.is_header_done());
  EXPECT_FALSE(parser.is_done());
  const Fed fed = FeedChunks(parser, buffer, false, {"678", "90"});
  EXPECT_FALSE(fed.ec);
  EXPECT_EQ(parser.get().body(), "1234567890");
  EXPECT_EQ(buffer.size(), 0u);
}

TEST(Feed, EndOfStreamBeforeARequestIsNotAnError) {
  Parser parser;
  beast::flat_buffer buffer;
  EXPECT_EQ(FeedChunks(parser, buffer, true, {}).ec, bhttp::error::end_of_stream);
}

TEST(Feed, EndOfStreamInsideARequestIsPartial) {
  Parser parser;
  beast::flat_buffer buffer;
  EXPECT_EQ(FeedChunks(parser, buffer, true, {"GET / HTTP/1.1\r\nHo"}).ec,
            bhttp::error::partial_message);
}

TEST(Feed, EnforcesTheHeaderLimit) {
  Parser parser;
  parser.header_limit(64);
  beast::flat_buffer buffer;
  const std::string big = "GET / HTTP/1.1\r\nX-Big: " + std::string(200, 'y') + "\r\n\r\n";
  EXPECT_EQ(FeedChunks(parser, buffer, true, {big}).ec, bhttp::error::header_limit);
}

// What MalformedHead says of the head of `request`.
std::optional<Response> MalformedHeadOf(const std::string& request) {
  Parser parser;
  beast::flat_buffer buffer;
  EXPECT_FALSE(FeedChunks(parser, buffer, true, {request}).ec) << request;
  return MalformedHead(parser.get().base(), parser.get().version());
}

TEST(MalformedHead, HostIsRequiredIn11AndTransferEncodingRefusedIn10) {
  EXPECT_FALSE(MalformedHeadOf("GET / HTTP/1.1\r\nHost: x\r\n\r\n").has_value());
  EXPECT_FALSE(MalformedHeadOf("GET / HTTP/1.0\r\n\r\n").has_value());
  auto refused = MalformedHeadOf("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n");
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(refused->content_type, "application/problem+json");
  refused = MalformedHeadOf("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n");
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 400);
}

TEST(Feed, ReportsMalformedRequests) {
  Parser parser;
  beast::flat_buffer buffer;
  const ErrorCode ec = FeedChunks(parser, buffer, true, {"GARBAGE\r\n\r\n"}).ec;
  EXPECT_TRUE(ec);
  EXPECT_NE(ec, bhttp::error::end_of_stream);
}

}  // namespace
}  // namespace phare::http
