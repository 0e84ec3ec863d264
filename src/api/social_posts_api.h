// The social posts of the admin API (docs/channels.md), for the communicator: see what
// will be posted, change it before it goes, retry a dead letter.
//   GET   /v1/pages/{page}/social_posts[?incident_id=ID&limit=N]   oldest first (read)
//   GET   /v1/pages/{page}/social_posts/{id}                        (read)
//   PATCH /v1/pages/{page}/social_posts/{id}  {"social_post": {"text": "..."}}  (write):
//         422 when the text does not fit the account's network, 409 once it is posted,
//         in flight or dead
//   POST  /v1/pages/{page}/social_posts/{id}/retry                  a dead one (write; 409)
// Each post: id, account, network, incident_id, update_id, text, length and limit (as the
// network counts), edited, state, attempts, created_at, due_at, posted_at, remote_id,
// remote_uri, remote_cid, last_error, warnings (the checker's findings).
#pragma once

#include <boost/json/object.hpp>

#include <functional>
#include <vector>

#include "api/admin.h"
#include "http/router.h"
#include "service/social_posts.h"

namespace phare::api {

// One post as the API shows it (above), times in `zone`; the CLI prints the same.
boost::json::object SocialPostJson(const store::SocialPost& post,
                                   const std::vector<notify::SocialAccount>& accounts,
                                   const base::Zone& zone);

// Every route is blocking. `admin` and `posts` must outlive the router; `wake` tells the
// poster a post may be due.
void RegisterSocialPostRoutes(http::Router& router, AdminDeps& admin,
                              service::SocialPostService& posts, const std::function<void()>& wake);

}  // namespace phare::api
