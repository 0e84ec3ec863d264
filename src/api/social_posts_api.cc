#include "api/social_posts_api.h"

#include <boost/json.hpp>

#include <charconv>

#include "api/admin_call.h"
#include "api/input_parse.h"
#include "base/json.h"
#include "http/problem.h"

namespace phare::api {
namespace {

using http::Method;
using model::Scope;

int64_t PostId(std::string_view text) {
  int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  return error == std::errc() && end == text.data() + text.size() ? id : 0;
}

}  // namespace

boost::json::object SocialPostJson(const store::SocialPost& p,
                                   const std::vector<notify::SocialAccount>& accounts,
                                   const base::Zone& zone) {
  boost::json::object o{{"id", p.id},
                        {"account", p.account},
                        {"incident_id", p.incident_id},
                        {"update_id", p.update_id},
                        {"text", p.text},
                        {"edited", p.edited},
                        {"state", store::ToString(p.state)},
                        {"attempts", p.attempts},
                        {"created_at", zone.FormatRfc3339(p.created_at)},
                        {"due_at", zone.FormatRfc3339(p.due_at)},
                        {"posted_at", nullptr},
                        {"remote_id", p.remote_id},
                        {"remote_uri", p.remote_uri},
                        {"remote_cid", p.remote_cid},
                        {"last_error", p.last_error}};
  if (p.posted_at) o["posted_at"] = zone.FormatRfc3339(*p.posted_at);
  boost::json::array warnings;
  std::string_view rest = p.warnings;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    if (nl > 0) warnings.emplace_back(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  o["warnings"] = std::move(warnings);
  for (const auto& a : accounts) {
    if (a.name != p.account) continue;
    o["network"] = comms::ToString(a.network);
    o["length"] = comms::PostLength(a.network, p.text);
    o["limit"] = a.limit;
  }
  return o;
}

namespace {

http::Response OnePost(AdminCall& call, service::SocialPostService& posts,
                       const base::Result<store::SocialPost>& post) {
  if (!post.ok()) return http::ProblemFromStatus(post.status());
  return Json(200, SocialPostJson(*post, posts.accounts(), call.zone));
}

http::Response Edit(AdminCall& call, service::SocialPostService& posts) {
  const int64_t id = PostId(call.req.params[1]);
  if (id <= 0) return http::ProblemFromStatus(base::NotFound("no such social post"));
  auto obj = Wrapped(call.body, "social_post");
  if (!obj.ok()) return http::ProblemFromStatus(obj.status());
  std::optional<std::string> text;
  base::JsonReader reader(**obj, "social_post");
  auto read = reader.String("text", text, store::kMaxSocialTextBytes);
  if (!read.ok()) return http::ProblemFromStatus(read);
  if (!text)
    return http::ProblemFromStatus(base::InvalidArgument("is required", "social_post.text"));
  return OnePost(call, posts, posts.Edit(call.actor, id, std::move(*text)));
}

}  // namespace

void RegisterSocialPostRoutes(http::Router& router, AdminDeps& admin,
                              service::SocialPostService& posts,
                              const std::function<void()>& wake) {
  const std::string list = "/v1/pages/{}/social_posts";
  router.Add(Method::kGet, list,
             Admin(admin, Scope::kRead, Body::kNone,
                   [&posts](AdminCall& call) {
                     const auto limit =
                         static_cast<size_t>(QueryInt(call.req, "limit", 100, 1, 1000));
                     auto all = posts.List(call.req.Query("incident_id").value_or(""), limit);
                     if (!all.ok()) return http::ProblemFromStatus(all.status());
                     boost::json::array out;
                     for (const auto& p : *all)
                       out.push_back(SocialPostJson(p, posts.accounts(), call.zone));
                     return Json(200, out);
                   }),
             {true, list});
  const std::string one = "/v1/pages/{}/social_posts/{}";
  router.Add(Method::kGet, one,
             Admin(admin, Scope::kRead, Body::kNone,
                   [&posts](AdminCall& call) {
                     const int64_t id = PostId(call.req.params[1]);
                     return OnePost(call, posts,
                                    id > 0 ? posts.Get(id)
                                           : base::Result<store::SocialPost>(
                                                 base::NotFound("no such social post")));
                   }),
             {true, one});
  router.Add(Method::kPatch, one,
             Admin(admin, Scope::kWrite, Body::kJson,
                   [&posts](AdminCall& call) { return Edit(call, posts); }),
             {true, one});
  const std::string retry = "/v1/pages/{}/social_posts/{}/retry";
  router.Add(Method::kPost, retry,
             Admin(admin, Scope::kWrite, Body::kNone,
                   [&posts, wake](AdminCall& call) {
                     const int64_t id = PostId(call.req.params[1]);
                     auto status = id > 0 ? posts.Retry(call.actor, id)
                                          : base::NotFound("no such social post");
                     if (!status.ok()) return http::ProblemFromStatus(status);
                     wake();
                     return OnePost(call, posts, posts.Get(id));
                   }),
             {true, retry});
}

}  // namespace phare::api
