// The requests phare makes to social networks and how their answers are read, as each
// API documents them. Pure functions (no I/O): social_poster.h sends the requests through
// the Transport.
//
//   Mastodon  POST {url}/api/v1/statuses, "Authorization: Bearer TOKEN", an
//             Idempotency-Key (the server answers a repeated key with the status it
//             created), JSON {status, language, visibility, in_reply_to_id}; the answer
//             is the Status {id, uri, ...}. Rate limits: 429 and X-RateLimit-Reset (an
//             ISO 8601 time).
//   Bluesky   POST {url}/xrpc/com.atproto.server.createSession {identifier, password} →
//             {accessJwt, did}; POST {url}/xrpc/com.atproto.repo.createRecord {repo,
//             collection: app.bsky.feed.post, rkey, record: {$type, text, createdAt,
//             langs, facets (links over UTF-8 byte ranges), reply {root, parent}}} →
//             {uri, cid}; GET {url}/xrpc/com.atproto.repo.getRecord?repo&collection&rkey
//             answers whether a record key is taken. Rate limits: 429 and ratelimit-reset
//             (Unix seconds). Errors: {error, message}.
//   X         POST {url}/2/tweets, "Authorization: Bearer TOKEN" (an OAuth 2.0 user
//             token), JSON {text, reply: {in_reply_to_tweet_id}} → 201 {data: {id, text}}.
//             Rate limits: 429 and x-rate-limit-reset (Unix seconds).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "base/time.h"
#include "comms/social_text.h"
#include "notify/outcome.h"
#include "notify/transport.h"
#include "store/social.h"

namespace phare::notify {

// The thread a post replies to (empty refs for the first one).
struct ReplyTo {
  std::optional<store::SocialRef> root;
  std::optional<store::SocialRef> parent;
};

Request MastodonStatus(std::string_view base_url, std::string_view token,
                       const store::SocialPost& post, std::string_view language,
                       const ReplyTo& reply);
Request XTweet(std::string_view base_url, std::string_view token, const store::SocialPost& post,
               const ReplyTo& reply);
Request BlueskySession(std::string_view base_url, std::string_view handle,
                       std::string_view password);
Request BlueskyGetRecord(std::string_view base_url, std::string_view jwt, std::string_view did,
                         std::string_view rkey);
Request BlueskyCreate(std::string_view base_url, std::string_view jwt, std::string_view did,
                      const store::SocialPost& post, std::string_view language,
                      const ReplyTo& reply);

// A post's record key on Bluesky: a TID (13 base32-sortable characters) derived from its
// id and creation time, the same on every attempt, so a retry can tell it was created.
std::string BlueskyRecordKey(const store::SocialPost& post);

struct BlueskySessionInfo {
  std::string access_jwt;
  std::string did;
};
// InvalidArgument when the answer lacks what the API documents.
base::Result<BlueskySessionInfo> ParseBlueskySession(std::string_view body);
// The post as the network names it: Mastodon {id}, X {data.id}, Bluesky {uri, cid}.
base::Result<store::SocialRef> ParsePosted(comms::Network network, std::string_view body);
// Bluesky's {error} name in an error answer ("ExpiredToken"), or "".
std::string BlueskyError(std::string_view body);

// The wait a 429 asks for, from the network's rate-limit reset header (see above).
std::optional<base::Duration> RateLimitWait(comms::Network network, const Outcome& outcome,
                                            base::Time now);
// The headers each network's rate-limit answer carries (for Request::response_headers).
std::vector<std::string> RateLimitHeaders(comms::Network network);

}  // namespace phare::notify
