#include "notify/social_api.h"

#include <boost/json.hpp>
#include <boost/url.hpp>

#include <charconv>

#include "base/json.h"

namespace phare::notify {
namespace {

namespace json = boost::json;

std::string Trim(std::string_view base_url) {
  std::string url(base_url);
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

Request JsonPost(std::string url, const json::object& body, std::string_view bearer) {
  Request r;
  r.channel = Channel::kWebhook;
  r.url = std::move(url);
  r.body = json::serialize(body);
  r.keep_response = true;
  if (!bearer.empty()) r.headers.push_back("Authorization: Bearer " + std::string(bearer));
  return r;
}

json::object Ref(const store::SocialRef& ref) { return {{"uri", ref.uri}, {"cid", ref.cid}}; }

// Link facets of `text`: one per URL, over its UTF-8 byte range.
json::array LinkFacets(std::string_view text) {
  json::array facets;
  for (const comms::ByteRange& link : comms::LinkRanges(text)) {
    const std::string uri(text.substr(link.begin, link.end - link.begin));
    facets.push_back(json::object{
        {"index", {{"byteStart", link.begin}, {"byteEnd", link.end}}},
        {"features",
         json::array{json::object{{"$type", "app.bsky.richtext.facet#link"}, {"uri", uri}}}}});
  }
  return facets;
}

std::optional<int64_t> Integer(std::string_view text) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

std::string StringField(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

Request MastodonStatus(std::string_view base_url, std::string_view token,
                       const store::SocialPost& post, std::string_view language,
                       const ReplyTo& reply) {
  json::object body{{"status", post.text}, {"language", language}, {"visibility", "public"}};
  if (reply.parent) body["in_reply_to_id"] = reply.parent->id;
  Request r = JsonPost(Trim(base_url) + "/api/v1/statuses", body, token);
  r.headers.push_back("Idempotency-Key: phare-social-" + std::to_string(post.id) + "-" +
                      post.update_id);
  r.response_headers = RateLimitHeaders(comms::Network::kMastodon);
  return r;
}

Request XTweet(std::string_view base_url, std::string_view token, const store::SocialPost& post,
               const ReplyTo& reply) {
  json::object body{{"text", post.text}};
  if (reply.parent) body["reply"] = json::object{{"in_reply_to_tweet_id", reply.parent->id}};
  Request r = JsonPost(Trim(base_url) + "/2/tweets", body, token);
  r.response_headers = RateLimitHeaders(comms::Network::kX);
  return r;
}

Request BlueskySession(std::string_view base_url, std::string_view handle,
                       std::string_view password) {
  Request r = JsonPost(Trim(base_url) + "/xrpc/com.atproto.server.createSession",
                       {{"identifier", handle}, {"password", password}}, "");
  r.response_headers = RateLimitHeaders(comms::Network::kBluesky);
  return r;
}

Request BlueskyGetRecord(std::string_view base_url, std::string_view jwt, std::string_view did,
                         std::string_view rkey) {
  const std::string endpoint = Trim(base_url) + "/xrpc/com.atproto.repo.getRecord";
  Request r;
  r.channel = Channel::kWebhook;
  r.method = "GET";
  r.url = endpoint;  // refused by the transport if it is not a URL
  if (auto parsed = boost::urls::parse_uri(endpoint)) {
    boost::urls::url url(*parsed);
    url.params().append({"repo", did});
    url.params().append({"collection", "app.bsky.feed.post"});
    url.params().append({"rkey", rkey});
    r.url = std::string(url.buffer());
  }
  r.keep_response = true;
  r.headers.push_back("Authorization: Bearer " + std::string(jwt));
  r.response_headers = RateLimitHeaders(comms::Network::kBluesky);
  return r;
}

Request BlueskyCreate(std::string_view base_url, std::string_view jwt, std::string_view did,
                      const store::SocialPost& post, std::string_view language,
                      const ReplyTo& reply) {
  json::object record{{"$type", "app.bsky.feed.post"},
                      {"text", post.text},
                      {"createdAt", base::FormatUtc(post.created_at)},
                      {"langs", json::array{json::string(language)}}};
  json::array facets = LinkFacets(post.text);
  if (!facets.empty()) record["facets"] = std::move(facets);
  if (reply.root && reply.parent) {
    record["reply"] = json::object{{"root", Ref(*reply.root)}, {"parent", Ref(*reply.parent)}};
  }
  json::object body{{"repo", did},
                    {"collection", "app.bsky.feed.post"},
                    {"rkey", BlueskyRecordKey(post)},
                    {"record", std::move(record)}};
  Request r = JsonPost(Trim(base_url) + "/xrpc/com.atproto.repo.createRecord", body, jwt);
  r.response_headers = RateLimitHeaders(comms::Network::kBluesky);
  return r;
}

std::string BlueskyRecordKey(const store::SocialPost& post) {
  static constexpr std::string_view kAlphabet = "234567abcdefghijklmnopqrstuvwxyz";
  const auto micros = static_cast<uint64_t>(base::ToMillis(post.created_at)) * 1000 +
                      static_cast<uint64_t>(post.id % 1000);
  const uint64_t tid =
      ((micros & ((uint64_t{1} << 53) - 1)) << 10) | (static_cast<uint64_t>(post.id) & 1023);
  std::string key(13, '2');
  for (int i = 12; i >= 0; --i)
    key[static_cast<size_t>(i)] = kAlphabet[(tid >> (5 * (12 - i))) & 31];
  return key;
}

base::Result<BlueskySessionInfo> ParseBlueskySession(std::string_view body) {
  PHARE_ASSIGN_OR_RETURN(json::value v, base::ParseJson(body));
  if (!v.is_object()) return base::InvalidArgument("createSession did not answer an object");
  BlueskySessionInfo info{StringField(v.as_object(), "accessJwt"),
                          StringField(v.as_object(), "did")};
  if (info.access_jwt.empty() || info.did.empty()) {
    return base::InvalidArgument("createSession answered no accessJwt or did");
  }
  return info;
}

base::Result<store::SocialRef> ParsePosted(comms::Network network, std::string_view body) {
  PHARE_ASSIGN_OR_RETURN(json::value v, base::ParseJson(body));
  if (!v.is_object()) return base::InvalidArgument("the answer is not a JSON object");
  const json::object* o = &v.as_object();
  store::SocialRef ref;
  switch (network) {
    case comms::Network::kMastodon:
      ref.id = StringField(*o, "id");
      ref.uri = StringField(*o, "uri");
      if (ref.id.empty()) return base::InvalidArgument("the status has no id");
      break;
    case comms::Network::kX: {
      const json::value* data = o->if_contains("data");
      if (data && data->is_object()) ref.id = StringField(data->as_object(), "id");
      if (ref.id.empty()) return base::InvalidArgument("the answer has no data.id");
      break;
    }
    case comms::Network::kBluesky:
      ref.uri = StringField(*o, "uri");
      ref.cid = StringField(*o, "cid");
      if (ref.uri.empty() || ref.cid.empty()) return base::InvalidArgument("no uri or cid");
      break;
  }
  return ref;
}

std::string BlueskyError(std::string_view body) {
  auto v = base::ParseJson(body);
  if (!v.ok() || !v->is_object()) return "";
  return StringField(v->as_object(), "error");
}

std::vector<std::string> RateLimitHeaders(comms::Network network) {
  switch (network) {
    case comms::Network::kMastodon:
      return {"x-ratelimit-reset"};
    case comms::Network::kBluesky:
      return {"ratelimit-reset"};
    case comms::Network::kX:
      return {"x-rate-limit-reset"};
  }
  return {};
}

std::optional<base::Duration> RateLimitWait(comms::Network network, const Outcome& outcome,
                                            base::Time now) {
  if (outcome.code != 429) return std::nullopt;
  for (const auto& [name, value] : outcome.headers) {
    if (name != RateLimitHeaders(network).front()) continue;
    std::optional<base::Time> reset;
    if (network == comms::Network::kMastodon) {
      // "2020-09-08T13:25:00.019685Z": read to the second (sub-seconds do not matter here).
      auto t = base::ParseTime(value.size() > 19 ? value.substr(0, 19) + "Z" : value);
      if (t.ok()) reset = *t;
    } else if (auto seconds = Integer(value)) {
      reset = base::FromMillis(*seconds * 1000);
    }
    if (!reset) return std::nullopt;
    return std::max(base::Duration{0}, *reset - now);
  }
  return std::nullopt;
}

}  // namespace phare::notify
