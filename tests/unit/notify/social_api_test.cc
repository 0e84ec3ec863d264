// The requests phare makes to social networks, and reading their answers.
#include "notify/social_api.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

namespace phare::notify {
namespace {

namespace json = boost::json;

store::SocialPost Post() {
  store::SocialPost p;
  p.id = 42;
  p.update_id = "upd1";
  p.text = "Panne — voir https://status.example.com/incidents/inc1";
  p.created_at = base::FromMillis(1510208460000);
  return p;
}

bool HasHeader(const Request& r, const std::string& line) {
  return std::find(r.headers.begin(), r.headers.end(), line) != r.headers.end();
}

TEST(SocialApiTest, MastodonStatusCarriesTokenIdempotencyKeyLanguageAndReply) {
  ReplyTo reply;
  reply.parent = store::SocialRef{"1090", "", ""};
  const Request r = MastodonStatus("https://mastodon.example/", "tok", Post(), "fr", reply);
  EXPECT_EQ(r.url, "https://mastodon.example/api/v1/statuses");
  EXPECT_TRUE(HasHeader(r, "Authorization: Bearer tok"));
  EXPECT_TRUE(HasHeader(r, "Idempotency-Key: phare-social-42-upd1"));
  EXPECT_TRUE(r.keep_response);
  const json::object body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("status").as_string(), Post().text);
  EXPECT_EQ(body.at("language").as_string(), "fr");
  EXPECT_EQ(body.at("in_reply_to_id").as_string(), "1090");
}

TEST(SocialApiTest, BlueskyRecordHasLinkFacetOverUtf8BytesAndReplyRefs) {
  ReplyTo reply;
  reply.root = store::SocialRef{"", "at://did:plc:x/app.bsky.feed.post/a", "cidA"};
  reply.parent = store::SocialRef{"", "at://did:plc:x/app.bsky.feed.post/b", "cidB"};
  const Request r = BlueskyCreate("https://pds.example", "jwt", "did:plc:x", Post(), "en", reply);
  EXPECT_EQ(r.url, "https://pds.example/xrpc/com.atproto.repo.createRecord");
  const json::object body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("repo").as_string(), "did:plc:x");
  EXPECT_EQ(body.at("rkey").as_string(), BlueskyRecordKey(Post()));
  const json::object& record = body.at("record").as_object();
  EXPECT_EQ(record.at("$type").as_string(), "app.bsky.feed.post");
  EXPECT_EQ(record.at("createdAt").as_string(), "2017-11-09T06:21:00.000Z");
  const json::object& index = record.at("facets").as_array()[0].as_object().at("index").as_object();
  const std::string text = Post().text;
  const auto start = static_cast<size_t>(index.at("byteStart").as_int64());
  const auto end = static_cast<size_t>(index.at("byteEnd").as_int64());
  EXPECT_EQ(text.substr(start, end - start), "https://status.example.com/incidents/inc1");
  EXPECT_EQ(record.at("reply").at("root").at("cid").as_string(), "cidA");
  EXPECT_EQ(record.at("reply").at("parent").at("uri").as_string(),
            "at://did:plc:x/app.bsky.feed.post/b");
}

TEST(SocialApiTest, RecordKeyIsAStableTid) {
  const std::string key = BlueskyRecordKey(Post());
  EXPECT_EQ(key.size(), 13u);
  EXPECT_NE(std::string("234567abcdefghij").find(key[0]), std::string::npos);
  EXPECT_EQ(key, BlueskyRecordKey(Post()));
  store::SocialPost other = Post();
  other.id = 43;
  EXPECT_NE(BlueskyRecordKey(other), key);
}

TEST(SocialApiTest, GetRecordQueryIsEncoded) {
  const Request r = BlueskyGetRecord("https://pds.example", "jwt", "did:plc:x", "3kabc");
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.url,
            "https://pds.example/xrpc/com.atproto.repo.getRecord?repo=did:plc:x&collection=app."
            "bsky.feed.post&rkey=3kabc");
}

TEST(SocialApiTest, XTweetRepliesByTweetId) {
  ReplyTo reply;
  reply.parent = store::SocialRef{"1445880548472328192", "", ""};
  const Request r = XTweet("https://api.x.com", "tok", Post(), reply);
  EXPECT_EQ(r.url, "https://api.x.com/2/tweets");
  const json::object body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("reply").at("in_reply_to_tweet_id").as_string(), "1445880548472328192");
}

TEST(SocialApiTest, ReadsTheAnswers) {
  auto m = ParsePosted(comms::Network::kMastodon, R"({"id":"1090","uri":"https://m/1090"})");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->id, "1090");
  auto x = ParsePosted(comms::Network::kX, R"({"data":{"id":"77","text":"t"}})");
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->id, "77");
  auto b = ParsePosted(comms::Network::kBluesky, R"({"uri":"at://u","cid":"bafy"})");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->cid, "bafy");
  EXPECT_FALSE(ParsePosted(comms::Network::kX, R"({"id":"77"})").ok());
  EXPECT_FALSE(ParseBlueskySession(R"({"did":"d"})").ok());
  EXPECT_EQ(BlueskyError(R"({"error":"ExpiredToken","message":"m"})"), "ExpiredToken");
}

TEST(SocialApiTest, RateLimitWaitsFromEachNetworksResetHeader) {
  const base::Time now = base::FromMillis(1'700'000'000'000);
  Outcome o;
  o.code = 429;
  o.headers = {{"x-ratelimit-reset", "2023-11-14T22:13:50.019685Z"}};
  EXPECT_EQ(RateLimitWait(comms::Network::kMastodon, o, now), std::chrono::seconds(30));
  o.headers = {{"ratelimit-reset", "1700000045"}};
  EXPECT_EQ(RateLimitWait(comms::Network::kBluesky, o, now), std::chrono::seconds(45));
  o.headers = {{"x-rate-limit-reset", "1700000060"}};
  EXPECT_EQ(RateLimitWait(comms::Network::kX, o, now), std::chrono::seconds(60));
  o.code = 503;
  EXPECT_EQ(RateLimitWait(comms::Network::kX, o, now), std::nullopt);
}

}  // namespace
}  // namespace phare::notify
