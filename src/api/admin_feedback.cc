// GET /v1/pages/{page_id}/incidents/{incident_id}/feedback: readers' answers to "Was this
// clear?" for one incident, counted per update × audience × language, with the comments.
#include <boost/json.hpp>

#include "api/admin_call.h"
#include "http/problem.h"
#include "service/feedback.h"

namespace phare::api {
namespace {

boost::json::object TallyJson(const model::FeedbackTally& t) {
  const int64_t votes = t.yes + t.no;
  return {{"update_id", t.update_id},
          {"audience", model::ToString(t.audience)},
          {"language", t.language},
          {"yes", t.yes},
          {"no", t.no},
          {"no_share", votes == 0 ? 0.0 : static_cast<double>(t.no) / static_cast<double>(votes)}};
}

http::Response Feedback(AdminCall& call) {
  auto report = service::ReportFeedback(call.deps.ctx.store, call.req.params.at(1));
  if (!report.ok()) return http::ProblemFromStatus(report.status());
  boost::json::array tallies;
  for (const auto& t : report->tallies) tallies.push_back(TallyJson(t));
  boost::json::array comments;
  for (const auto& v : report->comments) {
    comments.push_back({{"update_id", v.update_id},
                        {"audience", model::ToString(v.audience)},
                        {"language", v.language},
                        {"answer", v.clear ? "yes" : "no"},
                        {"comment", v.comment},
                        {"created_at", call.zone.FormatRfc3339(v.at)}});
  }
  return Json(200, boost::json::object{{"incident_id", call.req.params.at(1)},
                                       {"updates", std::move(tallies)},
                                       {"comments", std::move(comments)}});
}

}  // namespace

void RegisterFeedbackRoutes(http::Router& router, AdminDeps& deps) {
  const std::string path = "/v1/pages/{}/incidents/{}/feedback";
  router.Add(http::Method::kGet, path, Admin(deps, model::Scope::kRead, Body::kNone, Feedback),
             {true, path});
}

}  // namespace phare::api
